// GET /api/v1/evaluations/{id}: a run with its provenance (ADR 017).
import { getEvaluation } from "~/modules/api/contract/evaluations";
import { getEvaluationResource } from "~/modules/api/reads/evaluations.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getEvaluation, ({ params, caller, links }) => getEvaluationResource({ id: params.id, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
