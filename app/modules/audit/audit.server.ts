// The audit log: every governance act, append-only and hash-chained
// (ADR 004, audit). Events are written inside the transaction of the act they
// record; the database computes the chain on insert and serializes writers, so it
// cannot be forged or forked (docs/decisions/014-database-roles-and-audit-chain.md).
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { prisma, type Transaction } from "~/utils/db.server";

export const GENESIS_HASH = "0".repeat(64);

export type AuditAct =
  | "delegation.created"
  | "delegation.statusChanged"
  | "user.roleChanged"
  | "user.disabled"
  | "user.enabled"
  | "user.sessionsEnded"
  | "user.erased"
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

/** The fields of an event that its hash covers, as read back from the database. */
type StoredEvent = {
  seq: bigint;
  occurredAt: Date;
  actorId: string | null;
  delegationId: string | null;
  act: string;
  objectType: string;
  objectId: string;
  /** `data` exactly as PostgreSQL writes it (data::text). */
  dataText: string;
  prevHash: string;
  hash: string;
  chainVersion: number;
  dataSha256: string | null;
  redactedAt: Date | null;
};

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const utf8Hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

/**
 * Chain version 1 (events written before the database computed the chain):
 * SHA-256 over the previous hash and the canonical (RFC 8785) form of the event, data included.
 */
export function computeEventHashV1(
  prevHash: string,
  event: Omit<StoredEvent, "dataText" | "seq" | "prevHash" | "hash" | "chainVersion" | "dataSha256" | "redactedAt"> & { data: unknown },
): string {
  const canonical = canonicalize({
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    delegationId: event.delegationId,
    act: event.act,
    objectType: event.objectType,
    objectId: event.objectId,
    data: event.data ?? {},
  });
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonical ?? "")
    .digest("hex");
}

/**
 * Chain version 2, computed by the database on insert (trigger "AuditEvent_chain",
 * function concord_audit_hash_v2): SHA-256 over lines that hold the previous hash,
 * the time, the ids, the act and object (hex of their UTF-8 bytes) and the SHA-256
 * of the data — not the data itself, so that redacting personal data from an event
 * leaves its hash valid (docs/decisions/014-database-roles-and-audit-chain.md).
 * Recomputed here independently of the database.
 */
export function computeEventHashV2(
  prevHash: string,
  event: Pick<StoredEvent, "occurredAt" | "actorId" | "delegationId" | "act" | "objectType" | "objectId"> & { dataSha256: string },
): string {
  const lines = [
    "concord-audit-v2",
    prevHash,
    event.occurredAt.toISOString(),
    event.actorId ?? "",
    event.delegationId ?? "",
    utf8Hex(event.act),
    utf8Hex(event.objectType),
    utf8Hex(event.objectId),
    event.dataSha256,
  ];
  return sha256Hex(lines.join("\n"));
}

/**
 * Records a governance act in the caller's transaction. The database fills in
 * the time, the previous hash, the data digest and the hash (and serializes
 * writers), so the chain cannot be forged or forked by any writer.
 */
export async function recordAuditEvent(tx: Transaction, input: AuditInput): Promise<void> {
  const data = JSON.stringify(input.data ?? {});
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "delegationId", act, "objectType", "objectId", data)
    VALUES (${input.actorId}::uuid, ${input.delegationId ?? null}::uuid, ${input.act}, ${input.objectType}, ${input.objectId}, ${data}::jsonb)`;
}

export type ChainVerification = { ok: true; count: number; redacted: number } | { ok: false; count: number; redacted: number; brokenAt: bigint; reason: "hash" | "link" | "data" };

const VERIFY_BATCH = 1000;

/** Why an event does not fit the chain, or null when it does. */
function checkEvent(prevHash: string, row: StoredEvent): "hash" | "link" | "data" | null {
  if (row.prevHash !== prevHash) return "link";
  if (row.chainVersion === 1) {
    // A redacted version-1 event can no longer be recomputed: its place in the chain is still checked by the link above and the next.
    if (row.redactedAt) return null;
    return computeEventHashV1(prevHash, { ...row, data: JSON.parse(row.dataText) }) === row.hash ? null : "hash";
  }
  if (row.dataSha256 === null) return "hash";
  if (computeEventHashV2(prevHash, { ...row, dataSha256: row.dataSha256 }) !== row.hash) return "hash";
  if (!row.redactedAt && sha256Hex(row.dataText) !== row.dataSha256) return "data";
  return null;
}

/**
 * Recomputes the whole chain in batches; reports the first event that does not
 * fit, and how many events had personal data redacted (they still link).
 */
export async function verifyAuditChain(): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let cursor = -1n;
  let count = 0;
  let redacted = 0;
  for (;;) {
    const batch = await prisma.$queryRaw<StoredEvent[]>`
      SELECT seq, "occurredAt", "actorId"::text AS "actorId", "delegationId"::text AS "delegationId", act, "objectType",
             "objectId", data::text AS "dataText", "prevHash", hash, "chainVersion"::int AS "chainVersion", "dataSha256", "redactedAt"
        FROM "AuditEvent" WHERE seq > ${cursor} ORDER BY seq LIMIT ${VERIFY_BATCH}`;
    for (const row of batch) {
      const reason = checkEvent(prevHash, row);
      if (reason) return { ok: false, count, redacted, brokenAt: row.seq, reason };
      if (row.redactedAt) redacted++;
      prevHash = row.hash;
      count++;
    }
    if (batch.length < VERIFY_BATCH) return { ok: true, count, redacted };
    cursor = batch[batch.length - 1]!.seq;
  }
}

/** The hash of the newest event: writing it down somewhere else lets anyone later prove the log was not rewritten. */
export async function latestAuditHash(): Promise<string> {
  const last = await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  return last?.hash ?? GENESIS_HASH;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents({ before }: { before?: bigint }) {
  return prisma.auditEvent.findMany({
    where: before ? { seq: { lt: before } } : {},
    orderBy: { seq: "desc" },
    take: AUDIT_PAGE_SIZE,
  });
}
