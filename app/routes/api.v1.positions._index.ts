// GET /api/v1/positions: adopted texts, newest adoption first (ADR 017).
import { listPositions } from "~/modules/api/contract/positions";
import { listPositionsPage } from "~/modules/api/reads/positions.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listPositions, ({ query, links }) => listPositionsPage({ ...query, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
