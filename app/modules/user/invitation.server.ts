// Accounts exist by invitation only (ADR 004): the secretariat invites an
// email with a delegation and role; the single-use link expires after 7 days
// and only its hash is stored.
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { INVITATION_LIFETIME_MS } from "~/utils/session-policy";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import { checkRoleAssignment } from "./roles.server";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createInvitation({
  actorId,
  email,
  role,
  delegationId,
}: {
  actorId: string;
  email: string;
  role: Role;
  delegationId: string | null;
}): Promise<{ token: string; invitationId: string }> {
  const token = randomBytes(32).toString("base64url");
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new DomainError(409, "errors.emailTaken");
  const invitation = await prisma.$transaction(async (tx) => {
    await checkRoleAssignment(tx, { role, delegationId });
    const created = await tx.invitation.create({
      data: {
        email,
        role,
        delegationId,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
        invitedById: actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      delegationId,
      act: "invitation.created",
      objectType: "invitation",
      objectId: created.id,
      data: { email, role },
    });
    return created;
  });
  return { token, invitationId: invitation.id };
}

/** The invitation behind a link, if it can still be accepted. */
export async function findOpenInvitation(token: string) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      delegation: { select: { code: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

export async function acceptInvitation({ token, name, password, locale }: { token: string; name: string; password: string; locale: string }): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.$transaction(async (tx) => {
      // Claim the invitation first, judged by the database clock: of two concurrent accepts one wins.
      const claimed = await tx.$queryRaw<{ id: string; email: string; role: Role; delegationId: string | null }[]>`
        UPDATE "Invitation" SET "acceptedAt" = now()
        WHERE "tokenHash" = ${hashToken(token)} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()
        RETURNING id, email, role, "delegationId"`;
      const invitation = claimed[0];
      if (!invitation) throw new DomainError(410, "errors.invitationInvalid");
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name,
          passwordHash,
          role: invitation.role,
          delegationId: invitation.delegationId,
          locale,
        },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
      await recordAuditEvent(tx, {
        actorId: user.id,
        delegationId: invitation.delegationId,
        act: "invitation.accepted",
        objectType: "user",
        objectId: user.id,
        data: { invitationId: invitation.id, role: invitation.role },
      });
      return { userId: user.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // The email got an account meanwhile, or the delegation got a head.
      throw new DomainError(409, "errors.invitationConflict");
    }
    throw error;
  }
}

export async function revokeInvitation({ actorId, invitationId }: { actorId: string; invitationId: string }) {
  await prisma.$transaction(async (tx) => {
    const r = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (r.count !== 1) throw new DomainError(409, "errors.invitationNotOpen");
    await recordAuditEvent(tx, { actorId, act: "invitation.revoked", objectType: "invitation", objectId: invitationId });
  });
}

export const INVITATION_PAGE_SIZE = 25;

export async function listInvitations({ page }: { page: number }) {
  const [items, total] = await Promise.all([
    prisma.invitation.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * INVITATION_PAGE_SIZE,
      take: INVITATION_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        createdAt: true,
        delegation: { select: { code: true } },
        invitedBy: { select: { name: true } },
      },
    }),
    prisma.invitation.count(),
  ]);
  return { items, total, pageSize: INVITATION_PAGE_SIZE };
}
