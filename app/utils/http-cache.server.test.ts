import { describe, expect, it } from "vitest";
import { declaredCache, hasSessionCookie, notModified, publicCacheControl, publicPageCache } from "./http-cache.server";
import { PUBLIC_PAGE } from "./page-cache";

const request = (init: RequestInit & { cookie?: string } = {}) =>
  new Request("http://localhost/en/positions", { ...init, headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...(init.headers as Record<string, string>) } });
const decide = (overrides: Partial<Parameters<typeof publicPageCache>[0]> = {}) =>
  publicPageCache({ request: request(), status: 200, headers: new Headers(), leafHandle: { cache: PUBLIC_PAGE }, hasErrors: false, ...overrides });

describe("which pages a shared cache may keep", () => {
  it("a GET or HEAD without a session cookie, 200, no error, no cookie set, on a route that opted in", () => {
    expect(decide()).toEqual(PUBLIC_PAGE);
    expect(decide({ request: request({ method: "HEAD" }) })).toEqual(PUBLIC_PAGE);
    expect(publicCacheControl(PUBLIC_PAGE)).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
  });

  it("nothing else", () => {
    expect(decide({ request: request({ method: "POST", body: "a=1" }) })).toBeNull();
    expect(decide({ request: request({ cookie: "__Host-concord_session=abc" }) })).toBeNull();
    expect(decide({ request: request({ cookie: "lang=fr; concord_session=abc" }) })).toBeNull();
    expect(decide({ status: 404 })).toBeNull();
    expect(decide({ hasErrors: true })).toBeNull();
    expect(decide({ headers: new Headers({ "Set-Cookie": "x=1" }) })).toBeNull();
    expect(decide({ leafHandle: { i18n: ["votes"] } })).toBeNull();
    expect(decide({ leafHandle: undefined })).toBeNull();
    expect(declaredCache({ cache: { sMaxAge: "60", staleWhileRevalidate: 1 } })).toBeNull();
  });

  it("tells a session cookie by its name, not by a look-alike", () => {
    expect(hasSessionCookie("theme=dark; __Host-concord_session=x")).toBe(true);
    expect(hasSessionCookie("concord_session=")).toBe(true);
    expect(hasSessionCookie("my_concord_session=x; concord_sessions=y")).toBe(false);
    expect(hasSessionCookie(null)).toBe(false);
  });

  it("matches If-None-Match weakly, in lists, and *", () => {
    const etag = '"abc"';
    expect(notModified(request({ headers: { "If-None-Match": 'W/"abc"' } }), etag)).toBe(true);
    expect(notModified(request({ headers: { "If-None-Match": '"x", "abc"' } }), etag)).toBe(true);
    expect(notModified(request({ headers: { "If-None-Match": "*" } }), etag)).toBe(true);
    expect(notModified(request({ headers: { "If-None-Match": '"x"' } }), etag)).toBe(false);
    expect(notModified(request(), etag)).toBe(false);
  });
});
