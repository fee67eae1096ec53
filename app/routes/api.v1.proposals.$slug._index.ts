// GET /api/v1/proposals/{slug}: a proposal with its versions (members, `read` token) (ADR 017).
import { getProposal } from "~/modules/api/contract/proposals";
import { getProposalResource } from "~/modules/api/reads/proposals.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getProposal, ({ params, caller, links }) => getProposalResource({ slug: params.slug, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
