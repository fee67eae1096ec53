// The secretariat's management of people: roles, access, sessions.
// Each act is a governance act and writes its audit event in the same transaction.
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { checkRoleAssignment } from "./roles.server";

export const USER_PAGE_SIZE = 25;

export async function listUsers({ page, query, role }: { page: number; query?: string; role?: Role }) {
  const where: Prisma.UserWhereInput = {
    ...(role ? { role } : {}),
    ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { email: { contains: query, mode: "insensitive" } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        disabledAt: true,
        totpEnabledAt: true,
        delegation: { select: { code: true } },
      },
    }),
    prisma.user.count({ where }),
  ]);
  return { items, total, pageSize: USER_PAGE_SIZE };
}

export async function getUserForAdmin(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      disabledAt: true,
      erasedAt: true,
      totpEnabledAt: true,
      createdAt: true,
      delegationId: true,
      delegation: { select: { code: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
  if (!user) throw new DomainError(404, "errors.notFound");
  return user;
}

export async function changeUserRole({ actorId, userId, role, delegationId }: { actorId: string; userId: string; role: Role; delegationId: string | null }) {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, delegationId: true, erasedAt: true } });
      if (!before) throw new DomainError(404, "errors.notFound");
      // An erased person's pseudonym names their role and delegation at erasure (docs/decisions/013-personal-data.md).
      if (before.erasedAt) throw new DomainError(409, "privacy:errors.accountErased");
      if (userId === actorId && role !== "SECRETARIAT") throw new DomainError(400, "errors.cannotDemoteSelf");
      await checkRoleAssignment(tx, { role, delegationId, userId });
      await tx.user.update({ where: { id: userId }, data: { role, delegationId } });
      await recordAuditEvent(tx, {
        actorId,
        delegationId,
        act: "user.roleChanged",
        objectType: "user",
        objectId: userId,
        data: { from: { role: before.role, delegationId: before.delegationId }, to: { role, delegationId } },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(409, "errors.delegationHasHead");
    }
    throw error;
  }
}

export async function setUserDisabled({ actorId, userId, disabled }: { actorId: string; userId: string; disabled: boolean }) {
  if (userId === actorId) throw new DomainError(400, "errors.cannotDisableSelf");
  await prisma.$transaction(async (tx) => {
    if (!disabled && (await tx.user.findUnique({ where: { id: userId }, select: { erasedAt: true } }))?.erasedAt) {
      throw new DomainError(409, "privacy:errors.accountErased");
    }
    const r = await tx.user.updateMany({
      where: { id: userId, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? new Date() : null },
    });
    if (r.count !== 1) return; // already in that state: nothing to record
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, {
      actorId,
      act: disabled ? "user.disabled" : "user.enabled",
      objectType: "user",
      objectId: userId,
    });
  });
}

export async function endUserSessions({ actorId, userId }: { actorId: string; userId: string }) {
  await prisma.$transaction(async (tx) => {
    const r = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, {
      actorId,
      act: "user.sessionsEnded",
      objectType: "user",
      objectId: userId,
      data: { sessions: r.count },
    });
  });
}

export async function getAdminOverview() {
  const [delegations, users, openInvitations, auditEvents] = await Promise.all([
    prisma.delegation.count(),
    prisma.user.count({ where: { disabledAt: null } }),
    prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    prisma.auditEvent.count(),
  ]);
  return { delegations, users, openInvitations, auditEvents };
}
