// Sign-in against a real database: same answer for unknown accounts and wrong
// passwords, and failures limited per account and per address.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { growingDelay } from "~/utils/rate-limit.server";
import { LOGIN_LIMITS as L } from "~/utils/session-policy";
import { attemptLogin } from "./login.server";

describe("attemptLogin", () => {
  it("signs in with the right password and asks for the second factor when enrolled", async () => {
    const user = await createUser({ email: "ok@concord.example" });
    expect(await attemptLogin({ email: "ok@concord.example", password: TEST_PASSWORD, ip: "198.51.100.1" })).toEqual({
      outcome: "signedIn",
      userId: user.id,
      needsSecondFactor: false,
    });
    const enrolled = await createUser({ email: "totp@concord.example", totpSecret: "JBSWY3DPEHPK3PXP" });
    expect(await attemptLogin({ email: "totp@concord.example", password: TEST_PASSWORD, ip: "198.51.100.1" })).toMatchObject({
      userId: enrolled.id,
      needsSecondFactor: true,
    });
  });

  it("gives the same answer for an unknown account and a wrong password", async () => {
    await createUser({ email: "known@concord.example" });
    const unknown = await attemptLogin({ email: "nobody@concord.example", password: "whatever-password", ip: "198.51.100.2" });
    const wrong = await attemptLogin({ email: "known@concord.example", password: "wrong-password-here", ip: "198.51.100.3" });
    expect(unknown).toEqual({ outcome: "invalid" });
    expect(wrong).toEqual(unknown);
  });

  it("refuses a disabled account as if the password were wrong", async () => {
    const user = await createUser({ email: "gone@concord.example" });
    const { prisma } = await import("~/utils/db.server");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await attemptLogin({ email: "gone@concord.example", password: TEST_PASSWORD, ip: "198.51.100.4" })).toEqual({ outcome: "invalid" });
  });

  it("makes one address wait longer and longer on an account, while the owner signs in from another", async () => {
    const owner = await createUser({ email: "target@concord.example" });
    const attacker = "198.51.100.66";
    for (let i = 0; i < L.freeFailuresPerAccountAndAddress + 1; i++) {
      expect((await attemptLogin({ email: "target@concord.example", password: "nope-nope-nope", ip: attacker })).outcome).toBe("invalid");
    }
    const slowed = await attemptLogin({ email: "target@concord.example", password: TEST_PASSWORD, ip: attacker });
    expect(slowed).toEqual({ outcome: "throttled", retryAfterSeconds: 1 });
    // The owner, elsewhere, is not locked out.
    expect(await attemptLogin({ email: "target@concord.example", password: TEST_PASSWORD, ip: "203.0.113.50" })).toMatchObject({
      outcome: "signedIn",
      userId: owner.id,
    });
    // Unknown accounts are slowed the same way: no account enumeration through the limiter.
    for (let i = 0; i < L.freeFailuresPerAccountAndAddress + 1; i++) {
      await attemptLogin({ email: "ghost@concord.example", password: "nope-nope-nope", ip: attacker });
    }
    expect((await attemptLogin({ email: "ghost@concord.example", password: "x-x-x-x-x-x", ip: attacker })).outcome).toBe("throttled");
  });

  it("doubles the wait with each failure past the free ones, up to a ceiling", () => {
    const free = L.freeFailuresPerAccountAndAddress;
    const waits = [free, free + 1, free + 2, free + 3, free + 4, free + 30].map((n) => growingDelay(n, free, L.maxDelayPerAccountAndAddress));
    expect(waits).toEqual([0, 1, 2, 4, 8, L.maxDelayPerAccountAndAddress]);
  });

  it("slows one address that tries many accounts, not the others", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i <= L.freeFailuresPerAddress; i++) {
      await attemptLogin({ email: `spray-${i}@concord.example`, password: "nope-nope-nope", ip });
    }
    const user = await createUser({ email: "innocent@concord.example" });
    expect((await attemptLogin({ email: "innocent@concord.example", password: TEST_PASSWORD, ip })).outcome).toBe("throttled");
    expect(await attemptLogin({ email: "innocent@concord.example", password: TEST_PASSWORD, ip: "192.0.2.201" })).toMatchObject({
      outcome: "signedIn",
      userId: user.id,
    });
  });

  it("tells the owner once when their account keeps failing, from anywhere", async () => {
    const owner = await createUser({ email: "watched@concord.example" });
    for (let i = 0; i < L.noticeAfterFailuresPerAccount + 3; i++) {
      await attemptLogin({ email: "watched@concord.example", password: "nope-nope-nope", ip: `198.51.100.${120 + i}` });
    }
    const notices = await prisma.notification.findMany({ where: { userId: owner.id, kind: "security.repeatedSignInFailures" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toEqual({ count: L.noticeAfterFailuresPerAccount });
  });
});
