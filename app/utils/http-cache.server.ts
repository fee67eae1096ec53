// HTTP caching (ADR 018): entity tags for every answer that has one, and the
// one rule that decides whether a page may be kept by a shared cache.
//
// A page is public only when its route opts in (`export const handle = { cache: PUBLIC_PAGE }`,
// app/utils/page-cache.ts), it is a GET or HEAD by someone without a session cookie, it
// rendered with 200 and no error, and it sets no cookie. Everything else is `private, no-store`. The decision is made once,
// in entry.server.tsx, from the deepest matched route only: a layout never makes its
// children public, and a page that forgets to opt in is simply not cached.
import { createHash } from "node:crypto";
import type { PublicCache } from "~/utils/page-cache";
import { SESSION_COOKIE_NAMES } from "~/utils/session-policy";

export type { PublicCache };

export const PRIVATE_NO_STORE = "private, no-store";

/**
 * What a public page depends on besides its URL: whether a session cookie is sent (with one,
 * the answer is private) and the encoding. The language is in the path.
 */
export const PUBLIC_VARY = "Cookie, Accept-Encoding";

export function publicCacheControl({ sMaxAge, staleWhileRevalidate }: PublicCache): string {
  return `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
}

export function etagOf(body: string | Uint8Array): string {
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

/** Whether a Cookie header carries a session cookie (either name: with or without `__Host-`), whatever its value. */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const name = pair.slice(0, pair.includes("=") ? pair.indexOf("=") : undefined).trim();
    return (SESSION_COOKIE_NAMES as readonly string[]).includes(name);
  });
}

function isPublicCache(value: unknown): value is PublicCache {
  if (typeof value !== "object" || value === null) return false;
  const { sMaxAge, staleWhileRevalidate } = value as Record<string, unknown>;
  return Number.isInteger(sMaxAge) && (sMaxAge as number) > 0 && Number.isInteger(staleWhileRevalidate) && (staleWhileRevalidate as number) >= 0;
}

/** The public cache policy a route declares in its `handle`, if any. */
export function declaredCache(handle: unknown): PublicCache | null {
  const cache = typeof handle === "object" && handle !== null ? (handle as { cache?: unknown }).cache : undefined;
  return isPublicCache(cache) ? cache : null;
}

/**
 * Whether this page may be public: the deepest matched route's policy when every
 * condition holds, else null (the page is `private, no-store`).
 */
export function publicPageCache({
  request,
  status,
  headers,
  leafHandle,
  hasErrors,
}: {
  request: Request;
  status: number;
  headers: Headers;
  leafHandle: unknown;
  hasErrors: boolean;
}): PublicCache | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (status !== 200 || hasErrors) return null;
  if (hasSessionCookie(request.headers.get("Cookie"))) return null;
  // A page that sets a cookie is someone's own answer, never everyone's.
  if (headers.has("Set-Cookie")) return null;
  return declaredCache(leafHandle);
}
