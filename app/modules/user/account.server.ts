// A user's own account: preferences, password, sessions.
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { notify } from "~/modules/notification/notification.server";
import { recordFailure, secondsBlocked, type LimiterName } from "~/utils/rate-limit.server";
import { hashPassword, verifyPassword } from "./password.server";

export async function getAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      totpEnabledAt: true,
      createdAt: true,
      delegation: { select: { code: true, status: true } },
    },
  });
}

export async function updatePreferences({ userId, name, locale }: { userId: string; name: string; locale: string }) {
  await prisma.user.update({ where: { id: userId }, data: { name, locale } });
}

/** Changes the password and ends every other session of the user (ADR 004, sessions; ASVS 3.3.3). */
export async function changePassword({
  userId,
  currentSessionId,
  currentPassword,
  newPassword,
}: {
  userId: string;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
}) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError(400, "errors.wrongPassword");
  }
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    await tx.session.update({ where: { id: currentSessionId }, data: { authenticatedAt: new Date() } });
    await notify(tx, userId, "security.passwordChanged");
  });
}

export async function listOwnSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() }, secondFactorVerified: true },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true, userAgent: true, ipAddress: true },
  });
}

/** Ends one of the user's own sessions; the `userId` in the filter keeps it to their own. */
export async function endOwnSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  await prisma.session.deleteMany({ where: { id: sessionId, userId } });
}

export async function endOtherSessions({ userId, currentSessionId }: { userId: string; currentSessionId: string }) {
  await prisma.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
}

/** Checks the password again before a sensitive act; failures count like failed sign-ins. */
export async function confirmPassword({ userId, password }: { userId: string; password: string }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  const limits: [LimiterName, string][] = [["reauthPerAccount", userId]];
  const wait = await secondsBlocked(limits);
  if (wait > 0) throw new DomainError(429, "errors.tooManyAttempts", { count: Math.max(1, Math.ceil(wait / 60)) });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(limits);
    throw new DomainError(400, "errors.wrongPassword");
  }
}
