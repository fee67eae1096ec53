// GET /api/v1/leaderboards: leaderboards with their leaders, most models first (ADR 017).
import { listLeaderboards } from "~/modules/api/contract/evaluations";
import { listLeaderboardsPage } from "~/modules/api/reads/evaluations.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listLeaderboards, ({ query, caller, links }) => listLeaderboardsPage({ ...query, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
