// /api/v1/evaluations: GET lists evaluation runs, newest first; POST takes an
// lm-evaluation-harness results file from a pipeline, through the same importer
// as the import page (ADR 017).
import { listEvaluations, submitEvaluation } from "~/modules/api/contract/evaluations";
import { submitEvaluationFile } from "~/modules/api/evaluation-submission.server";
import { listEvaluationsPage } from "~/modules/api/reads/evaluations.server";
import { ApiReply, API_ROUTE_HANDLE, endpointHandler, serveRoute } from "~/modules/api/serve.server";

const route = serveRoute(
  endpointHandler(listEvaluations, ({ query, caller, links }) => listEvaluationsPage({ ...query, reader: caller.reader, links })),
  endpointHandler(submitEvaluation, async ({ request, caller, links }) => {
    // The endpoint needs a token with evaluations:write: the caller has one, and its owner.
    const { status, body } = await submitEvaluationFile({ request, user: caller.user!, tokenId: caller.token!.id, links });
    return new ApiReply(body, status, status === 201 ? { Location: body.run.apiUrl } : {});
  }),
);

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
