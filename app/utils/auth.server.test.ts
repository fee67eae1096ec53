// Sessions against a real database (ADR 004, accounts and sessions).
import { describe, expect, it } from "vitest";
import { createUser } from "../../test/factories";
import { get, loadContext, sessionCookieFor } from "../../test/http";
import { createSession, getSessionState, getUser, SESSION_COOKIE_NAME } from "./auth.server";
import { prisma } from "./db.server";
import { hashSessionId } from "./session-adapter.server";
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS } from "./session-policy";

describe("sessions", () => {
  it("sets a __Host- cookie that is HttpOnly, Secure, SameSite=Lax, Path=/", async () => {
    const user = await createUser();
    const header = await createSession(user.id, true, {});
    expect(SESSION_COOKIE_NAME.startsWith("__Host-")).toBe(true);
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=`));
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/Secure/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Domain=/i);
  });

  it("stores only a hash of the session id, with at least 128 bits of randomness", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const sessionId = cookie.split("=")[1]!;
    expect(sessionId.length * 5).toBeGreaterThanOrEqual(128); // base32: 5 bits per character
    const rows = await prisma.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(hashSessionId(sessionId));
    expect(rows[0]!.id).not.toContain(sessionId);
  });

  it("recognises the signed-in user", async () => {
    const user = await createUser({ name: "Ana" });
    const cookie = await sessionCookieFor(user.id);
    expect((await getUser(get("/en", cookie), loadContext()))?.name).toBe("Ana");
  });

  it("ends a session idle for longer than the idle timeout", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(get("/en", cookie), loadContext())).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("slides the idle expiry on use, but never past the absolute lifetime", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    // Used 20 minutes ago: the expiry moves forward to now + idle timeout.
    await prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() + SESSION_IDLE_TIMEOUT_MS - 20 * 60 * 1000) },
    });
    await getUser(get("/en", cookie), loadContext());
    let row = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_IDLE_TIMEOUT_MS - 5000);
    // Created almost 12 hours ago: sliding stops at the absolute lifetime.
    const created = new Date(Date.now() - SESSION_ABSOLUTE_LIFETIME_MS + 60_000);
    await prisma.session.updateMany({
      where: { userId: user.id },
      data: { createdAt: created, expiresAt: new Date(Date.now() + 10 * 60 * 1000) },
    });
    await getUser(get("/en", cookie), loadContext());
    row = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime()).toBe(created.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
  });

  it("does not count a session waiting for its second factor as signed in", async () => {
    const user = await createUser({ totpSecret: "JBSWY3DPEHPK3PXP" });
    const cookie = await sessionCookieFor(user.id, { secondFactorVerified: false });
    expect(await getUser(get("/en", cookie), loadContext())).toBeNull();
    expect((await getSessionState(get("/en", cookie), loadContext())).kind).toBe("pendingSecondFactor");
  });

  it("signs out a disabled user at once", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getUser(get("/en", cookie), loadContext())).toBeNull();
  });
});
