// GET /api/v1/evaluations/{id}/results: a run's results (ADR 017).
import { listEvaluationResults } from "~/modules/api/contract/evaluations";
import { listResultsPage } from "~/modules/api/reads/evaluations.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listEvaluationResults, ({ params, query, caller, links }) => listResultsPage({ id: params.id, cursor: query.cursor, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
