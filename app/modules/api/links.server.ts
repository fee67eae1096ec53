// Absolute links that leave the portal (API answers, feeds, sitemaps, AKN):
// built on PUBLIC_ORIGIN when it is set (behind a proxy), else on the request's origin.
import { getEnv } from "~/utils/env.server";
import { API_BASE_PATH } from "./constants";

export function siteOrigin(request: Request): string {
  return getEnv().PUBLIC_ORIGIN ?? new URL(request.url).origin;
}

export type Links = {
  origin: string;
  /** An API path (`/positions/x`) as an absolute URL. */
  api: (path: string) => string;
  /** A page (`/positions/x`) in a language, as an absolute URL. */
  page: (lang: string, path: string) => string;
};

export function linksFor(origin: string): Links {
  return {
    origin,
    api: (path) => `${origin}${API_BASE_PATH}${path}`,
    page: (lang, path) => `${origin}/${lang}${path}`,
  };
}
