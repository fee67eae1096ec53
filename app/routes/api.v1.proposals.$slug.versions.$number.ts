// GET /api/v1/proposals/{slug}/versions/{number}: one version in every language (members, `read` token) (ADR 017).
import { getProposalVersion } from "~/modules/api/contract/proposals";
import { getProposalVersionResource } from "~/modules/api/reads/proposals.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getProposalVersion, ({ params, caller, links }) => getProposalVersionResource({ slug: params.slug, number: params.number, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
