// What a route declares to let shared caches keep its page (ADR 018):
// `export const handle = { …, cache: PUBLIC_PAGE }`. Read on the server only, by
// app/utils/http-cache.server.ts; a route without it is never public.

/** How long a shared cache (nginx, a CDN) may serve a public page, in seconds. */
export type PublicCache = {
  /** Fresh in a shared cache for this long (`s-maxage`). Browsers always revalidate (`max-age=0`). */
  sMaxAge: number;
  /** Then served stale for at most this long while one request refreshes it (`stale-while-revalidate`). */
  staleWhileRevalidate: number;
};

/**
 * Pages anyone may read (positions, strategies, members, evaluations, datasets and their lists):
 * a change shows within a minute; a busy page is rendered about once a minute whatever the load.
 */
export const PUBLIC_PAGE: PublicCache = { sMaxAge: 60, staleWhileRevalidate: 600 };
