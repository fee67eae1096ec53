// GET /api/v1/models/{slug}: a model card with its lineage (ADR 017).
import { getModel } from "~/modules/api/contract/evaluations";
import { getModelResource } from "~/modules/api/reads/evaluations.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getModel, ({ params, links }) => getModelResource({ slug: params.slug, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
