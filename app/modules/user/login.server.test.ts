// Sign-in against a real database: same answer for unknown accounts and wrong
// passwords, and failures limited per account and per address.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/factories";
import { LOGIN_LIMITS } from "~/utils/session-policy";
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

  it("throttles an account after repeated failures, even with the right password, whatever the address", async () => {
    await createUser({ email: "target@concord.example" });
    for (let i = 0; i < LOGIN_LIMITS.perAccountPerMinute; i++) {
      const r = await attemptLogin({ email: "target@concord.example", password: "nope-nope-nope", ip: `198.51.100.${10 + i}` });
      expect(r.outcome).toBe("invalid");
    }
    const blocked = await attemptLogin({ email: "target@concord.example", password: TEST_PASSWORD, ip: "198.51.100.99" });
    expect(blocked.outcome).toBe("throttled");
    if (blocked.outcome === "throttled") expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    // Unknown accounts are throttled the same way: no account enumeration through the limiter.
    for (let i = 0; i < LOGIN_LIMITS.perAccountPerMinute; i++) {
      await attemptLogin({ email: "ghost@concord.example", password: "nope-nope-nope", ip: `198.51.100.${30 + i}` });
    }
    expect((await attemptLogin({ email: "ghost@concord.example", password: "x-x-x-x-x-x", ip: "198.51.100.98" })).outcome).toBe("throttled");
  });

  it("throttles one address that tries many accounts", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i < LOGIN_LIMITS.perIpPer15Minutes; i++) {
      await attemptLogin({ email: `spray-${i}@concord.example`, password: "nope-nope-nope", ip });
    }
    const user = await createUser({ email: "innocent@concord.example" });
    expect((await attemptLogin({ email: "innocent@concord.example", password: TEST_PASSWORD, ip })).outcome).toBe("throttled");
    expect(await attemptLogin({ email: "innocent@concord.example", password: TEST_PASSWORD, ip: "192.0.2.201" })).toMatchObject({
      outcome: "signedIn",
      userId: user.id,
    });
  });
});
