// GET /api/v1/members: delegations with their latest published DSI scores (ADR 017).
import { listMembers } from "~/modules/api/contract/members";
import { listMembersPage } from "~/modules/api/reads/members.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listMembers, ({ query, links }) => listMembersPage({ ...query, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
