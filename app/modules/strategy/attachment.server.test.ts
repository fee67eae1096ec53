// A strategy's files against a real database and a real (temporary, local)
// store: type checked from the content, size limited, checksummed, downloaded
// as attachments, only by those who may see the strategy; limits and rights.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor, strategyFields } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { openStoredFile, setStorageBackend, storedFileResponse, storeUpload } from "~/modules/storage/storage.server";
import { addAttachment, attachmentBudget, getAttachmentForDownload, listAttachments, removeAttachment } from "./attachment.server";
import { ATTACHMENT_TYPES, ATTACHMENTS_PER_STRATEGY } from "./constants";
import { createStrategy, publishStrategy } from "./strategy.server";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
async function* bytes(data: Uint8Array) {
  yield data;
}

let root = "";
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-strategy-files-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function draft(code: string) {
  const delegate = await delegationActor(code, "DELEGATE");
  const strategy = await createStrategy({ actor: delegate, originalLanguage: "en", ...strategyFields() });
  return { delegate, strategy };
}

/** What the upload form does: stream into storage under the strategy's budget, with the file's own name. */
async function upload(actor: Awaited<ReturnType<typeof delegationActor>>, strategyId: string, data: Uint8Array, filename: string) {
  const budget = await attachmentBudget({ actor, strategyId });
  const stored = await storeUpload({ data: bytes(data), filename, maxBytes: budget.maxBytes, allowedTypes: ATTACHMENT_TYPES });
  return addAttachment({ actor, strategyId, file: { ...stored, filename }, language: "en" });
}

describe("attachments", () => {
  it("stores a PDF with its checksum and serves it as a download with nosniff, to those who may see the strategy", async () => {
    const { delegate, strategy } = await draft("BR");
    const attachment = await upload(delegate, strategy.id, PDF, "Estratégia nacional.pdf");
    expect(attachment).toMatchObject({
      filename: "Estratégia nacional.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      sha256: createHash("sha256").update(PDF).digest("hex"),
    });
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.attachmentAdded" } })).toBe(1);

    // A draft's files are its delegation's only.
    await expect(getAttachmentForDownload({ user: null, slug: strategy.slug, attachmentId: attachment.id })).rejects.toMatchObject({ status: 404 });
    const file = await getAttachmentForDownload({ user: delegate, slug: strategy.slug, attachmentId: attachment.id });
    const response = await storedFileResponse(file);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Estrategia nacional.pdf"; filename\*=UTF-8''Estrat%C3%A9gia%20nacional\.pdf$/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);

    const head = await actorFor(await createUser({ role: "HEAD", delegationId: strategy.delegationId }));
    await publishStrategy({ actor: head, strategyId: strategy.id, version: 1, visibility: "PUBLIC" });
    await expect(getAttachmentForDownload({ user: null, slug: strategy.slug, attachmentId: attachment.id })).resolves.toMatchObject({ contentType: "application/pdf" });
    // Not through another strategy's address.
    const other = await draft("IN");
    await expect(getAttachmentForDownload({ user: other.delegate, slug: other.strategy.slug, attachmentId: attachment.id })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses files whose content is not an accepted type, whatever their name, and files over the size limit", async () => {
    const { delegate, strategy } = await draft("CN");
    const html = Buffer.from("<!doctype html><script>alert(1)</script>");
    await expect(upload(delegate, strategy.id, html, "strategy.pdf")).rejects.toMatchObject({ status: 415, messageKey: "errors.fileType" });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(5000, 1)]);
    await expect(upload(delegate, strategy.id, exe, "annex.pdf")).rejects.toMatchObject({ status: 415 });
    await expect(storeUpload({ data: bytes(PDF), filename: "big.pdf", maxBytes: 20, allowedTypes: ATTACHMENT_TYPES })).rejects.toMatchObject({
      status: 413,
      messageKey: "errors.fileTooLarge",
    });
    expect(await listAttachments(strategy.id)).toEqual([]);
    // Nothing was left in storage either.
    const leftovers = (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.parentPath.includes(".partial"));
    expect(leftovers.length).toBe(await prisma.strategyAttachment.count());
  });

  it("lets only the strategy's own drafters add or remove files; a refused file's bytes are deleted", async () => {
    const { delegate, strategy } = await draft("ZA");
    const outsider = await delegationActor("EG", "DELEGATE");
    await expect(attachmentBudget({ actor: outsider, strategyId: strategy.id })).rejects.toMatchObject({ status: 403 });
    const stored = await storeUpload({ data: bytes(PDF), filename: "x.pdf", maxBytes: 1_000_000, allowedTypes: ATTACHMENT_TYPES });
    await expect(addAttachment({ actor: outsider, strategyId: strategy.id, file: { ...stored, filename: "x.pdf" } })).rejects.toMatchObject({ status: 403 });
    await expect(openStoredFile(stored.key)).rejects.toMatchObject({ status: 404 });

    const attachment = await upload(delegate, strategy.id, PDF, "annex.pdf");
    await expect(removeAttachment({ actor: outsider, strategyId: strategy.id, attachmentId: attachment.id })).rejects.toMatchObject({ status: 403 });
    const key = (await prisma.strategyAttachment.findUniqueOrThrow({ where: { id: attachment.id } })).storageKey;
    await removeAttachment({ actor: delegate, strategyId: strategy.id, attachmentId: attachment.id });
    expect(await listAttachments(strategy.id)).toEqual([]);
    await expect(openStoredFile(key)).rejects.toMatchObject({ status: 404 });
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.attachmentRemoved" } })).toBe(1);
  });

  it("keeps at most the set number of files per strategy", async () => {
    const { delegate, strategy } = await draft("RU");
    for (let i = 0; i < ATTACHMENTS_PER_STRATEGY; i++) await upload(delegate, strategy.id, PDF, `annex-${i}.pdf`);
    await expect(attachmentBudget({ actor: delegate, strategyId: strategy.id })).rejects.toMatchObject({ status: 409, messageKey: "strategies:errors.tooManyAttachments" });
    const stored = await storeUpload({ data: bytes(PDF), filename: "one-more.pdf", maxBytes: 1_000_000, allowedTypes: ATTACHMENT_TYPES });
    await expect(addAttachment({ actor: delegate, strategyId: strategy.id, file: { ...stored, filename: "one-more.pdf" } })).rejects.toMatchObject({ status: 409 });
    await expect(openStoredFile(stored.key)).rejects.toMatchObject({ status: 404 });
  });
});
