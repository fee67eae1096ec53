// Answers for exports and feeds: the right type, a name to save under, an
// ETag so that a client asking again gets 304 when nothing changed.
import { etagOf, notModified } from "~/utils/http-cache.server";

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
