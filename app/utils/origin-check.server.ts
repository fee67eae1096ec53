// Cross-site request refusal (ADR 004, requests and input): a request that
// can change state must come from this site's own pages.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  /** This site's origin, e.g. https://concord.example.org */
  siteOrigin: string;
  originHeader: string | null | undefined;
  secFetchSite: string | null | undefined;
};

export function isSameOriginRequest({ method, siteOrigin, originHeader, secFetchSite }: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  // `Origin: null` (a sandboxed frame, a data: URL, a redirect chain) is never this site.
  if (originHeader) return originHeader === siteOrigin;
  // Browsers send Origin with every POST; Sec-Fetch-Site is the fallback where a privacy setting strips it.
  if (secFetchSite) return secFetchSite === "same-origin" || secFetchSite === "none";
  // Neither header: not a browser form post from another site, but we cannot tell — refuse.
  return false;
}
