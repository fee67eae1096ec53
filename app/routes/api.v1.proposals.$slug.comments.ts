// GET /api/v1/proposals/{slug}/comments: comments, oldest first (members, `read` token) (ADR 017).
import { listProposalComments } from "~/modules/api/contract/proposals";
import { listCommentsPage } from "~/modules/api/reads/proposals.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listProposalComments, ({ params, query, caller, links }) => listCommentsPage({ slug: params.slug, ...query, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
