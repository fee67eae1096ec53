// Signing in: password, then (when enrolled) the second factor. Failures slow
// the one who fails without locking the owner out (ADR 016): tries of an account
// from an address that keeps failing wait longer and longer, an address that
// fails on many accounts waits too, and the owner is told when their account
// keeps failing. Unknown accounts and wrong passwords get the same answer, after
// the same work.
import { notify } from "~/modules/notification/notification.server";
import { prisma } from "~/utils/db.server";
import { logger, securityEvent } from "~/utils/logger.server";
import { clearFailures, delay, growingDelay, recordFailure, secondsBlocked } from "~/utils/rate-limit.server";
import { LOGIN_LIMITS as L } from "~/utils/session-policy";
import { recordSignIn } from "~/modules/privacy/sign-in-records.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";

export type LoginResult = { outcome: "signedIn"; userId: string; needsSecondFactor: boolean } | { outcome: "invalid" } | { outcome: "throttled"; retryAfterSeconds: number };

export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const accountAndAddress = `${email}|${ip}`;
  const wait = await secondsBlocked([
    ["loginDelayPerAccountAndAddress", accountAndAddress],
    ["loginDelayPerAddress", ip],
  ]);
  if (wait > 0) {
    securityEvent("login.throttled", { email, ip });
    const throttled = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (throttled) void recordSignIn({ userId: throttled.id, outcome: "THROTTLED", ip }).catch((error: unknown) => logger.error({ err: error }, "sign-in record not written"));
    return { outcome: "throttled", retryAfterSeconds: wait };
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true, totpEnabledAt: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
  if (!user || !valid || user.disabledAt) {
    await countFailure({ email, ip, userId: user && !user.disabledAt ? user.id : null });
    securityEvent("login.failure", { email, ip, reason: !user ? "unknown" : user.disabledAt ? "disabled" : "password" });
    // Not awaited: an unknown account must not answer faster than a known one.
    if (user) void recordSignIn({ userId: user.id, outcome: "PASSWORD_REFUSED", ip }).catch((error: unknown) => logger.error({ err: error }, "sign-in record not written"));
    return { outcome: "invalid" };
  }
  await clearFailures([
    ["loginFailuresPerAccountAndAddress", accountAndAddress],
    ["loginDelayPerAccountAndAddress", accountAndAddress],
  ]);
  securityEvent("login.success", { userId: user.id, ip, secondFactor: user.totpEnabledAt !== null });
  await recordSignIn({ userId: user.id, outcome: "PASSWORD_ACCEPTED", ip });
  return { outcome: "signedIn", userId: user.id, needsSecondFactor: user.totpEnabledAt !== null };
}

async function countFailure({ email, ip, userId }: { email: string; ip: string; userId: string | null }) {
  const accountAndAddress = `${email}|${ip}`;
  const [fromHere, fromAddress, onAccount] = await recordFailure([
    ["loginFailuresPerAccountAndAddress", accountAndAddress],
    ["loginFailuresPerAddress", ip],
    ["loginFailuresPerAccount", email],
  ]);
  await Promise.all([
    delay("loginDelayPerAccountAndAddress", accountAndAddress, growingDelay(fromHere!, L.freeFailuresPerAccountAndAddress, L.maxDelayPerAccountAndAddress)),
    delay("loginDelayPerAddress", ip, growingDelay(fromAddress!, L.freeFailuresPerAddress, L.maxDelayPerAddress)),
  ]);
  // Once per window, when the count reaches the threshold: the owner hears of it, wherever the tries came from.
  if (userId && onAccount === L.noticeAfterFailuresPerAccount) {
    securityEvent("login.repeatedFailures", { userId, count: onAccount });
    await prisma.$transaction((tx) => notify(tx, userId, "security.repeatedSignInFailures", { count: onAccount }));
  }
}

/** What the sign-in page needs to send a user on: their language and role. */
export async function signedInUser(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, role: true } });
}
