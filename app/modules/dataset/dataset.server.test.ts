// Dataset services against a real database: cataloguing with sovereignty
// metadata, language versions, files within the quota (checksummed, nothing
// left behind on refusal), downloads by access level with audit, and access
// requests from asking to downloading.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A small quota and per-file limit for this file, set before configuration is read.
vi.hoisted(() => {
  process.env.STORAGE_QUOTA_BYTES = "6000";
  process.env.UPLOAD_MAX_BYTES = "5000";
});

import { actorFor, createDelegation, createUser, datasetFields, delegationActor, uploadBytes } from "../../../test/factories";
import { createLocalStorage } from "~/modules/storage/local.server";
import { openStoredFile, setStorageBackend, storeUpload, uploadBudget } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { decideAccess, listAccessRequests, requestAccess } from "./access.server";
import { DATASET_FILE_TYPES } from "./constants";
import { createDataset, getDataset, listDatasets, saveDatasetText, updateDatasetMetadata } from "./dataset.server";
import { addDatasetFile, authorizeDownload, datasetUploadBudget, delegationStorageUsed, removeDatasetFile } from "./files.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-dataset-files-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function uploaded(content: string, filename = "data.csv") {
  const stored = await storeUpload({ data: uploadBytes(content), filename, maxBytes: 5000, allowedTypes: DATASET_FILE_TYPES });
  return { ...stored, filename };
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function read(key: string): Promise<string> {
  const { stream } = await openStoredFile(key);
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

describe("cataloguing", () => {
  it("makes the cataloguer's delegation the steward, with the metadata and the original text", async () => {
    const delegate = await delegationActor("BR");
    const dataset = await createDataset({
      actor: delegate,
      input: datasetFields({
        name: "Corpus jurídico",
        originalLanguage: "pt",
        languages: ["pt", "en", "pt"],
        residencyCountry: "BR",
        crossBorder: "PROHIBITED",
        access: "ON_REQUEST",
        sizeGigabytes: 1.5,
        recordCount: 1000,
      }),
    });
    expect(dataset.slug).toBe("corpus-juridico");
    const row = await prisma.dataset.findUniqueOrThrow({ where: { id: dataset.id }, include: { texts: true } });
    expect(row).toMatchObject({
      stewardDelegationId: delegate.delegation!.id,
      languages: ["pt", "en"],
      crossBorder: "PROHIBITED",
      access: "ON_REQUEST",
      sizeBytes: 1_500_000_000n,
      recordCount: 1000n,
    });
    expect(row.texts).toMatchObject([{ language: "pt", kind: "ORIGINAL", name: "Corpus jurídico" }]);
    expect(await prisma.auditEvent.count({ where: { act: "dataset.created", objectId: dataset.id } })).toBe(1);
  });

  it("needs a delegation to steward it", async () => {
    const expert = await actorFor(await createUser({ role: "EXPERT" }));
    expect((await errorOf(createDataset({ actor: expert, input: datasetFields() }))).messageKey).toBe("research:errors.datasetNeedsDelegation");
    const observerDelegation = await createDelegation({ code: "SN", status: "OBSERVER" });
    const observer = await actorFor(await createUser({ role: "OBSERVER", delegationId: observerDelegation.id }));
    expect((await errorOf(createDataset({ actor: observer, input: datasetFields() }))).status).toBe(403);
  });

  it("lists by data language, access, steward and name, named in the reader's language when there is a version", async () => {
    const za = await delegationActor("ZA");
    const tag = Math.random().toString(36).slice(2, 7);
    const zulu = await createDataset({ actor: za, input: datasetFields({ name: `Zulu ${tag}`, languages: ["zu", "en"], access: "OPEN" }) });
    await createDataset({ actor: za, input: datasetFields({ name: `Xhosa ${tag}`, languages: ["xh"], access: "MEMBERS" }) });
    await saveDatasetText({ actor: za, datasetId: zulu.id, language: "fr", name: `Zoulou ${tag}`, description: "Phrases." });
    const byLanguage = await listDatasets({ page: 1, lang: "fr", language: "zu", q: tag });
    expect(byLanguage.items.map((d) => [d.name, d.nameLanguage])).toEqual([[`Zoulou ${tag}`, "fr"]]);
    const members = await listDatasets({ page: 1, lang: "en", access: "MEMBERS", stewardCode: "ZA", q: tag });
    expect(members.items.map((d) => d.name)).toEqual([`Xhosa ${tag}`]);
  });

  it("keeps language versions: the original stays original; only the head makes a translation official", async () => {
    const delegate = await delegationActor("IN");
    const head = await delegationActor("IN", "HEAD");
    const d = await createDataset({ actor: delegate, input: datasetFields({ originalLanguage: "hi", name: "कॉर्पस" }) });
    await saveDatasetText({ actor: delegate, datasetId: d.id, language: "hi", kind: "UNOFFICIAL_TRANSLATION", name: "नया कॉर्पस", description: "विवरण" });
    expect(await prisma.datasetText.findUniqueOrThrow({ where: { datasetId_language: { datasetId: d.id, language: "hi" } } })).toMatchObject({
      kind: "ORIGINAL",
      name: "नया कॉर्पस",
    });
    expect((await errorOf(saveDatasetText({ actor: delegate, datasetId: d.id, language: "en", kind: "OFFICIAL_TRANSLATION", name: "Corpus", description: "x" }))).status).toBe(403);
    await saveDatasetText({ actor: head, datasetId: d.id, language: "en", kind: "OFFICIAL_TRANSLATION", name: "Corpus", description: "Description" });
    const view = await getDataset({ slug: d.slug, lang: "ru", viewer: null });
    expect(view.isFallback).toBe(true);
    expect(view.text.language).toBe("hi");
    expect(view.languages.map((l) => `${l.language}:${l.kind}`)).toEqual(["en:OFFICIAL_TRANSLATION", "hi:ORIGINAL"]);
    // People of other delegations cannot edit it.
    const other = await delegationActor("CN");
    expect((await errorOf(updateDatasetMetadata({ actor: other, datasetId: d.id, input: { ...datasetFields(), access: "OPEN" } }))).status).toBe(403);
  });
});

describe("files", () => {
  it("records an upload with its checksum; refuses one that would exceed the delegation's quota, leaving nothing", async () => {
    const steward = await delegationActor("EG", "EXPERT");
    const d = await createDataset({ actor: steward, input: datasetFields() });
    const first = "id,text\n" + "1,مرحبا\n".repeat(300);
    const a = await uploaded(first);
    await addDatasetFile({ actor: steward, datasetId: d.id, upload: a });
    const file = await prisma.datasetFile.findFirstOrThrow({ where: { datasetId: d.id } });
    expect(file).toMatchObject({ sha256: sha256(first), size: BigInt(Buffer.byteLength(first)), contentType: "text/csv", filename: "data.csv" });
    expect(await read(file.storageKey)).toBe(first);
    expect(await delegationStorageUsed(steward.delegation!.id)).toBe(Buffer.byteLength(first));

    // The budget left is smaller than the per-file limit: a form would refuse early; the service refuses too.
    const budget = await datasetUploadBudget({ actor: steward, slug: d.slug });
    expect(budget).toMatchObject({ maxBytes: 6000 - Buffer.byteLength(first), limitedByQuota: true });
    const b = await uploaded("x".repeat(4500), "big.txt");
    expect((await errorOf(addDatasetFile({ actor: steward, datasetId: d.id, upload: b }))).messageKey).toBe("errors.quotaExceeded");
    await expect(openStoredFile(b.key)).rejects.toMatchObject({ status: 404 });
    expect(await prisma.datasetFile.count({ where: { datasetId: d.id } })).toBe(1);
  });

  it("limits each file by the configured size (UPLOAD_MAX_BYTES)", () => {
    expect(uploadBudget(null)).toEqual({ maxBytes: 5000, limitedByQuota: false });
  });

  it("lets only the steward's people add and remove files; removing deletes the stored bytes", async () => {
    const steward = await delegationActor("CN", "EXPERT");
    const other = await delegationActor("RU");
    const d = await createDataset({ actor: steward, input: datasetFields() });
    const up = await uploaded("a,b\n1,2\n");
    expect((await errorOf(addDatasetFile({ actor: other, datasetId: d.id, upload: up }))).status).toBe(403);
    await expect(openStoredFile(up.key)).rejects.toMatchObject({ status: 404 });
    const mine = await uploaded("a,b\n1,2\n");
    const added = await addDatasetFile({ actor: steward, datasetId: d.id, upload: mine });
    expect((await errorOf(removeDatasetFile({ actor: other, fileId: added.id }))).status).toBe(403);
    await removeDatasetFile({ actor: steward, fileId: added.id });
    await expect(openStoredFile(mine.key)).rejects.toMatchObject({ status: 404 });
    expect(await prisma.auditEvent.count({ where: { act: "dataset.fileRemoved", objectId: d.id } })).toBe(1);
  });
});

describe("downloads and access requests", () => {
  async function datasetWithFile(access: "OPEN" | "MEMBERS" | "ON_REQUEST", code: string) {
    const steward = await delegationActor(code, "EXPERT");
    const d = await createDataset({ actor: steward, input: datasetFields({ access }) });
    const content = `id,value\n1,${access}\n`;
    const f = await addDatasetFile({ actor: steward, datasetId: d.id, upload: await uploaded(content) });
    return { steward, d, fileId: f.id, content };
  }

  it("serves open data to anyone without an audit record, members data to members with one", async () => {
    const open = await datasetWithFile("OPEN", "BR");
    const file = await authorizeDownload({ viewer: null, slug: open.d.slug, fileId: open.fileId });
    expect(await read(file.key)).toBe(open.content);
    expect(await prisma.auditEvent.count({ where: { act: "dataset.fileDownloaded", objectId: open.d.id } })).toBe(0);

    const members = await datasetWithFile("MEMBERS", "IN");
    expect((await errorOf(authorizeDownload({ viewer: null, slug: members.d.slug, fileId: members.fileId }))).status).toBe(403);
    const reader = await delegationActor("ZA");
    const got = await authorizeDownload({ viewer: reader, slug: members.d.slug, fileId: members.fileId });
    expect(got.sha256).toBe(sha256(members.content));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { act: "dataset.fileDownloaded", objectId: members.d.id } });
    expect(audit).toMatchObject({ actorId: reader.id, data: { fileId: members.fileId, access: "MEMBERS", viaGrant: false } });
    // A file id under another dataset's slug is not found.
    expect((await errorOf(authorizeDownload({ viewer: reader, slug: open.d.slug, fileId: members.fileId }))).status).toBe(404);
  });

  it("grants data on request through the steward's head: asked, approved, notified, downloaded, audited", async () => {
    const { d, fileId, content } = await datasetWithFile("ON_REQUEST", "EG");
    const head = await delegationActor("EG", "HEAD");
    const requester = await delegationActor("ID");
    expect((await errorOf(authorizeDownload({ viewer: requester, slug: d.slug, fileId }))).status).toBe(403);

    const request = await requestAccess({ actor: requester, datasetId: d.id, purpose: "Training an Indonesian–Arabic translation model." });
    expect((await errorOf(requestAccess({ actor: requester, datasetId: d.id, purpose: "Asking a second time." }))).messageKey).toBe("research:errors.alreadyRequested");
    expect(await prisma.notification.count({ where: { userId: head.id, kind: "dataset.accessRequested" } })).toBe(1);

    // Only the steward's head (or an alternate) decides.
    const stewardDelegate = await delegationActor("EG", "DELEGATE");
    expect((await errorOf(decideAccess({ actor: stewardDelegate, requestId: request.id, approve: true }))).status).toBe(403);
    const otherHead = await delegationActor("BR", "HEAD");
    expect((await errorOf(decideAccess({ actor: otherHead, requestId: request.id, approve: true }))).status).toBe(403);

    await decideAccess({ actor: head, requestId: request.id, approve: true, note: "For research only." });
    expect((await errorOf(decideAccess({ actor: head, requestId: request.id, approve: false, note: "changed my mind" }))).messageKey).toBe("research:errors.requestDecided");
    expect(await prisma.notification.count({ where: { userId: requester.id, kind: "dataset.accessApproved" } })).toBe(1);

    const file = await authorizeDownload({ viewer: requester, slug: d.slug, fileId });
    expect(file.sha256).toBe(sha256(content));
    expect(await read(file.key)).toBe(content);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { act: "dataset.fileDownloaded", objectId: d.id } })).toMatchObject({
      actorId: requester.id,
      data: { viaGrant: true },
    });
    expect((await errorOf(requestAccess({ actor: requester, datasetId: d.id, purpose: "Once more, please." }))).messageKey).toBe("research:errors.alreadyHasAccess");

    const listed = await listAccessRequests({ viewer: head, datasetId: d.id, page: 1 });
    expect(listed.pending).toHaveLength(0);
    expect(listed.decided.map((r) => [r.status, r.decisionNote])).toEqual([["APPROVED", "For research only."]]);
  });

  it("lets a denied requester ask again, and two requests at once yield one", async () => {
    const { d } = await datasetWithFile("ON_REQUEST", "KZ");
    const head = await delegationActor("KZ", "HEAD", "PARTNER");
    const requester = await delegationActor("UZ", "DELEGATE", "PARTNER");
    const first = await requestAccess({ actor: requester, datasetId: d.id, purpose: "First request for access." });
    await decideAccess({ actor: head, requestId: first.id, approve: false, note: "Purpose unclear." });
    expect(await prisma.notification.count({ where: { userId: requester.id, kind: "dataset.accessDenied" } })).toBe(1);
    const view = await getDataset({ slug: d.slug, lang: "en", viewer: requester });
    expect(view.myRequest).toMatchObject({ status: "DENIED", decisionNote: "Purpose unclear." });
    expect(view.may).toMatchObject({ download: false, request: true });

    const outcomes = await Promise.allSettled([
      requestAccess({ actor: requester, datasetId: d.id, purpose: "Second request, clearer purpose." }),
      requestAccess({ actor: requester, datasetId: d.id, purpose: "Second request, clearer purpose." }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(await prisma.datasetAccessRequest.count({ where: { datasetId: d.id, status: "PENDING" } })).toBe(1);
  });

  it("refuses requests for datasets that are not on request", async () => {
    const { d } = await datasetWithFile("MEMBERS", "TH");
    const requester = await delegationActor("VN", "DELEGATE", "PARTNER");
    expect((await errorOf(requestAccess({ actor: requester, datasetId: d.id, purpose: "Please let me have it." }))).messageKey).toBe("research:errors.notOnRequest");
  });
});
