// A head of delegation names the delegation's alternates (ADR 004): an
// alternate acts as head when the head is away, including casting the ballot.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";

export async function listTeam(delegationId: string) {
  return prisma.user.findMany({
    where: { delegationId, disabledAt: null },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

/** Makes a delegate of the head's own delegation an alternate, or back a delegate. */
export async function setAlternate({ actor, userId, alternate }: { actor: CurrentUser; userId: string; alternate: boolean }) {
  if (!can(actor, "nameAlternates") || !actor.delegation) throw forbidden();
  const delegationId = actor.delegation.id;
  await prisma.$transaction(async (tx) => {
    const from = alternate ? "DELEGATE" : "ALTERNATE";
    const to = alternate ? "ALTERNATE" : "DELEGATE";
    // Scoped to the head's own delegation: another delegation's people are not found.
    const changed = await tx.user.updateMany({ where: { id: userId, delegationId, role: from, disabledAt: null }, data: { role: to } });
    if (changed.count !== 1) {
      const exists = await tx.user.findFirst({ where: { id: userId, delegationId }, select: { id: true } });
      throw exists ? new DomainError(409, "errors.roleChangedMeanwhile") : notFound();
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId,
      act: "user.roleChanged",
      objectType: "user",
      objectId: userId,
      data: { from: { role: from }, to: { role: to }, by: "head" },
    });
  });
}
