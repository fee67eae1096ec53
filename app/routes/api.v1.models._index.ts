// GET /api/v1/models: the model registry, by name (ADR 017).
import { listModels } from "~/modules/api/contract/evaluations";
import { listModelsPage } from "~/modules/api/reads/evaluations.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listModels, ({ query, links }) => listModelsPage({ ...query, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
