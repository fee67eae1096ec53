// Erasure of a departed person's personal data by the secretariat
// (docs/decisions/013-personal-data.md). What identifies the person goes: the
// name and email become a stable pseudonym, the password and second factor
// stop existing, sessions, notifications, notification settings, follows,
// queued mail and sign-in records are removed,
// invitations addressed to them and audit events that held their email lose
// it. What their delegation did stays: ballots, comments, amendments and texts
// remain, attributed to the pseudonym, and the audit chain still verifies (its
// hashes cover no name or email: docs/decisions/014-database-roles-and-audit-chain.md).
import { randomBytes } from "node:crypto";
import type { CurrentUser } from "~/utils/auth.server";
import { hasRecentAuthentication } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound, ReauthenticationRequired } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { erasedEmail, pseudonym } from "./pseudonym";

// Any constant: erasures serialize, so two at once cannot take the same pseudonym number.
const ERASURE_LOCK_KEY = 727_020;

export type ErasureResult = { pseudonym: string; auditEventsRedacted: number };

export async function erasePersonalData({ actor, userId }: { actor: CurrentUser; userId: string }): Promise<ErasureResult> {
  if (!can(actor, "administer")) throw forbidden();
  if (userId === actor.id) throw new DomainError(400, "privacy:errors.cannotEraseSelf");
  // Irreversible: the secretariat proves again who they are (SECURITY.md 3.7.1).
  if (!hasRecentAuthentication(actor)) throw new ReauthenticationRequired();

  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ERASURE_LOCK_KEY})`;
    const rows = await tx.$queryRaw<
      { email: string; role: CurrentUser["role"]; delegationId: string | null; erasedAt: Date | null; disabledAt: Date | null; code: string | null }[]
    >`
      SELECT u.email, u.role, u."delegationId", u."erasedAt", u."disabledAt", d.code
        FROM "User" u LEFT JOIN "Delegation" d ON d.id = u."delegationId"
       WHERE u.id = ${userId}::uuid FOR UPDATE OF u`;
    const person = rows[0];
    if (!person) throw notFound();
    if (person.erasedAt) throw new DomainError(409, "privacy:errors.alreadyErased");

    const [{ next }] = await tx.$queryRaw<{ next: number }[]>`
      SELECT coalesce(max("pseudonymNumber"), 0)::int + 1 AS next FROM "User"
       WHERE "pseudonymNumber" IS NOT NULL AND "delegationId" IS NOT DISTINCT FROM ${person.delegationId}::uuid`;
    const name = pseudonym({ role: person.role, delegationCode: person.code, number: next });
    const email = erasedEmail(userId);
    const now = new Date();

    await tx.user.update({
      where: { id: userId },
      data: {
        name,
        email,
        // Not a hash of anything: no password can ever match it.
        passwordHash: `erased:${randomBytes(16).toString("hex")}`,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        erasedAt: now,
        pseudonymNumber: next,
        disabledAt: person.disabledAt ?? now,
      },
    });
    await tx.session.deleteMany({ where: { userId } });
    await tx.apiToken.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    // Mail settings (a confirmed address among them), follows and mail not yet or already sent to them.
    await tx.notificationSettings.deleteMany({ where: { userId } });
    await tx.notificationPreference.deleteMany({ where: { userId } });
    await tx.emailConfirmation.deleteMany({ where: { userId } });
    await tx.follow.deleteMany({ where: { userId } });
    await tx.mailOutbox.deleteMany({ where: { userId } });
    await tx.signInRecord.deleteMany({ where: { userId } });
    // Invitations addressed to them (the accepted one, and any still open) keep the act, not the address.
    await tx.invitation.updateMany({ where: { OR: [{ email: person.email }, { acceptedUserId: userId }] }, data: { email } });
    await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    // Sign-in counters are keyed by the address (alone, or with the client's address after `|`).
    await tx.$executeRaw`DELETE FROM rate_limit WHERE key LIKE ${`%:${escapeLike(person.email)}`} ESCAPE '\\' OR key LIKE ${`%:${escapeLike(person.email)}|%`} ESCAPE '\\'`;
    // Audit events written before chain version 2 held invitees' addresses.
    const [{ redacted }] = await tx.$queryRaw<{ redacted: number }[]>`SELECT concord_redact_audit_email(${person.email}) AS redacted`;

    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: person.delegationId,
      act: "user.erased",
      objectType: "user",
      objectId: userId,
      data: { pseudonymNumber: next, auditEventsRedacted: redacted },
    });
    return { pseudonym: name, auditEventsRedacted: redacted };
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
