// In-app notices to one user (a second factor changed, a password changed…).
import { prisma, type Transaction } from "~/utils/db.server";

export type NotificationKind =
  | "security.passwordChanged"
  | "security.totpEnabled"
  | "security.totpDisabled"
  | "security.recoveryCodesRegenerated"
  | "security.recoveryCodeUsed"
  | "security.repeatedSignInFailures"
  | "dataset.accessRequested"
  | "dataset.accessApproved"
  | "dataset.accessDenied"
  | "vote.reminder";

export async function notify(tx: Transaction, userId: string, kind: NotificationKind, data: Record<string, string> = {}) {
  await tx.notification.create({ data: { userId, kind, data } });
}

export const NOTIFICATION_PAGE_SIZE = 20;

export async function listNotifications(userId: string) {
  return prisma.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: NOTIFICATION_PAGE_SIZE,
    select: { id: true, kind: true, data: true, createdAt: true, readAt: true },
  });
}

export async function markNotificationsRead(userId: string) {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
