// GET /api/v1/members/{code}: a delegation with every published DSI assessment (ADR 017).
import { getMember } from "~/modules/api/contract/members";
import { getMemberResource } from "~/modules/api/reads/members.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getMember, ({ params, links }) => getMemberResource({ code: params.code, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
