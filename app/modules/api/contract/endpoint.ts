// What an endpoint is, as data: method, path, who may call it, its parameters
// and its answer as zod schemas. The routes serve these definitions and the
// OpenAPI document is generated from the same objects, so the two cannot drift.
import type { z } from "./zod";

/** Who may call: anyone, a token with the `read` scope, or one with `evaluations:write`. */
export type EndpointAuth = "public" | "read" | "evaluations:write";

/** Groups of the reference (OpenAPI tags); their names are translated on the reference page. */
export const TAGS = ["positions", "strategies", "members", "datasets", "proposals", "votes", "evaluations", "meta"] as const;
export type Tag = (typeof TAGS)[number];

/** Error statuses an endpoint documents (besides those every endpoint may answer: 400, 401, 429). */
export type ErrorStatus = 403 | 404 | 409 | 413 | 415 | 422;

export type EndpointDef<P extends z.AnyZodObject = z.AnyZodObject, Q extends z.AnyZodObject = z.AnyZodObject, R extends z.ZodTypeAny = z.ZodTypeAny> = {
  /** Stable name; the reference page's texts are `api:endpoints.<id>.*`. */
  id: string;
  tag: Tag;
  method: "get" | "post";
  /** OpenAPI form, under /api/v1: `/positions/{slug}`. */
  path: string;
  auth: EndpointAuth;
  params: P;
  query: Q;
  response: R;
  /** The answer's status when all goes well. */
  status: 200 | 201;
  /** Other statuses of success, with the same answer (their descriptions are `api:endpoints.<id>.status<N>`). */
  alsoStatus?: (200 | 201)[];
  /** A list answered page by page (`limit`, `cursor`, `Link: rel="next"`). */
  paginated: boolean;
  /** A multipart body, for the one write endpoint. */
  body?: z.AnyZodObject;
  errors: ErrorStatus[];
};

export function endpoint<P extends z.AnyZodObject, Q extends z.AnyZodObject, R extends z.ZodTypeAny>(
  def: Omit<EndpointDef<P, Q, R>, "status" | "paginated" | "errors"> & Partial<Pick<EndpointDef<P, Q, R>, "status" | "paginated" | "errors">>,
): EndpointDef<P, Q, R> {
  return { status: 200, paginated: false, errors: [], ...def };
}
