// GET /api/v1/proposals: proposals, newest first (members, `read` token) (ADR 017).
import { listProposals } from "~/modules/api/contract/proposals";
import { listProposalsPage } from "~/modules/api/reads/proposals.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listProposals, ({ query, caller, links }) => listProposalsPage({ ...query, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
