import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin-check.server";

const site = "https://concord.example.org";

describe("cross-site request refusal", () => {
  it("lets reads through", () => {
    expect(isSameOriginRequest({ method: "GET", siteOrigin: site, originHeader: "https://evil.example", secFetchSite: "cross-site" })).toBe(true);
  });
  it("accepts a POST from the site's own pages", () => {
    expect(isSameOriginRequest({ method: "POST", siteOrigin: site, originHeader: site, secFetchSite: "same-origin" })).toBe(true);
  });
  it("refuses a POST from another origin", () => {
    expect(isSameOriginRequest({ method: "POST", siteOrigin: site, originHeader: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
    expect(isSameOriginRequest({ method: "POST", siteOrigin: site, originHeader: "http://concord.example.org", secFetchSite: null })).toBe(false);
  });
  it("falls back to Sec-Fetch-Site when Origin is absent", () => {
    expect(isSameOriginRequest({ method: "POST", siteOrigin: site, originHeader: null, secFetchSite: "same-origin" })).toBe(true);
    expect(isSameOriginRequest({ method: "POST", siteOrigin: site, originHeader: null, secFetchSite: "same-site" })).toBe(false);
  });
  it("refuses Origin: null, whatever Sec-Fetch-Site claims", () => {
    expect(isSameOriginRequest({ method: "POST", siteOrigin: site, originHeader: "null", secFetchSite: "same-origin" })).toBe(false);
  });
  it("refuses a POST that carries neither header", () => {
    expect(isSameOriginRequest({ method: "DELETE", siteOrigin: site, originHeader: undefined, secFetchSite: undefined })).toBe(false);
  });
});
