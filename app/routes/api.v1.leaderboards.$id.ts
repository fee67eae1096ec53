// GET /api/v1/leaderboards/{id}: one ranking, a page of it (ADR 017).
import { getLeaderboard } from "~/modules/api/contract/evaluations";
import { getLeaderboardResource } from "~/modules/api/reads/evaluations.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getLeaderboard, ({ params, query, caller, links }) => getLeaderboardResource({ id: params.id, ...query, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
