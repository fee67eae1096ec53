// Serving an endpoint definition as a Remix resource route (ADR 017):
// parameters parsed by their zod schemas, the token checked, the caller's
// allowance counted, the answer held to its zod schema (an allow-list: nothing
// else leaves), then ETag/If-None-Match, CORS for public reads, and JSON errors
// with a stable code and a translated message — never an HTML page or a 500
// for a malformed request.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { CurrentUser } from "~/utils/auth.server";
import { isDomainError } from "~/utils/errors";
import { createI18nInstance } from "~/utils/i18n.server";
import { languageFromAcceptLanguage } from "~/utils/i18n";
import { logger, securityEvent } from "~/utils/logger.server";
import { consumeAllowance, type Allowance } from "~/utils/rate-limit.server";
import type { EndpointDef } from "./contract/endpoint";
import { ApiError, codeForStatus, type ErrorDetail } from "./errors";
import { linksFor, siteOrigin, type Links } from "./links.server";
import { etagOf, notModified } from "~/utils/http-cache.server";
import { authenticateApiToken } from "./tokens.server";
import type { ApiScopeName } from "./constants";

/** Who is calling. */
export type Caller = {
  /** The token's owner when the token may read (`read` scope); null reads as the public does. */
  reader: CurrentUser | null;
  /** The token's owner, whatever the token's scopes. */
  user: CurrentUser | null;
  token: { id: string; scopes: ApiScopeName[] } | null;
  clientIp: string;
};

export type HandlerArgs<D extends EndpointDef> = {
  params: z.infer<D["params"]>;
  query: z.infer<D["query"]>;
  caller: Caller;
  links: Links;
  request: Request;
  context: AppLoadContext;
};

/** An answer with another status than the endpoint's usual one, or with headers of its own. */
export class ApiReply<T> {
  constructor(
    readonly body: T,
    readonly status?: number,
    readonly headers: Record<string, string> = {},
  ) {}
}

type Handler<D extends EndpointDef> = (args: HandlerArgs<D>) => Promise<z.input<D["response"]> | ApiReply<z.input<D["response"]>>>;

const CORS_EXPOSED = ["ETag", "Link", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"].join(", ");

function corsHeaders(def: EndpointDef): Record<string, string> {
  return def.auth === "public" && def.method === "get" ? { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": CORS_EXPOSED } : {};
}

function allowanceHeaders(allowance: Allowance | null): Record<string, string> {
  if (!allowance) return {};
  return {
    "RateLimit-Limit": String(allowance.limit),
    "RateLimit-Remaining": String(allowance.remaining),
    "RateLimit-Reset": String(allowance.resetSeconds),
  };
}

function json(body: unknown, status: number, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "X-Content-Type-Options": "nosniff", ...headers },
  });
}

/** The error as JSON, its message in the caller's language (Accept-Language), else English. */
export async function errorResponse(request: Request, requestId: string | undefined, error: ApiError, headers: Record<string, string> = {}): Promise<Response> {
  const lang = languageFromAcceptLanguage(request.headers.get("Accept-Language"));
  const i18n = await createI18nInstance(lang);
  const message = i18n.t(error.messageKey, { ns: "common", lng: lang, ...error.values });
  const body = {
    error: {
      code: error.code,
      message,
      ...(requestId ? { requestId } : {}),
      ...(error.details.length ? { details: error.details } : {}),
      ...(error.suggestions.length ? { suggestions: error.suggestions } : {}),
    },
  };
  return json(body, error.status, { "Cache-Control": "no-store", "Content-Language": lang, Vary: "Authorization, Accept-Language", ...headers, ...error.headers });
}

function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (isDomainError(error)) return new ApiError(error.status, codeForStatus(error.status), error.messageKey, error.values);
  return null;
}

function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.slice(0, 20).map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
}

function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, status = 400): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError(status, "invalid_parameter", undefined, {}, zodDetails(parsed.error));
  return parsed.data;
}

/** Query parameters: a repeated one becomes a list, a single one stays a string. */
function queryObject(url: URL): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    result[key] = values.length > 1 ? values : values[0]!;
  }
  return result;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9_.~+/=-]+)$/i;
const challenge = (error?: string, scope?: string) => ['Bearer realm="concord"', error ? `error="${error}"` : null, scope ? `scope="${scope}"` : null].filter(Boolean).join(", ");

async function identify(request: Request, context: AppLoadContext, def: EndpointDef): Promise<Caller> {
  const clientIp = context.clientIp ?? "unknown";
  const header = request.headers.get("Authorization");
  let caller: Caller = { reader: null, user: null, token: null, clientIp };
  if (header !== null) {
    const match = BEARER.exec(header.trim());
    const found = match ? await authenticateApiToken(match[1]!) : null;
    if (!found) {
      securityEvent("request.refused", { requestId: context.requestId, status: 401, reason: "api token refused" });
      throw new ApiError(401, "invalid_token", undefined, {}, [], { "WWW-Authenticate": challenge("invalid_token") });
    }
    caller = { reader: found.token.scopes.includes("read") ? found.user : null, user: found.user, token: found.token, clientIp };
  }
  if (def.auth !== "public") {
    if (!caller.token) throw new ApiError(401, "unauthorized", undefined, {}, [], { "WWW-Authenticate": challenge(undefined, def.auth) });
    if (!caller.token.scopes.includes(def.auth)) {
      throw new ApiError(403, "insufficient_scope", undefined, {}, [], { "WWW-Authenticate": challenge("insufficient_scope", def.auth) });
    }
  }
  return caller;
}

async function countRequest(caller: Caller): Promise<Allowance> {
  const allowance = caller.token ? await consumeAllowance("apiRequestsPerToken", caller.token.id) : await consumeAllowance("apiRequestsPerAddress", caller.clientIp);
  if (!allowance.allowed) {
    throw new ApiError(429, "rate_limited", undefined, { seconds: allowance.resetSeconds }, [], {
      "Retry-After": String(allowance.resetSeconds),
      ...allowanceHeaders(allowance),
    });
  }
  return allowance;
}

/** The URL of the next page: this request's, with the cursor replaced. */
function nextLink(request: Request, links: Links, cursor: string): string {
  const url = new URL(request.url);
  url.searchParams.set("cursor", cursor);
  return `${links.origin}${url.pathname}${url.search}`;
}

async function run<D extends EndpointDef>(def: D, handler: Handler<D>, request: Request, params: Record<string, string | undefined>, context: AppLoadContext): Promise<Response> {
  const cors = corsHeaders(def);
  let allowance: Allowance | null = null;
  try {
    const parsedParams = parseInput(def.params, params, 404);
    const query = parseInput(def.query, queryObject(new URL(request.url)));
    const caller = await identify(request, context, def);
    allowance = await countRequest(caller);
    const links = linksFor(siteOrigin(request));
    const result = await handler({ params: parsedParams, query, caller, links, request, context });
    const reply = result instanceof ApiReply ? result : new ApiReply(result);
    const checked = def.response.safeParse(reply.body);
    if (!checked.success) {
      logger.error({ requestId: context.requestId, endpoint: def.id, issues: checked.error.issues.slice(0, 5) }, "API answer does not match its schema");
      throw new ApiError(500, "internal_error");
    }
    const body = JSON.stringify(checked.data);
    const headers: Record<string, string> = {
      ...cors,
      ...allowanceHeaders(allowance),
      // Answers differ by token (what its owner may read): shared caches keep them apart.
      Vary: "Authorization, Accept-Language",
      "Cache-Control": caller.token ? "private, no-cache" : "public, no-cache",
      ...reply.headers,
    };
    if (def.paginated) {
      const next = (checked.data as { nextCursor?: string | null }).nextCursor;
      if (next) headers.Link = `<${nextLink(request, links, next)}>; rel="next"`;
    }
    if (def.method === "get") {
      const etag = etagOf(body);
      headers.ETag = etag;
      if (notModified(request, etag)) return new Response(null, { status: 304, headers });
    }
    return new Response(body, {
      status: reply.status ?? def.status,
      headers: { "Content-Type": "application/json; charset=utf-8", "X-Content-Type-Options": "nosniff", ...headers },
    });
  } catch (error) {
    const known = asApiError(error);
    if (known) {
      if (known.status === 403) securityEvent("permission.denied", { requestId: context.requestId, endpoint: def.id, reason: known.messageKey });
      return errorResponse(request, context.requestId, known, { ...cors, ...allowanceHeaders(allowance) });
    }
    logger.error({ err: error, requestId: context.requestId, endpoint: def.id }, "API request failed");
    return errorResponse(request, context.requestId, new ApiError(500, "internal_error"), cors);
  }
}

const allowOf = (defs: EndpointDef[]) => [...new Set(defs.flatMap((d) => (d.method === "get" ? ["GET", "HEAD"] : ["POST"]))), "OPTIONS"].join(", ");

const methodNotAllowed = (request: Request, context: AppLoadContext, defs: EndpointDef[]) =>
  errorResponse(request, context.requestId, new ApiError(405, "method_not_allowed"), { Allow: allowOf(defs), ...corsHeaders(defs.find((d) => d.method === "get") ?? defs[0]!) });

/** A definition with the function that answers it. */
export function endpointHandler<D extends EndpointDef>(def: D, handler: Handler<D>) {
  return { def: def as EndpointDef, handler: handler as unknown as Handler<EndpointDef> };
}

/**
 * The loader and action of a route serving one path: its GET definition
 * (loader), its POST definition (action), or both. OPTIONS is the CORS
 * preflight, offered for public reads only.
 */
export function serveRoute(...served: ReturnType<typeof endpointHandler>[]) {
  const get = served.find((s) => s.def.method === "get");
  const post = served.find((s) => s.def.method === "post");
  const defs = served.map((s) => s.def);
  return {
    loader: ({ request, params, context }: LoaderFunctionArgs) => (get ? run(get.def, get.handler, request, params, context) : methodNotAllowed(request, context, defs)),
    action: async ({ request, params, context }: ActionFunctionArgs) => {
      if (request.method === "OPTIONS") {
        const cors = get ? corsHeaders(get.def) : {};
        return new Response(null, {
          status: 204,
          headers: {
            Allow: allowOf(defs),
            ...(cors["Access-Control-Allow-Origin"]
              ? {
                  ...cors,
                  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                  "Access-Control-Allow-Headers": "If-None-Match, Accept-Language",
                  "Access-Control-Max-Age": "86400",
                }
              : {}),
          },
        });
      }
      if (post && request.method === "POST") return run(post.def, post.handler, request, params, context);
      return methodNotAllowed(request, context, defs);
    },
  };
}

/** The loader and action of a route serving `def`. */
export function serve<D extends EndpointDef>(def: D, handler: Handler<D>) {
  return serveRoute(endpointHandler(def, handler));
}

/** The `handle` every API route exports: JSON errors from the request guard, JSON never read from the body. */
export const API_ROUTE_HANDLE = { api: true } as const;
