// Every loader and action behind one guard (ADR 016): whatever a client sends,
// the answer is a 4xx with a page, never a 500.
// - Actions take only the body kinds their route reads: forms everywhere, JSON
//   only on routes that say so (`export const handle = { acceptsJson: true }`);
//   anything else is 415 before the route runs.
// - A body over its limit is 413; a form that cannot be parsed is 400; NUL bytes,
//   more than MAX_FORM_FIELDS fields or a list index past MAX_LIST_INDEX are
//   refused before any list is built.
// - A DomainError that escapes a loader or action becomes its status.
// - API routes (`handle = { api: true }`, ADR 017) get these refusals as JSON
//   errors with a stable code, like every other answer of the API.
import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { forgetSessionState } from "~/utils/auth.server";
import { isDomainError } from "~/utils/errors";
import { securityEvent } from "~/utils/logger.server";
import { checkFormFields, type FieldProblem, type RequestBody } from "~/utils/request-body.server";

type RouteModule = ServerBuild["routes"][string]["module"];
type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;

const PROBLEM_STATUS: Record<FieldProblem, number> = { nul: 400, tooMany: 413, listIndex: 413 };

const API_CODES: Record<number, string> = { 400: "bad_request", 413: "payload_too_large", 415: "unsupported_media_type" };

function refuseAs(status: number, reason: string, requestId: string | undefined, asJson = false): never {
  securityEvent("request.refused", { status, reason, requestId });
  if (asJson) {
    const body = JSON.stringify({ error: { code: API_CODES[status] ?? "bad_request", message: reason, ...(requestId ? { requestId } : {}) } });
    throw new Response(body, { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
  }
  throw new Response(reason, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function escapedDomainError(error: unknown): never {
  if (isDomainError(error)) {
    if (error.status === 403) securityEvent("permission.denied", { reason: error.messageKey });
    throw new Response(error.messageKey, { status: error.status });
  }
  throw error;
}

function guardLoader(loader: Handler): Handler {
  return async (args) => {
    try {
      return await loader(args);
    } catch (error) {
      escapedDomainError(error);
    }
  };
}

function guardAction(action: Handler, acceptsJson: boolean, api: boolean): Handler {
  return async (args) => {
    const body: RequestBody | undefined = args.context.body;
    const requestId = args.context.requestId;
    const refuse: (status: number, reason: string, id: string | undefined) => never = (status, reason, id) => refuseAs(status, reason, id, api);
    if (body) {
      if (body.kind === "other" || (body.kind === "json" && !acceptsJson)) refuse(415, "unsupported body type", requestId);
      if (body.declaredBytes !== null && body.declaredBytes > body.limit) refuse(413, "body too large", requestId);
      if (body.kind === "form") {
        let text: string;
        try {
          text = await args.request.clone().text();
        } catch {
          refuse(body.tooLarge ? 413 : 400, "unreadable body", requestId);
        }
        const problem = checkFormFields(new URLSearchParams(text));
        if (problem) refuse(PROBLEM_STATUS[problem], `form ${problem}`, requestId);
      }
      if (body.kind === "multipart") {
        // Routes that read a multipart form whole (not through parseUploadForm) get it checked the same way.
        const request = args.request;
        const read = request.formData.bind(request);
        Object.defineProperty(request, "formData", {
          value: async () => {
            let formData: FormData;
            try {
              formData = await read();
            } catch {
              refuse(body.tooLarge ? 413 : 400, "malformed multipart body", requestId);
            }
            const problem = checkFormFields(formData.entries());
            if (problem) refuse(PROBLEM_STATUS[problem], `form ${problem}`, requestId);
            return formData;
          },
        });
      }
    }
    try {
      return await action(args);
    } catch (error) {
      if (body?.tooLarge && !(error instanceof Response)) refuse(413, "body too large", requestId);
      escapedDomainError(error);
    } finally {
      // The loaders that run after the action read the session afresh.
      forgetSessionState(args.context);
    }
  };
}

/** The same build with every route's loader and action behind the guard. */
export function guardBuild(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = route.module as RouteModule & { handle?: { acceptsJson?: boolean; api?: boolean } };
    const guarded: RouteModule = { ...module };
    if (module.loader) guarded.loader = guardLoader(module.loader as Handler) as RouteModule["loader"];
    if (module.action) guarded.action = guardAction(module.action as Handler, module.handle?.acceptsJson === true, module.handle?.api === true) as RouteModule["action"];
    routes[id] = { ...route, module: guarded };
  }
  return { ...build, routes };
}
