// The first page: "what needs me now?" for a signed-in user, and what is new for everyone.
// Each domain adds its own items here as it arrives.
import { prisma } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/auth.server";

export async function getHome(user: CurrentUser | null) {
  const [statusCounts, unreadNotices, openInvitations] = await Promise.all([
    prisma.delegation.groupBy({ by: ["status"], _count: { _all: true } }),
    user ? prisma.notification.count({ where: { userId: user.id, readAt: null } }) : Promise.resolve(0),
    user?.role === "SECRETARIAT"
      ? prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })
      : Promise.resolve(0),
  ]);
  const counts = Object.fromEntries(statusCounts.map((s) => [s.status, s._count._all])) as Partial<
    Record<"MEMBER" | "PARTNER" | "OBSERVER", number>
  >;
  return {
    delegations: { MEMBER: counts.MEMBER ?? 0, PARTNER: counts.PARTNER ?? 0, OBSERVER: counts.OBSERVER ?? 0 },
    needs: { unreadNotices, openInvitations },
  };
}
