// Entity tags for JSON answers, exports and feeds: a hash of the body, so a
// client asking again with If-None-Match gets 304 when nothing changed.
import { createHash } from "node:crypto";

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether the client's If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => strip(tag) === strip(etag));
}
