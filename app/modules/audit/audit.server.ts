// The audit log: every governance act, append-only and hash-chained
// (SECURITY.md "Audit and logs"). Events are written inside the transaction of
// the act they record; an advisory lock serializes writers so the chain cannot fork.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { prisma, type Transaction } from "~/utils/db.server";

export const GENESIS_HASH = "0".repeat(64);
const AUDIT_LOCK_KEY = 727_001; // any constant, the same for every writer

export type AuditAct =
  | "delegation.created"
  | "delegation.statusChanged"
  | "user.roleChanged"
  | "user.disabled"
  | "user.enabled"
  | "user.sessionsEnded"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "proposal.created"
  | "proposal.versionSaved"
  | "proposal.translationSaved"
  | "proposal.coDrafterInvited"
  | "proposal.consultationOpened"
  | "proposal.consultationExtended"
  | "proposal.withdrawn"
  | "amendment.proposed"
  | "amendment.accepted"
  | "amendment.rejected"
  | "bracket.opened"
  | "bracket.resolved"
  | "sponsor.joined"
  | "sponsor.withdrew"
  | "comment.hidden"
  | "model.registered"
  | "model.updated"
  | "evaluation.imported"
  | "evaluation.recorded"
  | "evaluation.withdrawn"
  | "evaluation.rederived"
  | "dataset.created"
  | "dataset.updated"
  | "dataset.textSaved"
  | "dataset.fileAdded"
  | "dataset.fileRemoved"
  | "dataset.fileDownloaded"
  | "dataset.accessRequested"
  | "dataset.accessApproved"
  | "dataset.accessDenied"
  | "strategy.created"
  | "strategy.versionSaved"
  | "strategy.translationSaved"
  | "strategy.published"
  | "strategy.superseded"
  | "strategy.visibilityChanged"
  | "strategy.attachmentAdded"
  | "strategy.attachmentRemoved"
  | "dsi.assessmentSaved"
  | "dsi.assessmentSubmitted"
  | "dsi.assessmentReturned"
  | "dsi.assessmentPublished"
  | "vote.opened"
  | "ballot.cast"
  | "vote.extended"
  | "vote.closed"
  | "apiToken.created"
  | "apiToken.revoked";

export type AuditInput = {
  actorId: string | null;
  delegationId?: string | null;
  act: AuditAct;
  objectType: string;
  objectId: string;
  data?: Record<string, unknown>;
};

type ChainedFields = {
  occurredAt: Date;
  actorId: string | null;
  delegationId: string | null;
  act: string;
  objectType: string;
  objectId: string;
  data: unknown;
};

/** SHA-256 over the previous hash and the canonical (RFC 8785) form of the event. */
export function computeEventHash(prevHash: string, event: ChainedFields): string {
  const canonical = canonicalize({
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    delegationId: event.delegationId,
    act: event.act,
    objectType: event.objectType,
    objectId: event.objectId,
    data: event.data ?? {},
  });
  return createHash("sha256").update(prevHash).update("\n").update(canonical ?? "").digest("hex");
}

export async function recordAuditEvent(tx: Transaction, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const event: ChainedFields = {
    // Millisecond precision: what timestamptz(3) stores, so the hash can be recomputed.
    occurredAt: new Date(),
    actorId: input.actorId,
    delegationId: input.delegationId ?? null,
    act: input.act,
    objectType: input.objectType,
    objectId: input.objectId,
    data: JSON.parse(JSON.stringify(input.data ?? {})),
  };
  await tx.auditEvent.create({
    data: {
      ...event,
      data: event.data as object,
      prevHash,
      hash: computeEventHash(prevHash, event),
    },
  });
}

export type ChainVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: bigint; reason: "hash" | "link" };

const VERIFY_BATCH = 1000;

/** Recomputes the whole chain in batches; reports the first event that does not fit. */
export async function verifyAuditChain(): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let count = 0;
  for (;;) {
    const batch = await prisma.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: VERIFY_BATCH,
    });
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, count, brokenAt: row.seq, reason: "link" };
      if (computeEventHash(prevHash, row) !== row.hash) return { ok: false, count, brokenAt: row.seq, reason: "hash" };
      prevHash = row.hash;
      count++;
    }
    if (batch.length < VERIFY_BATCH) return { ok: true, count };
    cursor = batch[batch.length - 1]!.seq;
  }
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents({ before }: { before?: bigint }) {
  return prisma.auditEvent.findMany({
    where: before ? { seq: { lt: before } } : {},
    orderBy: { seq: "desc" },
    take: AUDIT_PAGE_SIZE,
  });
}
