// The OpenAPI 3.1 document of the API, generated from the endpoint
// definitions and their zod schemas (ADR 017): nothing here is written by hand
// about a path or a field. Summaries and descriptions are the English texts of
// the reference page (locales/en/api.json), so the two say the same.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { getFixedT } from "~/utils/i18n.server";
import { ErrorBody } from "./contract/common";
import type { EndpointDef } from "./contract/endpoint";
import { TAGS } from "./contract/endpoint";
import { ENDPOINTS } from "./contract/endpoints";
import { API_BASE_PATH, PAGE_SIZE_MAX } from "./constants";

export const OPENAPI_VERSION = "3.1.0";
export const API_DOCUMENT_VERSION = "1.0.0";

const header = (description: string, type: "string" | "integer" = "string") => ({ description, schema: { type } });

async function generate(origin: string) {
  const t = await getFixedT("en", "api");
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "personalAccessToken", {
    type: "http",
    scheme: "bearer",
    description: t("reference.auth.scheme"),
  });
  registry.register("Error", ErrorBody);
  const error = (status: number): ResponseConfig => ({
    description: t(`reference.statuses.${status}`),
    content: { "application/json": { schema: ErrorBody } },
  });
  const rateHeaders = {
    "RateLimit-Limit": header(t("reference.headers.rateLimit"), "integer"),
    "RateLimit-Remaining": header(t("reference.headers.rateRemaining"), "integer"),
    "RateLimit-Reset": header(t("reference.headers.rateReset"), "integer"),
  };

  for (const def of ENDPOINTS as EndpointDef[]) {
    const responses: Record<number, ResponseConfig> = {
      [def.status]: {
        description: t(`endpoints.${def.id}.response`),
        headers: {
          ...(def.method === "get" ? { ETag: header(t("reference.headers.etag")) } : {}),
          ...(def.paginated ? { Link: header(t("reference.headers.link")) } : {}),
          ...rateHeaders,
        },
        content: { "application/json": { schema: def.response } },
      },
      400: error(400),
      401: error(401),
      429: { ...error(429), headers: { "Retry-After": header(t("reference.headers.retryAfter"), "integer") } },
    };
    for (const status of def.alsoStatus ?? []) {
      responses[status] = { description: t(`endpoints.${def.id}.status${status}`), headers: rateHeaders, content: { "application/json": { schema: def.response } } };
    }
    if (def.method === "get") responses[304] = { description: t("reference.statuses.304") };
    for (const status of def.errors) responses[status] = error(status);
    registry.registerPath({
      method: def.method,
      path: def.path,
      operationId: def.id,
      tags: [def.tag],
      summary: t(`endpoints.${def.id}.summary`),
      description: t(`endpoints.${def.id}.description`),
      // Public reads take a token too (it shows what its owner may read); the others need one with the scope.
      security: def.auth === "public" ? [{}, { [bearer.name]: [] }] : [{ [bearer.name]: [def.auth] }],
      request: {
        params: def.params,
        query: def.query,
        ...(def.body ? { body: { required: true, content: { "multipart/form-data": { schema: def.body } } } } : {}),
      },
      responses,
    });
  }

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: OPENAPI_VERSION,
    info: {
      title: t("reference.documentTitle"),
      version: API_DOCUMENT_VERSION,
      description: t("reference.documentDescription", { max: PAGE_SIZE_MAX }),
    },
    servers: [{ url: `${origin}${API_BASE_PATH}` }],
    tags: TAGS.map((tag) => ({ name: tag, description: t(`tags.${tag}.description`) })),
    externalDocs: { description: t("reference.title"), url: `${origin}/en/api` },
  });
  return withoutRepeats(document);
}

/** zod-to-openapi 7 writes `{ "type": "null" }` twice in the anyOf of a value-or-null: once is enough. */
function withoutRepeats<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutRepeats) as T;
  if (node === null || typeof node !== "object") return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const cleaned = withoutRepeats(value);
    result[key] = key === "anyOf" && Array.isArray(cleaned) ? cleaned.filter((v, i) => cleaned.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i) : cleaned;
  }
  return result as T;
}

const cache = new Map<string, Promise<ReturnType<OpenApiGeneratorV31["generateDocument"]>>>();

/** The document for a site origin (its server URL differs), generated once per origin. */
export function openApiDocument(origin: string) {
  let document = cache.get(origin);
  if (!document) {
    document = generate(origin);
    // A failed generation is not kept: the next request tries again.
    document.catch(() => cache.delete(origin));
    if (cache.size < 8) cache.set(origin, document);
  }
  return document;
}
