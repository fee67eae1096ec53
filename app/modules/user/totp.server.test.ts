// The second factor against a real database: each code once, recovery codes once,
// the user notified of every change.
import { TOTP, Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { TOTP_FAILURES_PER_5_MINUTES } from "~/utils/session-policy";
import { confirmEnrollment, disableTotp, startEnrollment, verifySecondFactor } from "./totp.server";

const codeFor = (secret: string, timestamp = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp });

describe("TOTP second factor", () => {
  it("enrolls with password and a code, gives recovery codes, notifies the user", async () => {
    const user = await createUser();
    const { secret, qrSvg } = await startEnrollment({ userId: user.id, email: user.email });
    expect(qrSvg).toMatch(/^<svg/);
    await expect(confirmEnrollment({ userId: user.id, password: "wrong password!", code: codeFor(secret) })).rejects.toMatchObject({
      messageKey: "errors.wrongPassword",
    });
    await expect(confirmEnrollment({ userId: user.id, password: TEST_PASSWORD, code: "000000" })).rejects.toMatchObject({
      messageKey: "errors.wrongCode",
    });
    const { recoveryCodes } = await confirmEnrollment({ userId: user.id, password: TEST_PASSWORD, code: codeFor(secret) });
    expect(recoveryCodes).toHaveLength(10);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(await prisma.notification.findMany({ where: { userId: user.id }, select: { kind: true } })).toEqual([{ kind: "security.totpEnabled" }]);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
  });

  it("accepts each code only once", async () => {
    const secret = new Secret({ size: 20 }).base32;
    const user = await createUser({ totpSecret: secret });
    const code = codeFor(secret);
    expect(await verifySecondFactor({ userId: user.id, code })).toBe("ok");
    expect(await verifySecondFactor({ userId: user.id, code })).toBe("invalid");
  });

  it("accepts a recovery code once and tells the user", async () => {
    const user = await createUser();
    const { secret } = await startEnrollment({ userId: user.id, email: user.email });
    const { recoveryCodes } = await confirmEnrollment({ userId: user.id, password: TEST_PASSWORD, code: codeFor(secret) });
    expect(await verifySecondFactor({ userId: user.id, code: recoveryCodes[3]!.toUpperCase() })).toBe("ok");
    expect(await verifySecondFactor({ userId: user.id, code: recoveryCodes[3]! })).toBe("invalid");
    expect(await prisma.notification.count({ where: { userId: user.id, kind: "security.recoveryCodeUsed" } })).toBe(1);
  });

  it("stops checking codes after repeated failures", async () => {
    const secret = new Secret({ size: 20 }).base32;
    const user = await createUser({ totpSecret: secret });
    for (let i = 0; i < TOTP_FAILURES_PER_5_MINUTES; i++) expect(await verifySecondFactor({ userId: user.id, code: "123456" })).not.toBe("ok");
    expect(await verifySecondFactor({ userId: user.id, code: codeFor(secret) })).toBe("throttled");
  });

  it("cannot be turned off by roles that require it", async () => {
    const head = await createUser({ role: "SECRETARIAT", totpSecret: new Secret({ size: 20 }).base32 });
    await expect(disableTotp({ userId: head.id, password: TEST_PASSWORD })).rejects.toMatchObject({ messageKey: "errors.totpRequiredForRole" });
    const delegate = await createUser({ totpSecret: new Secret({ size: 20 }).base32 });
    await disableTotp({ userId: delegate.id, password: TEST_PASSWORD });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: delegate.id } })).totpEnabledAt).toBeNull();
    expect(await prisma.notification.count({ where: { userId: delegate.id, kind: "security.totpDisabled" } })).toBe(1);
  });
});
