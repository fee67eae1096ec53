// GET /api/v1/strategies/{slug}/versions/{number}: one version in every language (ADR 017).
import { getStrategyVersion } from "~/modules/api/contract/strategies";
import { getStrategyVersionResource } from "~/modules/api/reads/strategies.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getStrategyVersion, ({ params, caller }) => getStrategyVersionResource({ slug: params.slug, number: params.number, reader: caller.reader }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
