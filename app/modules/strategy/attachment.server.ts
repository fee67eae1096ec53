// The files of a strategy (the signed PDF, annexes): added and removed by the
// delegation's drafters, downloaded by whoever may see the strategy. Bytes go
// through app/modules/storage (streamed, size- and type-checked from the
// content, SHA-256-checksummed, stored under a generated key); this module
// keeps the record, enforces the per-strategy limit and the delegation's
// quota, and audits each change.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { logger } from "~/utils/logger.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { deleteStoredFile, fileTooLarge, quotaExceeded, uploadBudget, type StoredUpload } from "~/modules/storage/storage.server";
import { ATTACHMENTS_PER_STRATEGY, UUID_PATTERN } from "./constants";
import { mayEdit } from "./permissions";
import { getStrategyBySlug } from "./strategy.server";

export type ReceivedFile = StoredUpload & { filename: string };

const ATTACHMENT_SELECT = { id: true, filename: true, contentType: true, size: true, sha256: true, language: true, createdAt: true } as const;

export function listAttachments(strategyId: string) {
  return prisma.strategyAttachment.findMany({ where: { strategyId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ATTACHMENT_SELECT });
}

/** Bytes the delegation keeps in strategy attachments (its share of the storage quota). */
async function bytesUsedBy(delegationId: string): Promise<number> {
  const sum = await prisma.strategyAttachment.aggregate({ where: { strategy: { delegationId } }, _sum: { size: true } });
  return sum._sum.size ?? 0;
}

async function editableStrategy(db: Transaction | typeof prisma, actor: CurrentUser, strategyId: string) {
  const s = await db.strategy.findUnique({
    where: { id: strategyId },
    select: { id: true, delegationId: true, status: true, currentVersion: true, publishedVersion: true, _count: { select: { attachments: true } } },
  });
  if (!s) throw notFound();
  if (!mayEdit(actor, s)) throw forbidden();
  return s;
}

/**
 * Before reading an upload: may the actor add a file here, and how large may
 * it be? Asked first so that nothing reaches storage from someone who may not.
 */
export async function attachmentBudget({ actor, strategyId }: { actor: CurrentUser; strategyId: string }) {
  const s = await editableStrategy(prisma, actor, strategyId);
  if (s._count.attachments >= ATTACHMENTS_PER_STRATEGY) throw new DomainError(409, "strategies:errors.tooManyAttachments", { count: ATTACHMENTS_PER_STRATEGY });
  return uploadBudget(await bytesUsedBy(s.delegationId));
}

/**
 * Records a file already stored by the upload. If the rules refuse it now (the
 * limit or quota reached meanwhile, rights withdrawn), the stored bytes are
 * deleted: nothing stays behind without a record.
 */
export async function addAttachment({ actor, strategyId, file, language }: { actor: CurrentUser; strategyId: string; file: ReceivedFile; language?: string | null }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const s = await editableStrategy(tx, actor, strategyId);
      // One upload at a time per delegation: the count and quota checks below cannot both pass for two racing uploads.
      await tx.$queryRaw`SELECT id FROM "Delegation" WHERE id = ${s.delegationId}::uuid FOR UPDATE`;
      const count = await tx.strategyAttachment.count({ where: { strategyId } });
      if (count >= ATTACHMENTS_PER_STRATEGY) throw new DomainError(409, "strategies:errors.tooManyAttachments", { count: ATTACHMENTS_PER_STRATEGY });
      const used = await tx.strategyAttachment.aggregate({ where: { strategy: { delegationId: s.delegationId } }, _sum: { size: true } });
      const budget = uploadBudget(used._sum.size ?? 0);
      if (file.size > budget.maxBytes) throw budget.limitedByQuota ? quotaExceeded() : fileTooLarge(budget.maxBytes);
      const attachment = await tx.strategyAttachment.create({
        data: {
          strategyId,
          storageKey: file.key,
          filename: file.filename,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          language: language ?? null,
          uploadedById: actor.id,
        },
        select: ATTACHMENT_SELECT,
      });
      await tx.strategy.update({ where: { id: strategyId }, data: { lastActivityAt: new Date() } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: s.delegationId,
        act: "strategy.attachmentAdded",
        objectType: "strategy",
        objectId: strategyId,
        data: { attachmentId: attachment.id, filename: file.filename, size: file.size, sha256: file.sha256, contentType: file.contentType },
      });
      return attachment;
    });
  } catch (error) {
    await discardUpload(file);
    throw error;
  }
}

/** An upload the form refused for another reason (its other fields): its bytes go. */
export async function discardUpload(file: ReceivedFile) {
  await deleteStoredFile(file.key).catch((e: unknown) => logger.error({ err: e, key: file.key }, "could not delete a refused upload"));
}

export async function removeAttachment({ actor, strategyId, attachmentId }: { actor: CurrentUser; strategyId: string; attachmentId: string }) {
  const removed = await prisma.$transaction(async (tx) => {
    const s = await editableStrategy(tx, actor, strategyId);
    const attachment = await tx.strategyAttachment.findFirst({ where: { id: attachmentId, strategyId }, select: { id: true, storageKey: true, filename: true, sha256: true } });
    if (!attachment) throw notFound();
    await tx.strategyAttachment.delete({ where: { id: attachment.id } });
    await tx.strategy.update({ where: { id: strategyId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: s.delegationId,
      act: "strategy.attachmentRemoved",
      objectType: "strategy",
      objectId: strategyId,
      data: { attachmentId: attachment.id, filename: attachment.filename, sha256: attachment.sha256 },
    });
    return attachment;
  });
  // The bytes go once the record is gone; a failure leaves an unreferenced file, never a dead link.
  await deleteStoredFile(removed.storageKey).catch((e: unknown) => logger.error({ err: e, key: removed.storageKey }, "could not delete a removed attachment's file"));
}

/** A file of a strategy the reader may see; 404 for anything else. */
export async function getAttachmentForDownload({ user, slug, attachmentId }: { user: CurrentUser | null; slug: string; attachmentId: string }) {
  const strategy = await getStrategyBySlug({ user, slug });
  if (!UUID_PATTERN.test(attachmentId)) throw notFound();
  const attachment = await prisma.strategyAttachment.findFirst({
    where: { id: attachmentId, strategyId: strategy.id },
    select: { storageKey: true, filename: true, contentType: true, sha256: true },
  });
  if (!attachment) throw notFound();
  return { key: attachment.storageKey, filename: attachment.filename, contentType: attachment.contentType, sha256: attachment.sha256 };
}
