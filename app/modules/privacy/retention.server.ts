// How long personal data that serves no governance purpose is kept
// (docs/decisions/013-personal-data.md), enforced by a sweep that any number of
// servers may run at any time: each run deletes what is past its period, and
// deleting twice deletes nothing more.
//   - sign-in records: SIGN_IN_RETENTION_MONTHS (12 by default);
//   - sessions: until they expire (12 hours at most);
//   - sign-in rate counters (keyed by email and address): until they expire;
//   - invitations never accepted: SIGN_IN_RETENTION_MONTHS after they expired or
//     were revoked, together with the address in the audit events of chain
//     version 1 that recorded them;
//   - personal access tokens: SIGN_IN_RETENTION_MONTHS after they expired or were
//     revoked (ADR 017).
import { getEnv } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";

/** Runs every hour on every server (and once at start-up). */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const INVITATION_BATCH = 100;

export type RetentionSweep = { signIns: number; sessions: number; rateCounters: number; invitations: number; auditEventsRedacted: number; apiTokens: number };

export async function sweepPersonalDataRetention({ now = new Date(), months = getEnv().SIGN_IN_RETENTION_MONTHS }: { now?: Date; months?: number } = {}): Promise<RetentionSweep> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);

  const signIns = await prisma.signInRecord.deleteMany({ where: { occurredAt: { lt: cutoff } } });
  const sessions = await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const rateCounters = await prisma.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } });
  const apiTokens = await prisma.apiToken.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });

  let invitations = 0;
  let auditEventsRedacted = 0;
  for (;;) {
    const stale = await prisma.invitation.findMany({
      where: { acceptedAt: null, OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
      select: { id: true, email: true },
      take: INVITATION_BATCH,
    });
    if (stale.length === 0) break;
    const members = new Set((await prisma.user.findMany({ where: { email: { in: stale.map((i) => i.email) } }, select: { email: true } })).map((u) => u.email));
    await prisma.$transaction(async (tx) => {
      // An address that belongs to a member is theirs to keep in the record; one of a person who never joined goes.
      for (const email of new Set(stale.map((i) => i.email).filter((e) => !members.has(e) && e.includes("@")))) {
        const [{ redacted }] = await tx.$queryRaw<{ redacted: number }[]>`SELECT concord_redact_audit_email(${email}) AS redacted`;
        auditEventsRedacted += redacted;
      }
      invitations += (await tx.invitation.deleteMany({ where: { id: { in: stale.map((i) => i.id) }, acceptedAt: null } })).count;
    });
    if (stale.length < INVITATION_BATCH) break;
  }
  return { signIns: signIns.count, sessions: sessions.count, rateCounters: rateCounters.count, invitations, auditEventsRedacted, apiTokens: apiTokens.count };
}
