// GET /api/v1/strategies: strategies the caller may read, newest first (ADR 017).
import { listStrategies } from "~/modules/api/contract/strategies";
import { listStrategiesPage } from "~/modules/api/reads/strategies.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listStrategies, ({ query, caller, links }) => listStrategiesPage({ ...query, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
