// Which role fits which kind of membership (ADR 004, who may do what).
import type { Role } from "~/generated/prisma/enums";
import type { Transaction } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";

/** Roles held within a delegation; the secretariat holds none, experts may. */
const DELEGATION_ROLES: Role[] = ["HEAD", "ALTERNATE", "DELEGATE", "OBSERVER"];

export async function checkRoleAssignment(tx: Transaction, { role, delegationId, userId }: { role: Role; delegationId: string | null; userId?: string }) {
  if (role === "SECRETARIAT" && delegationId) throw new DomainError(400, "errors.secretariatHasNoDelegation");
  if (DELEGATION_ROLES.includes(role) && !delegationId) throw new DomainError(400, "errors.roleNeedsDelegation");
  if (delegationId) {
    const delegation = await tx.delegation.findUnique({ where: { id: delegationId }, select: { id: true } });
    if (!delegation) throw new DomainError(400, "errors.unknownDelegation");
  }
  if (role === "HEAD" && delegationId) {
    // One head per delegation (also a partial unique index in the database).
    const head = await tx.user.findFirst({
      where: { delegationId, role: "HEAD", disabledAt: null, ...(userId ? { id: { not: userId } } : {}) },
      select: { id: true },
    });
    const pending = await tx.invitation.findFirst({
      where: { delegationId, role: "HEAD", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (head || pending) throw new DomainError(409, "errors.delegationHasHead");
  }
}
