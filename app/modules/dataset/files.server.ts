// A dataset's files: recording an upload (already streamed into storage,
// checksummed and type-checked by the storage module) within the steward
// delegation's quota, removing one, and handing one out for download — to
// whom the access level allows, with an audit event when the data is not open.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { forbidden, notFound } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeDatasetFile } from "~/modules/notification/research-events.server";
import { deleteStoredFile, quotaExceeded, uploadBudget } from "~/modules/storage/storage.server";
import type { ReceivedUpload } from "~/modules/storage/upload-form.server";
import { readColumns } from "./columns.server";
import { DATASET_FILES_PAGE_SIZE } from "./constants";
import { hasAccessGrant } from "./dataset.server";
import { isRestricted, mayDownload, mayManageDataset } from "./permissions";

/** Bytes of dataset files a delegation keeps (what its quota counts). */
export async function delegationStorageUsed(delegationId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ used: bigint | null }[]>`
    SELECT sum(f.size) AS used FROM "DatasetFile" f JOIN "Dataset" d ON d.id = f."datasetId" WHERE d."stewardDelegationId" = ${delegationId}::uuid`;
  return Number(rows[0]?.used ?? 0);
}

/** What may be uploaded to this dataset now, by this user: refused early when they may not upload at all. */
export async function datasetUploadBudget({ actor, slug }: { actor: CurrentUser; slug: string }) {
  const d = await prisma.dataset.findUnique({ where: { slug }, select: { id: true, stewardDelegationId: true, access: true } });
  if (!d) throw notFound();
  if (!mayManageDataset(actor, d)) throw forbidden();
  return { datasetId: d.id, ...uploadBudget(await delegationStorageUsed(d.stewardDelegationId)) };
}

// Any constant: the same for every app server, so quota checks of one delegation queue up.
const QUOTA_LOCK_NAMESPACE = 727_010;

/**
 * Records an uploaded file on the dataset. The quota is checked again under a
 * per-delegation lock (two uploads at once cannot both squeeze in); on any
 * refusal the stored file is deleted, so nothing is left behind.
 */
export async function addDatasetFile({ actor, datasetId, upload }: { actor: CurrentUser; datasetId: string; upload: ReceivedUpload }) {
  try {
    // The columns of a CSV, TSV or JSON Lines file, for its Croissant record set (ADR 017); not knowing them is no refusal.
    const columns = await readColumns(upload.key, upload.contentType).catch(() => null);
    return await prisma.$transaction(async (tx) => {
      const d = await tx.dataset.findUnique({ where: { id: datasetId }, select: { id: true, slug: true, stewardDelegationId: true, access: true } });
      if (!d) throw notFound();
      if (!mayManageDataset(actor, d)) throw forbidden();
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK_NAMESPACE}, hashtext(${d.stewardDelegationId}))`;
      const rows = await tx.$queryRaw<{ used: bigint | null }[]>`
        SELECT sum(f.size) AS used FROM "DatasetFile" f JOIN "Dataset" ds ON ds.id = f."datasetId" WHERE ds."stewardDelegationId" = ${d.stewardDelegationId}::uuid`;
      if (Number(rows[0]?.used ?? 0) + upload.size > getEnv().STORAGE_QUOTA_BYTES) throw quotaExceeded();
      const file = await tx.datasetFile.create({
        data: {
          datasetId,
          storageKey: upload.key,
          filename: upload.filename,
          contentType: upload.contentType,
          size: BigInt(upload.size),
          sha256: upload.sha256,
          ...(columns ? { columns } : {}),
          uploadedById: actor.id,
        },
        select: { id: true },
      });
      await tx.dataset.update({ where: { id: datasetId }, data: { updatedAt: new Date() } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: d.stewardDelegationId,
        act: "dataset.fileAdded",
        objectType: "dataset",
        objectId: datasetId,
        data: { fileId: file.id, filename: upload.filename, size: upload.size, sha256: upload.sha256 },
      });
      await noticeDatasetFile(tx, { actor, datasetId, filename: upload.filename });
      return { id: file.id, slug: d.slug };
    });
  } catch (error) {
    await deleteStoredFile(upload.key).catch(() => undefined);
    throw error;
  }
}

export async function removeDatasetFile({ actor, fileId }: { actor: CurrentUser; fileId: string }) {
  const removed = await prisma.$transaction(async (tx) => {
    const f = await tx.datasetFile.findUnique({
      where: { id: fileId },
      select: { id: true, storageKey: true, filename: true, sha256: true, dataset: { select: { id: true, stewardDelegationId: true, access: true } } },
    });
    if (!f) throw notFound();
    if (!mayManageDataset(actor, f.dataset)) throw forbidden();
    await tx.datasetFile.delete({ where: { id: fileId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: f.dataset.stewardDelegationId,
      act: "dataset.fileRemoved",
      objectType: "dataset",
      objectId: f.dataset.id,
      data: { fileId, filename: f.filename, sha256: f.sha256 },
    });
    return f.storageKey;
  });
  // After the commit: the row is gone first, so no download can point at a missing file.
  await deleteStoredFile(removed).catch(() => undefined);
}

export async function listDatasetFiles({ datasetId, page }: { datasetId: string; page: number }) {
  const [items, total] = await Promise.all([
    prisma.datasetFile.findMany({
      where: { datasetId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * DATASET_FILES_PAGE_SIZE,
      take: DATASET_FILES_PAGE_SIZE,
      select: { id: true, filename: true, contentType: true, size: true, sha256: true, createdAt: true, uploadedBy: { select: { name: true } } },
    }),
    prisma.datasetFile.count({ where: { datasetId } }),
  ]);
  return { items, total, pageSize: DATASET_FILES_PAGE_SIZE };
}

/**
 * A file to send to this viewer, if the dataset's access level lets them
 * have it. Downloads of members-only or on-request data are audited.
 */
export async function authorizeDownload({ viewer, slug, fileId }: { viewer: CurrentUser | null; slug: string; fileId: string }) {
  const f = await prisma.datasetFile.findFirst({
    where: { id: fileId, dataset: { slug } },
    select: {
      id: true,
      storageKey: true,
      filename: true,
      contentType: true,
      sha256: true,
      size: true,
      dataset: { select: { id: true, stewardDelegationId: true, access: true } },
    },
  });
  if (!f) throw notFound();
  const granted = await hasAccessGrant(viewer?.id, f.dataset.id);
  if (!mayDownload(viewer, f.dataset, granted)) throw forbidden();
  if (isRestricted(f.dataset)) {
    await prisma.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actorId: viewer?.id ?? null,
        delegationId: viewer?.delegation?.id ?? null,
        act: "dataset.fileDownloaded",
        objectType: "dataset",
        objectId: f.dataset.id,
        data: { fileId: f.id, filename: f.filename, sha256: f.sha256, access: f.dataset.access, viaGrant: granted },
      });
    });
  }
  return { key: f.storageKey, filename: f.filename, contentType: f.contentType, sha256: f.sha256 };
}
