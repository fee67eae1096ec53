// GET /api/v1/votes/{id}: a closed vote with each delegation's recorded vote (members, `read` token) (ADR 017).
import { getVote } from "~/modules/api/contract/votes";
import { getVoteResource } from "~/modules/api/reads/proposals.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getVote, ({ params, caller, links }) => getVoteResource({ id: params.id, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
