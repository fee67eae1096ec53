// GET /api/v1/strategies/{slug}: a strategy with its versions and the version the caller reads (ADR 017).
import { getStrategy } from "~/modules/api/contract/strategies";
import { getStrategyResource } from "~/modules/api/reads/strategies.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getStrategy, ({ params, caller, links }) => getStrategyResource({ slug: params.slug, reader: caller.reader, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
