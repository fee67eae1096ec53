// The notification centre: a person's notices, newest first, paginated; the
// unread count of the header; marking read. Security notices (a second factor
// changed…) are written here; event notices by events.server.ts.
import { prisma, type Transaction } from "~/utils/db.server";
import { NOTIFICATION_PAGE_SIZE, SECURITY_CATEGORY, type SecurityKind } from "./categories";

export type NotificationKind = SecurityKind;

/** A security notice to one person, in the transaction of the change it reports. Always shown, never configurable. */
export async function notify(tx: Transaction, userId: string, kind: SecurityKind, data: Record<string, string | number> = {}) {
  await tx.notification.create({ data: { userId, kind, category: SECURITY_CATEGORY, data } });
}

const noticeSelect = {
  id: true,
  kind: true,
  category: true,
  objectType: true,
  objectId: true,
  proposalId: true,
  data: true,
  createdAt: true,
  readAt: true,
} as const;

/** One page of the person's notices shown in the app, newest first. */
export async function listNotifications({ userId, page, pageSize = NOTIFICATION_PAGE_SIZE }: { userId: string; page: number; pageSize?: number }) {
  const where = { userId, inApp: true };
  const [items, total] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, select: noticeSelect }),
    prisma.notification.count({ where }),
  ]);
  return { items, total, pageSize };
}

/** The newest notices, for a short list (home page). */
export async function latestUnread(userId: string, take: number) {
  return prisma.notification.findMany({
    where: { userId, inApp: true, readAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: noticeSelect,
  });
}

/** Marks one of the person's notices read (someone else's id changes nothing). */
export async function markNotificationRead({ userId, notificationId }: { userId: string; notificationId: string }) {
  await prisma.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
}

export async function markNotificationsRead(userId: string) {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
