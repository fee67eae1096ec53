// GET /api/v1/positions/{slug}: a position in every adopted language, with its vote record (ADR 017).
import { getPosition } from "~/modules/api/contract/positions";
import { getPositionResource } from "~/modules/api/reads/positions.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getPosition, ({ params, links }) => getPositionResource({ slug: params.slug, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
