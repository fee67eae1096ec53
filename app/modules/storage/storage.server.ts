// Stored files (ADR 004, files; ADR 007): uploads are streamed — never held whole
// in memory — into the configured storage under a generated key, checked for
// size and type (from the content, not the name) on the way, and
// SHA-256-checksummed. Downloads go out as attachments with nosniff and the
// checksum. Domains (datasets, strategy attachments…) keep the key, size,
// checksum and the user's file name in their own tables (listed in
// references.server.ts). This module's only rows are the keys of uploads whose
// owning row may not exist yet (PendingUpload), so that a file left by a crash
// between the upload and its row is found and removed.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { getEnv, type Env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { DomainError, notFound } from "~/utils/errors";
import type { StorageBackend } from "./backend.server";
import { formatMiB, UploadInspector } from "./inspect.server";
import { createLocalStorage } from "./local.server";
import { referencedKeyCondition } from "./references.server";

export type { StorageBackend } from "./backend.server";
export { fileTooLarge, fileTypeRefused, formatMiB } from "./inspect.server";

export type StoredUpload = { key: string; size: number; sha256: string; contentType: string };

export type UploadInput = {
  /** The file's bytes as they arrive (a multipart part, a file stream…). */
  data: AsyncIterable<Uint8Array>;
  /** The user's file name: only its extension is read (to name a text format); it is never the stored name. */
  filename: string;
  maxBytes: number;
  /** MIME types accepted, as judged from the content (see constants.ts for text formats). */
  allowedTypes: readonly string[];
};

/** Keys look like `ab/ab12…` (32 hex digits): generated, spread over 256 folders. */
const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

function newKey(): string {
  const id = randomBytes(16).toString("hex");
  return `${id.slice(0, 2)}/${id}`;
}

export async function createConfiguredStorage(env: Env): Promise<StorageBackend> {
  if (env.STORAGE === "s3") {
    // Loaded only when used: local installs never load the AWS SDK.
    const { createS3Storage } = await import("./s3.server");
    return createS3Storage({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalStorage(path.join(env.dataDir, "files"));
}

let configured: Promise<StorageBackend> | undefined;

/** The storage configured by the environment (STORAGE=local|s3). */
export function getStorage(): Promise<StorageBackend> {
  configured ??= createConfiguredStorage(getEnv());
  return configured;
}

/**
 * A stored file whose row has not appeared after this long was left by a crash
 * between the upload and the row (or by a refusal whose clean-up failed): no
 * request lives this long (Node ends a request after 5 minutes by default).
 */
export const UNACKNOWLEDGED_UPLOAD_MAX_AGE_MS = 60 * 60 * 1000;
const SWEEP_BATCH = 200;

/**
 * Removes what crashed processes left behind: half-written files on local disk
 * (S3 multipart uploads that never completed are the bucket's lifecycle rules'
 * job) and whole files whose owning row was never written. Idempotent; safe to
 * run on several servers at once. Returns how many files it removed.
 */
export async function sweepPartialUploads(now = new Date()): Promise<number> {
  const backend = await getStorage();
  const partials = backend.sweepPartials ? await backend.sweepPartials() : 0;
  return partials + (await sweepUnacknowledgedUploads(backend, now));
}

/** See `sweepPartialUploads`: the uploads recorded as pending for too long, deleted unless a row now refers to them. */
export async function sweepUnacknowledgedUploads(backend: StorageBackend, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNACKNOWLEDGED_UPLOAD_MAX_AGE_MS);
  let removed = 0;
  for (;;) {
    const stale = await prisma.pendingUpload.findMany({
      where: { createdAt: { lt: cutoff } },
      orderBy: { createdAt: "asc" },
      take: SWEEP_BATCH,
      select: { key: true },
    });
    if (stale.length === 0) return removed;
    const keys = stale.map((upload) => upload.key);
    // The identifiers in this SQL come from references.server.ts only; the keys are a parameter.
    const rows = await prisma.$queryRaw<{ key: string }[]>`
      SELECT k AS key FROM unnest(${keys}::text[]) AS k WHERE ${Prisma.raw(referencedKeyCondition())}`;
    const referenced = new Set(rows.map((r) => r.key));
    for (const key of keys) {
      if (referenced.has(key) || !isStorageKey(key)) continue;
      await backend.delete(key);
      removed++;
      logger.warn({ key }, "removed a stored file no row refers to (an upload interrupted by a crash)");
    }
    await prisma.pendingUpload.deleteMany({ where: { key: { in: keys } } });
    if (stale.length < SWEEP_BATCH) return removed;
  }
}

/** Replaces the configured storage (tests; a start-up that built its own). */
export function setStorageBackend(backend: StorageBackend): void {
  configured = Promise.resolve(backend);
}

/** Streams an upload into `backend`; see `storeUpload`. */
export async function storeUploadIn(backend: StorageBackend, { data, filename, maxBytes, allowedTypes }: UploadInput): Promise<StoredUpload> {
  const key = newKey();
  // Recorded before the first byte is stored: if the process dies before the domain writes its row, the sweep finds the file.
  await prisma.pendingUpload.create({ data: { key } });
  const inspector = new UploadInspector({ maxBytes, allowedTypes, filename });
  const source = Readable.from(data, { objectMode: false });
  source.once("error", (error) => inspector.destroy(error));
  // The backend's consumer sees the error through its own read; this listener only
  // keeps an error raised before it starts reading from going unhandled.
  inspector.on("error", () => undefined);
  source.pipe(inspector);
  try {
    await backend.put(key, inspector);
  } catch (error) {
    source.destroy();
    // Belt and braces: each backend already leaves nothing behind on failure.
    await backend.delete(key).catch(() => undefined);
    await prisma.pendingUpload.deleteMany({ where: { key } }).catch(() => undefined);
    // Storage layers may wrap the stream's error; the user must see the rule that refused the file.
    throw inspector.failure ?? error;
  }
  if (inspector.failure || inspector.sha256 === null || inspector.contentType === null) {
    await backend.delete(key).catch(() => undefined);
    await prisma.pendingUpload.deleteMany({ where: { key } }).catch(() => undefined);
    throw inspector.failure ?? new Error("upload ended without being inspected");
  }
  logger.info({ key, size: inspector.bytesSeen, contentType: inspector.contentType, storage: backend.kind }, "file stored");
  return { key, size: inspector.bytesSeen, sha256: inspector.sha256, contentType: inspector.contentType };
}

/**
 * Streams an upload into the configured storage under a generated key,
 * computing its size and SHA-256. Refuses it — leaving nothing stored — when it
 * is larger than `maxBytes` (DomainError 413 "errors.fileTooLarge"), when its
 * content is not one of `allowedTypes` (415 "errors.fileType"), or empty
 * (400 "errors.fileEmpty").
 */
export async function storeUpload(input: UploadInput): Promise<StoredUpload> {
  return storeUploadIn(await getStorage(), input);
}

/** The stored bytes and their size; DomainError 404 when the key is unknown. */
export async function openStoredFile(key: string): Promise<{ stream: Readable; size: number }> {
  if (!isStorageKey(key)) throw notFound();
  return (await getStorage()).open(key);
}

export async function deleteStoredFile(key: string): Promise<void> {
  if (!isStorageKey(key)) return;
  await (await getStorage()).delete(key);
}

/**
 * How large the next upload of a delegation (or of anyone) may be: the
 * per-file limit (UPLOAD_MAX_BYTES), or less when the delegation's quota
 * (STORAGE_QUOTA_BYTES) has less room left. `usedBytes` is what the caller's
 * domain counts as already stored for that delegation.
 */
export function uploadBudget(usedBytes: number | null): { maxBytes: number; limitedByQuota: boolean } {
  const env = getEnv();
  if (usedBytes === null) return { maxBytes: env.UPLOAD_MAX_BYTES, limitedByQuota: false };
  const remaining = Math.max(0, env.STORAGE_QUOTA_BYTES - usedBytes);
  return remaining < env.UPLOAD_MAX_BYTES ? { maxBytes: remaining, limitedByQuota: true } : { maxBytes: env.UPLOAD_MAX_BYTES, limitedByQuota: false };
}

/** The quota is full: said when `uploadBudget` was limited by it and the file did not fit. */
export const quotaExceeded = () => new DomainError(413, "errors.quotaExceeded", { size: formatMiB(getEnv().STORAGE_QUOTA_BYTES) });

// ---------------------------------------------------------------------------
// Names and download headers

const MAX_FILENAME_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069/\\:*?"<>|]/g;

/**
 * A user's file name made safe to show and to send back: NFC, without
 * folders, control or bidirectional-override characters, nor characters that
 * file systems refuse; never empty.
 */
export function safeFilename(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(UNSAFE_IN_NAME, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_FILENAME_LENGTH) return cleaned || "file";
  // Keep the extension when shortening.
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 12 ? cleaned.slice(dot) : "";
  return chars.slice(0, MAX_FILENAME_LENGTH - ext.length).join("") + ext;
}

/** RFC 6266 with an RFC 8187 `filename*` for names in any script, and an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const safe = safeFilename(filename);
  const ascii =
    safe
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\x20-\x7E]/g, "_")
      .replace(/["\\%;]/g, "_") || "file";
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const TEXT_TYPE = /^text\/|^application\/(json|jsonlines|xml)$/;

export function fileDownloadHeaders({ filename, contentType, size, sha256 }: { filename: string; contentType: string; size: number; sha256: string }): Headers {
  const base64 = Buffer.from(sha256, "hex").toString("base64");
  return new Headers({
    "Content-Type": TEXT_TYPE.test(contentType) ? `${contentType}; charset=utf-8` : contentType,
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(filename),
    "X-Content-Type-Options": "nosniff",
    // Even if opened in place, a stored file can run nothing.
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // Files may be restricted data: no shared caches, no keeping.
    "Cache-Control": "private, no-store",
    // The checksum shown on the page, three ways: RFC 3230, RFC 9530, and plain hex.
    Digest: `sha-256=${base64}`,
    "Repr-Digest": `sha-256=:${base64}:`,
    "X-Checksum-SHA256": sha256,
  });
}

/** A download response streaming a stored file. */
export async function storedFileResponse(file: { key: string; filename: string; contentType: string; sha256: string }): Promise<Response> {
  const { stream, size } = await openStoredFile(file.key);
  return new Response(createReadableStreamFromReadable(stream), {
    status: 200,
    headers: fileDownloadHeaders({ filename: file.filename, contentType: file.contentType, size, sha256: file.sha256 }),
  });
}
