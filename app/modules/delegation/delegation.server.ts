// Delegations: one per state, with a status that decides what it may do.
import { Prisma } from "~/generated/prisma/client";
import type { DelegationStatus, Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";

/** The directory: every delegation, with how many people it has. Bounded by the number of states. */
export async function listDelegations({ status }: { status?: DelegationStatus } = {}) {
  return prisma.delegation.findMany({
    where: status ? { status } : {},
    select: { id: true, code: true, status: true, _count: { select: { users: { where: { disabledAt: null } } } } },
  });
}

/** The order roles are shown in on a profile. */
export const ROLE_ORDER: Role[] = ["HEAD", "ALTERNATE", "DELEGATE", "EXPERT", "OBSERVER"];

export async function getDelegationProfile({ code, includePeople }: { code: string; includePeople: boolean }) {
  const delegation = await prisma.delegation.findUnique({
    where: { code: code.toUpperCase() },
    select: {
      id: true,
      code: true,
      status: true,
      createdAt: true,
      users: includePeople ? { where: { disabledAt: null }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } } : false,
    },
  });
  if (!delegation) throw new DomainError(404, "errors.notFound");
  const people = ROLE_ORDER.map((role) => ({
    role,
    people: (delegation.users ?? []).filter((u) => u.role === role).map((u) => ({ id: u.id, name: u.name })),
  })).filter((group) => group.people.length > 0);
  return { id: delegation.id, code: delegation.code, status: delegation.status, createdAt: delegation.createdAt, people };
}

export async function createDelegation({ actorId, code, status }: { actorId: string; code: string; status: DelegationStatus }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.delegation.create({ data: { code, status } });
      await recordAuditEvent(tx, {
        actorId,
        delegationId: created.id,
        act: "delegation.created",
        objectType: "delegation",
        objectId: created.id,
        data: { code, status },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(409, "errors.delegationExists");
    }
    throw error;
  }
}

export async function changeDelegationStatus({ actorId, delegationId, status }: { actorId: string; delegationId: string; status: DelegationStatus }) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.delegation.findUnique({ where: { id: delegationId }, select: { status: true } });
    if (!before) throw new DomainError(404, "errors.notFound");
    if (before.status === status) return;
    await tx.delegation.update({ where: { id: delegationId }, data: { status } });
    await recordAuditEvent(tx, {
      actorId,
      delegationId,
      act: "delegation.statusChanged",
      objectType: "delegation",
      objectId: delegationId,
      data: { from: before.status, to: status },
    });
  });
}
