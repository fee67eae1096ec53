// The API's behaviour around its answers, as clients see it: tokens in the
// Authorization header (missing, malformed, revoked, without the scope),
// cursor pages, ETag and 304, CORS, methods, rate limits per token and per
// address, translated errors; and the account page where tokens are made.
import { describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, TEST_PASSWORD } from "../factories";
import { callApi } from "../api";
import { get, loadContext, post, respond, sessionCookieFor } from "../http";
import * as tokensPage from "~/routes/$lang.account.tokens";
import * as accountPage from "~/routes/$lang.account._index";
import { createApiToken, revokeApiToken } from "~/modules/api/tokens.server";
import { consumeAllowance } from "~/utils/rate-limit.server";
import { prisma } from "~/utils/db.server";

async function memberWithToken(scopes: ("read" | "evaluations:write")[] = ["read"], code = "BR") {
  const delegation = await createDelegation({ code });
  const user = await createUser({ role: "DELEGATE", delegationId: delegation.id });
  const actor = await actorFor(user);
  const { secret, token } = await createApiToken({ actor, name: "test", scopes, lifetimeDays: 7, password: TEST_PASSWORD });
  return { user, actor, secret, tokenId: token.id };
}

describe("tokens in requests", () => {
  it("asks for a token on members-only endpoints, and says which scope is missing", async () => {
    const none = await callApi("/proposals");
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toBe('Bearer realm="concord", scope="read"');
    expect((await none.json()).error.code).toBe("unauthorized");

    const malformed = await callApi("/proposals", { headers: { Authorization: "Basic dXNlcjpwYXNz" } });
    expect(malformed.status).toBe(401);
    expect((await malformed.json()).error.code).toBe("invalid_token");

    const { secret } = await memberWithToken(["evaluations:write"], "IN");
    const narrow = await callApi("/proposals", { token: secret });
    expect(narrow.status).toBe(403);
    expect(narrow.headers.get("WWW-Authenticate")).toContain('error="insufficient_scope"');
    expect((await narrow.json()).error.code).toBe("insufficient_scope");
  });

  it("refuses a revoked token at once, even on public endpoints", async () => {
    const { secret, actor, tokenId } = await memberWithToken();
    expect((await callApi("/proposals", { token: secret })).status).toBe(200);
    await revokeApiToken({ actor, tokenId });
    const refused = await callApi("/members", { token: secret });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_token", message: "The token is unknown, revoked or expired." });
  });

  it("writes error messages in the language asked for, with the request id", async () => {
    const res = await callApi("/members/zz", { headers: { "Accept-Language": "fr-CH, en;q=0.5" } });
    const body = await res.json();
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Language")).toBe("fr");
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).not.toBe("There is nothing here.");
    expect(body.error.requestId).toMatch(/^test-/);
  });
});

describe("pages, caching and CORS", () => {
  it("walks a list page by page with the cursor and the Link header, without gaps or repeats", async () => {
    for (const code of ["AA", "AB", "AC", "AD", "AE", "AF", "AG"]) await createDelegation({ code });
    const all = (await prisma.delegation.findMany({ orderBy: { code: "asc" }, select: { code: true } })).map((d) => d.code);
    const seen: string[] = [];
    let next: string | null = "/members?limit=3";
    let pages = 0;
    while (next) {
      const res = await callApi(next);
      const body = await res.json();
      seen.push(...body.data.map((m: { code: string }) => m.code));
      const link = res.headers.get("Link");
      if (body.nextCursor) {
        expect(link).toMatch(/^<http:\/\/localhost:3000\/api\/v1\/members\?limit=3&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
        next = `/members?limit=3&cursor=${body.nextCursor}`;
      } else {
        expect(link).toBeNull();
        next = null;
      }
      pages++;
    }
    expect(seen).toEqual(all);
    // The page before the last knows there is more, the last one that there is not: no empty page.
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it("answers 304 to If-None-Match while nothing changed", async () => {
    await createDelegation({ code: "BR" });
    const first = await callApi("/members/br");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get("Cache-Control")).toBe("public, no-cache");
    const again = await callApi("/members/br", { headers: { "If-None-Match": `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await prisma.delegation.update({ where: { code: "BR" }, data: { status: "PARTNER" } });
    const changed = await callApi("/members/br", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("lets other websites read public data, not members-only data", async () => {
    const publicRead = await callApi("/members");
    expect(publicRead.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(publicRead.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
    const preflight = await callApi("/members", { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("Access-Control-Allow-Headers")).not.toContain("Authorization");
    const { secret } = await memberWithToken();
    const membersOnly = await callApi("/proposals", { token: secret });
    expect(membersOnly.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(membersOnly.headers.get("Cache-Control")).toBe("private, no-cache");
    const membersPreflight = await callApi("/proposals", { method: "OPTIONS" });
    expect(membersPreflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("answers other methods and unknown paths with JSON errors", async () => {
    const wrongMethod = await callApi("/members", { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
    const unknown = await callApi("/nothing/here");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const badQuery = await callApi("/members?limit=1000");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).error).toMatchObject({ code: "invalid_parameter", details: [{ field: "limit" }] });
  });
});

describe("rate limits", () => {
  it("counts each address without a token, and each token on its own", async () => {
    const address = "198.51.100.77";
    const first = await callApi("/members", { clientIp: address });
    const limit = Number(first.headers.get("RateLimit-Limit"));
    expect(limit).toBe(120);
    expect(Number(first.headers.get("RateLimit-Remaining"))).toBe(limit - 1);
    for (let i = 1; i < limit; i++) await consumeAllowance("apiRequestsPerAddress", address);
    const refused = await callApi("/members", { clientIp: address });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect((await refused.json()).error.code).toBe("rate_limited");
    // Another address, and a token used from the same address, are counted apart.
    expect((await callApi("/members", { clientIp: "198.51.100.78" })).status).toBe(200);
    const { secret, tokenId } = await memberWithToken(["read"], "IN");
    const withToken = await callApi("/members", { clientIp: address, token: secret });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("RateLimit-Limit")).toBe("600");
    for (let i = 1; i < 600; i++) await consumeAllowance("apiRequestsPerToken", tokenId);
    expect((await callApi("/members", { clientIp: "198.51.100.79", token: secret })).status).toBe(429);
  }, 60_000);
});

describe("the account page's tokens", () => {
  it("makes a token shown once, lists it with its last use, and revokes it", async () => {
    const delegation = await createDelegation({ code: "ZA" });
    const user = await createUser({ role: "EXPERT", delegationId: delegation.id });
    const cookie = await sessionCookieFor(user.id);
    const args = (request: Request) => ({ request, params: { lang: "pt" }, context: loadContext() });

    const invalid = await respond(() =>
      tokensPage.action(args(post("/pt/account/tokens", { intent: "createToken", name: "", lifetimeDays: "12", password: TEST_PASSWORD }, cookie))),
    );
    expect(invalid.status).toBe(400);
    const errors = (await invalid.json()).result.error;
    expect(errors.name).toEqual(["validation.required"]);
    expect(errors.scopes).toBeDefined();
    expect(errors.lifetimeDays).toEqual(["validation.choice"]);

    const wrongPassword = await respond(() =>
      tokensPage.action(args(post("/pt/account/tokens", { intent: "createToken", name: "Pipeline", scopes: "read", lifetimeDays: "30", password: "wrong" }, cookie))),
    );
    expect(wrongPassword.status).toBe(400);
    expect((await wrongPassword.json()).result.error.password).toEqual(["errors.wrongPassword"]);

    const body = new URLSearchParams([
      ["intent", "createToken"],
      ["name", "Avaliações"],
      ["scopes", "read"],
      ["scopes", "evaluations:write"],
      ["lifetimeDays", "90"],
      ["password", TEST_PASSWORD],
    ]);
    const created = await respond(() =>
      tokensPage.action(
        args(new Request("http://localhost:3000/pt/account/tokens", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie } })),
      ),
    );
    expect(created.status).toBe(200);
    const { created: token } = await created.json();
    expect(token.secret).toMatch(/^concord_pat_/);
    expect(token.scopes).toEqual(["read", "evaluations:write"]);

    await callApi("/members", { token: token.secret });
    const listed = await (await respond(() => tokensPage.loader(args(get("/pt/account/tokens", cookie))))).json();
    expect(JSON.stringify(listed)).not.toContain(token.secret);
    expect(listed.tokens[0]).toMatchObject({ name: "Avaliações", status: "active" });
    expect(listed.tokens[0].lastUsedAt).not.toBeNull();
    const account = await (await respond(() => accountPage.loader(args(get("/pt/account", cookie))))).json();
    expect(account.apiTokens.map((t: { name: string }) => t.name)).toEqual(["Avaliações"]);

    const revoked = await respond(() => tokensPage.action(args(post("/pt/account/tokens", { intent: "revokeToken", tokenId: listed.tokens[0].id }, cookie))));
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("Location")).toBe("/pt/account/tokens?revoked=1");
    expect((await callApi("/members", { token: token.secret })).status).toBe(401);
  });

  it("is only for signed-in people", async () => {
    const res = await respond(() => tokensPage.loader({ request: get("/en/account/tokens"), params: { lang: "en" }, context: loadContext() }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/en\/login\?redirectTo=/);
  });
});
