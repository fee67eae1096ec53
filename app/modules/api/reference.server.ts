// What the human-readable API reference (/:lang/api) shows, read from the
// generated OpenAPI document so that the page and the document cannot differ:
// each endpoint's method, path, access, parameters and answer, and the fields
// of every schema. The words around them are translations (api namespace).
import { allowanceLimit } from "~/utils/rate-limit.server";
import { API_BASE_PATH, PAGE_SIZE_MAX } from "./constants";
import { ENDPOINTS } from "./contract/endpoints";
import { TAGS } from "./contract/endpoint";
import { openApiDocument } from "./openapi.server";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
};

const refName = (ref: string) => ref.split("/").at(-1)!;

/** A schema as a short, language-neutral type: `string (date-time) | null`, `DelegationRef[]`, `"A" | "B"`. */
export function typeLabel(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.allOf?.length === 1) return typeLabel(schema.allOf[0]);
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types
    .map((type) => {
      if (type === "array") return `${typeLabel(schema.items)}[]`;
      if (type === "object" && typeof schema.additionalProperties === "object") return `{ [key]: ${typeLabel(schema.additionalProperties)} }`;
      return schema.format ? `${type} (${schema.format})` : type;
    })
    .join(" | ");
}

function fieldsOf(schema: Schema | undefined) {
  return Object.entries(schema?.properties ?? {}).map(([name, s]) => ({ name, type: typeLabel(s), required: schema?.required?.includes(name) ?? false }));
}

export async function loadApiReference(origin: string) {
  const document = (await openApiDocument(origin)) as unknown as {
    servers: { url: string }[];
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
          requestBody?: { content: Record<string, { schema: Schema }> };
          responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
        }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  const base = document.servers[0]!.url;
  const endpoints = ENDPOINTS.map((def) => {
    const operation = document.paths[def.path]![def.method]!;
    const answer = operation.responses[String(def.status)]?.content?.["application/json"]?.schema;
    const exampleQuery = def.paginated ? "?limit=2" : "";
    const curlPath = def.path.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
    return {
      id: def.id,
      tag: def.tag,
      method: def.method.toUpperCase(),
      path: def.path,
      auth: def.auth,
      paginated: def.paginated,
      status: def.status,
      errors: [400, 401, ...def.errors, 429],
      parameters: [
        ...(operation.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required === true, type: typeLabel(p.schema) })),
        ...Object.values(operation.requestBody?.content ?? {}).flatMap((c) => fieldsOf(c.schema).map((f) => ({ ...f, in: "body" }))),
      ],
      bodyType: Object.keys(operation.requestBody?.content ?? {})[0] ?? null,
      alsoStatus: def.alsoStatus ?? [],
      answer: typeLabel(answer),
      curl: [
        "curl",
        def.auth === "public" ? null : '-H "Authorization: Bearer $CONCORD_TOKEN"',
        ...(def.body ? Object.keys(def.body.shape).map((name) => (name === "file" ? `-F "file=@results.json"` : `-F "${name}=…"`)) : []),
        `"${base}${curlPath}${exampleQuery}"`,
      ]
        .filter(Boolean)
        .join(" "),
    };
  });
  const schemas = Object.entries(document.components.schemas)
    .filter(([, schema]) => schema.properties)
    .map(([name, schema]) => ({ name, fields: fieldsOf(schema) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const enums = Object.entries(document.components.schemas)
    .filter(([, schema]) => schema.enum)
    .map(([name, schema]) => ({ name, values: schema.enum!.map(String) }));
  return {
    base,
    openapiUrl: `${origin}${API_BASE_PATH}/openapi.json`,
    tags: TAGS.filter((tag) => endpoints.some((e) => e.tag === tag)),
    endpoints,
    schemas,
    enums,
    limits: { perToken: allowanceLimit("apiRequestsPerToken"), perAddress: allowanceLimit("apiRequestsPerAddress"), pageMax: PAGE_SIZE_MAX },
  };
}
