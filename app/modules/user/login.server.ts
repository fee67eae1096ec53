// Signing in: password, then (when enrolled) the second factor. Failures are
// counted per account and per client address; unknown accounts and wrong
// passwords get the same answer, after the same work.
import { prisma } from "~/utils/db.server";
import { securityEvent } from "~/utils/logger.server";
import { clearFailures, recordFailure, secondsBlocked, type LimiterName } from "~/utils/rate-limit.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";

export type LoginResult =
  | { outcome: "signedIn"; userId: string; needsSecondFactor: boolean }
  | { outcome: "invalid" }
  | { outcome: "throttled"; retryAfterSeconds: number };

export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const limits: [LimiterName, string][] = [
    ["loginPerAccountMinute", email],
    ["loginPerAccountHour", email],
    ["loginPerIp", ip],
  ];
  const wait = await secondsBlocked(limits);
  if (wait > 0) {
    securityEvent("login.throttled", { email, ip });
    return { outcome: "throttled", retryAfterSeconds: wait };
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true, totpEnabledAt: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
  if (!user || !valid || user.disabledAt) {
    await recordFailure(limits);
    securityEvent("login.failure", { email, ip, reason: !user ? "unknown" : user.disabledAt ? "disabled" : "password" });
    return { outcome: "invalid" };
  }
  await clearFailures(limits.slice(0, 2));
  securityEvent("login.success", { userId: user.id, ip, secondFactor: user.totpEnabledAt !== null });
  return { outcome: "signedIn", userId: user.id, needsSecondFactor: user.totpEnabledAt !== null };
}

/** What the sign-in page needs to send a user on: their language and role. */
export async function signedInUser(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, role: true } });
}
