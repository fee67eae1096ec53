// How much of a request body the server reads, by kind (ADR 016). The HTTP
// layer counts bytes as they arrive and stops at the limit; every action runs
// behind `guardAction` (server/guard.ts), which turns a body that is too large,
// malformed, of a type the route does not take, or carrying NUL bytes or
// runaway list indexes into a 4xx answer before the route sees it.

/** A form without files (application/x-www-form-urlencoded, or multipart read whole). */
export const FORM_BODY_MAX_BYTES = 1024 * 1024;
/** A JSON body (API routes only). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;
/** A multipart body carries one file of at most UPLOAD_MAX_BYTES plus its form fields. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
/** Fields in one form, of any kind. */
export const MAX_FORM_FIELDS = 2000;
/**
 * No list index in any form may reach this, whatever the route (each list's own,
 * smaller maximum is its zod schema's; see forms.server.ts).
 */
export const MAX_LIST_INDEX = 1000;

export type BodyKind = "none" | "form" | "multipart" | "json" | "other";

/** What the HTTP layer knows about the body of the current request. */
export type RequestBody = {
  kind: BodyKind;
  /** Bytes the server reads at most for this request. */
  limit: number;
  /** Content-Length, when the client sent one. */
  declaredBytes: number | null;
  receivedBytes: number;
  /** The client sent more than `limit`: the rest is not read. */
  tooLarge: boolean;
};

export function bodyKind(contentType: string | undefined, method: string): BodyKind {
  if (method === "GET" || method === "HEAD") return "none";
  const essence = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (essence === "" || essence === "application/x-www-form-urlencoded") return "form";
  if (essence === "multipart/form-data") return "multipart";
  if (essence === "application/json" || essence.endsWith("+json")) return "json";
  return "other";
}

export function bodyLimit(kind: BodyKind, uploadMaxBytes: number): number {
  switch (kind) {
    case "multipart":
      return uploadMaxBytes + MULTIPART_OVERHEAD_BYTES;
    case "json":
      return JSON_BODY_MAX_BYTES;
    case "none":
      return 0;
    default:
      return FORM_BODY_MAX_BYTES;
  }
}

export type FieldProblem = "nul" | "tooMany" | "listIndex";

const INDEX = /\[(\d+)\]/g;

/** The first thing wrong with a form's names and values, before any route code reads it. */
export function checkFormFields(entries: Iterable<[string, FormDataEntryValue]>): FieldProblem | null {
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > MAX_FORM_FIELDS) return "tooMany";
    if (name.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) return "nul";
    for (const match of name.matchAll(INDEX)) {
      if (match[1]!.length > 6 || Number(match[1]) >= MAX_LIST_INDEX) return "listIndex";
    }
  }
  return null;
}
