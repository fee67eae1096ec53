// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the endpoint definitions (ADR 017).
import { getOpenApi } from "~/modules/api/contract/meta";
import { openApiDocument } from "~/modules/api/openapi.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getOpenApi, async ({ links }) => (await openApiDocument(links.origin)) as { openapi: "3.1.0" });

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
