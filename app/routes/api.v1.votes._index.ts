// GET /api/v1/votes: closed votes, newest first (members, `read` token) (ADR 017).
import { listVotes } from "~/modules/api/contract/votes";
import { listVotesPage } from "~/modules/api/reads/proposals.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listVotes, ({ query, caller, links }) => listVotesPage({ ...query, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
