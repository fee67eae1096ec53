// Personal access tokens against the real database: hashing, scopes, expiry,
// revocation, the owner's state, the limit on active tokens, audit events.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, TEST_PASSWORD } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { ACTIVE_TOKENS_MAX, TOKEN_PREFIX } from "./constants";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./tokens.server";

async function person(role: "DELEGATE" | "EXPERT" | "OBSERVER" = "DELEGATE", code = "BR") {
  const delegation = await createDelegation({ code, status: role === "OBSERVER" ? "OBSERVER" : "MEMBER" });
  return actorFor(await createUser({ role, delegationId: delegation.id }));
}

const make = (actor: Awaited<ReturnType<typeof person>>, over: Partial<Parameters<typeof createApiToken>[0]> = {}) =>
  createApiToken({ actor, name: "pipeline", scopes: ["read"], lifetimeDays: 30, password: TEST_PASSWORD, ...over });

describe("personal access tokens", () => {
  it("are shown once and stored only as their SHA-256, with an audit event that holds no secret", async () => {
    const actor = await person();
    const { secret, token } = await make(actor);
    expect(secret).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(TOKEN_PREFIX.length));
    expect(row.hint).toBe(secret.slice(0, TOKEN_PREFIX.length + 4));
    const listed = await listApiTokens(actor.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: token.id, name: "pipeline", scopes: ["read"], status: "active", lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { act: "apiToken.created", objectId: token.id } });
    expect(event.actorId).toBe(actor.id);
    expect(JSON.stringify(event.data)).not.toContain(secret.slice(TOKEN_PREFIX.length));
  });

  it("ask for the password again and make nothing when it is wrong", async () => {
    const actor = await person();
    await expect(make(actor, { password: "not the password" })).rejects.toMatchObject({ status: 400, messageKey: "errors.wrongPassword" });
    expect(await prisma.apiToken.count({ where: { userId: actor.id } })).toBe(0);
  });

  it("give evaluations:write only to those who may submit research", async () => {
    const observer = await person("OBSERVER", "LK");
    await expect(make(observer, { scopes: ["read", "evaluations:write"] })).rejects.toMatchObject({ status: 403, messageKey: "api:errors.scopeNotAllowed" });
    const expert = await person("EXPERT", "IN");
    const { token } = await make(expert, { scopes: ["evaluations:write", "evaluations:write"] });
    expect(token.scopes).toEqual(["evaluations:write"]);
  });

  it("authenticate their owner with their scopes, and note the last use once a minute", async () => {
    const actor = await person();
    const { secret, token } = await make(actor, { scopes: ["read"] });
    const now = new Date();
    const caller = await authenticateApiToken(secret, now);
    expect(caller).toMatchObject({ token: { id: token.id, scopes: ["read"] }, user: { id: actor.id, role: "DELEGATE" } });
    // A token never counts as a recent sign-in (ballots and passwords stay closed to it).
    expect(caller!.user.session.authenticatedAt.getTime()).toBe(0);
    const firstUse = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(firstUse?.getTime()).toBe(now.getTime());
    await authenticateApiToken(secret, new Date(now.getTime() + 30_000));
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt?.getTime()).toBe(now.getTime());
    const later = new Date(now.getTime() + 61_000);
    await authenticateApiToken(secret, later);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt?.getTime()).toBe(later.getTime());
    expect(await authenticateApiToken(secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await authenticateApiToken("not a token")).toBeNull();
  });

  it("stop working when they expire, when revoked, and when their owner is disabled", async () => {
    const actor = await person();
    const past = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const expired = await make(actor, { lifetimeDays: 7, now: past });
    expect(await authenticateApiToken(expired.secret)).toBeNull();
    expect((await listApiTokens(actor.id)).find((t) => t.id === expired.token.id)?.status).toBe("expired");

    const revoked = await make(actor);
    expect(await authenticateApiToken(revoked.secret)).not.toBeNull();
    await revokeApiToken({ actor, tokenId: revoked.token.id });
    expect(await authenticateApiToken(revoked.secret)).toBeNull();
    expect((await listApiTokens(actor.id)).find((t) => t.id === revoked.token.id)?.status).toBe("revoked");
    expect(await prisma.auditEvent.count({ where: { act: "apiToken.revoked", objectId: revoked.token.id } })).toBe(1);
    // Revoking twice, or someone else's token, finds nothing.
    await expect(revokeApiToken({ actor, tokenId: revoked.token.id })).rejects.toMatchObject({ status: 404 });
    const other = await person("DELEGATE", "IN");
    const theirs = await make(other);
    await expect(revokeApiToken({ actor, tokenId: theirs.token.id })).rejects.toMatchObject({ status: 404 });
    expect(await authenticateApiToken(theirs.secret)).not.toBeNull();

    const live = await make(actor);
    await prisma.user.update({ where: { id: actor.id }, data: { disabledAt: new Date() } });
    expect(await authenticateApiToken(live.secret)).toBeNull();
  });

  it("are limited in number while active", async () => {
    const actor = await person();
    await prisma.apiToken.createMany({
      data: Array.from({ length: ACTIVE_TOKENS_MAX }, (_, i) => ({
        userId: actor.id,
        name: `t${i}`,
        scopes: ["READ" as const],
        tokenHash: createHash("sha256").update(`seed ${actor.id} ${i}`).digest("hex"),
        hint: `${TOKEN_PREFIX}abcd`,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
    await expect(make(actor)).rejects.toMatchObject({ status: 409, messageKey: "api:errors.tooManyTokens" });
    await prisma.apiToken.updateMany({ where: { userId: actor.id, name: "t0" }, data: { revokedAt: new Date() } });
    await expect(make(actor)).resolves.toBeDefined();
  });

  it("let the database refuse a token without scope or with a malformed hash", async () => {
    const actor = await person();
    await expect(
      prisma.apiToken.create({ data: { userId: actor.id, name: "x", scopes: [], tokenHash: "0".repeat(64), hint: "h", expiresAt: new Date(Date.now() + 1000) } }),
    ).rejects.toThrow();
    await expect(
      prisma.apiToken.create({ data: { userId: actor.id, name: "x", scopes: ["READ"], tokenHash: "secret-in-clear", hint: "h", expiresAt: new Date(Date.now() + 1000) } }),
    ).rejects.toThrow();
  });
});

describe("tokens as personal data (ADR 013)", () => {
  it("are in the owner's export without their hash, go at erasure, and go a retention period after they end", async () => {
    const { exportPersonalData } = await import("~/modules/privacy/export.server");
    const { erasePersonalData } = await import("~/modules/privacy/erasure.server");
    const { sweepPersonalDataRetention } = await import("~/modules/privacy/retention.server");
    const { newTotpSecret } = await import("../../../test/factories");
    const actor = await person();
    const { secret } = await make(actor, { name: "export me", scopes: ["read"] });
    const data = await exportPersonalData(actor.id);
    expect(data.security.apiTokens).toMatchObject([{ name: "export me", scopes: ["read"], revokedAt: null }]);
    expect(JSON.stringify(data)).not.toContain(createHash("sha256").update(secret).digest("hex"));

    // Ended more than the retention period ago: swept; ended recently: kept.
    const old = await make(actor, { name: "old", lifetimeDays: 7, now: new Date(Date.now() - 400 * 24 * 3600 * 1000) });
    const recent = await make(actor, { name: "recent", lifetimeDays: 7, now: new Date(Date.now() - 8 * 24 * 3600 * 1000) });
    const swept = await sweepPersonalDataRetention({ months: 12 });
    expect(swept.apiTokens).toBe(1);
    expect(await prisma.apiToken.findUnique({ where: { id: old.token.id } })).toBeNull();
    expect(await prisma.apiToken.findUnique({ where: { id: recent.token.id } })).not.toBeNull();

    const secretariat = await actorFor(await createUser({ role: "SECRETARIAT", totpSecret: newTotpSecret() }));
    await erasePersonalData({ actor: secretariat, userId: actor.id });
    expect(await prisma.apiToken.count({ where: { userId: actor.id } })).toBe(0);
    expect(await authenticateApiToken(secret)).toBeNull();
  });
});
