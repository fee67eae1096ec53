// Answers for exports and feeds: the right type, a name to save under, an
// ETag so that a client asking again gets 304 when nothing changed.
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

export function documentResponse(
  request: Request,
  body: string,
  {
    contentType,
    filename,
    disposition = "inline",
    cacheControl = "public, max-age=0, must-revalidate",
    headers = {},
  }: { contentType: string; filename?: string; disposition?: "inline" | "attachment"; cacheControl?: string; headers?: Record<string, string> },
): Response {
  const etag = etagOf(body);
  const common: Record<string, string> = { ETag: etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff", ...headers };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, {
    headers: {
      ...common,
      "Content-Type": contentType,
      ...(filename ? { "Content-Disposition": `${disposition}; filename="${filename.replace(/[^\w.-]/g, "_")}"` } : {}),
    },
  });
}
