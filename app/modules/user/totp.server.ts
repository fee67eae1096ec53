// The TOTP second factor (RFC 6238) with single-use recovery codes.
// Each code is accepted once: the time step last used is kept and must grow.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { securityEvent } from "~/utils/logger.server";
import { recordSignIn } from "~/modules/privacy/sign-in-records.server";
import { recordFailure, secondsBlocked } from "~/utils/rate-limit.server";
import { RECOVERY_CODE_COUNT } from "~/utils/session-policy";
import { notify } from "~/modules/notification/notification.server";
import { requiresSecondFactor } from "~/utils/permissions";
import { verifyPassword } from "./password.server";

const PERIOD = 30;
/** Codes from one step before or after are accepted (clock drift). */
const WINDOW = 1;
const ISSUER = "Concord";

function totpFor(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The time step a valid code belongs to, or null. */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, "x").validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.toLowerCase().replace(/[\s-]/g, "")).digest("hex");
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(5).toString("hex"); // 40 bits each, single use, rate-limited
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** A fresh secret for enrollment; it becomes active only once a code from it is confirmed. */
export async function startEnrollment({ userId, email }: { userId: string; email: string }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new DomainError(409, "errors.totpAlreadyEnabled");
  let secret = user.totpSecret;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await prisma.user.update({ where: { id: userId }, data: { totpSecret: secret } });
  }
  const uri = totpFor(secret, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

export async function confirmEnrollment({ userId, password, code }: { userId: string; password: string; code: string }) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new DomainError(409, "errors.totpAlreadyEnabled");
  if (!(await verifyPassword(user.passwordHash, password))) throw new DomainError(400, "errors.wrongPassword");
  const step = user.totpSecret ? matchingStep(user.totpSecret, code) : null;
  if (step === null) throw new DomainError(400, "errors.wrongCode");
  const codes = newRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (updated.count !== 1) throw new DomainError(409, "errors.totpAlreadyEnabled");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
    await notify(tx, userId, "security.totpEnabled");
  });
  return { recoveryCodes: codes };
}

/**
 * Checks a second-factor code (TOTP or a recovery code) at sign-in.
 * Failures count against a per-account limit.
 */
export async function verifySecondFactor({ userId, code }: { userId: string; code: string }): Promise<"ok" | "invalid" | "throttled"> {
  if ((await secondsBlocked([["totpPerAccount", userId]])) > 0) return "throttled";
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpSecret && user.totpEnabledAt) {
    const step = matchingStep(user.totpSecret, code);
    if (step !== null) {
      // Conditional update: the same code (same step) cannot be used twice, even concurrently.
      const used = await prisma.$executeRaw`
        UPDATE "User" SET "totpLastStep" = ${step}
        WHERE id = ${userId}::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
      if (used === 1) return "ok";
    }
    const recovered = await prisma.$transaction(async (tx) => {
      const r = await tx.recoveryCode.updateMany({
        where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
        data: { usedAt: new Date() },
      });
      if (r.count === 1) await notify(tx, userId, "security.recoveryCodeUsed");
      return r.count === 1;
    });
    if (recovered) return "ok";
  }
  await recordFailure([["totpPerAccount", userId]]);
  securityEvent("totp.failure", { userId });
  await recordSignIn({ userId, outcome: "SECOND_FACTOR_REFUSED" });
  return "invalid";
}

export async function disableTotp({ userId, password }: { userId: string; password: string }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, role: true } });
  if (requiresSecondFactor(user.role)) throw new DomainError(403, "errors.totpRequiredForRole");
  if (!(await verifyPassword(user.passwordHash, password))) throw new DomainError(400, "errors.wrongPassword");
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await notify(tx, userId, "security.totpDisabled");
  });
}

export async function regenerateRecoveryCodes({ userId, password }: { userId: string; password: string }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new DomainError(409, "errors.totpNotEnabled");
  if (!(await verifyPassword(user.passwordHash, password))) throw new DomainError(400, "errors.wrongPassword");
  const codes = newRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
    await notify(tx, userId, "security.recoveryCodesRegenerated");
  });
  return { recoveryCodes: codes };
}

export async function remainingRecoveryCodes(userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}
