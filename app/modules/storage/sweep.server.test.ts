// A file stored for an upload whose row was never written — the process died
// between the two, before the upload was acknowledged — is found and removed
// by the sweep; files whose rows exist are never touched.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetFields, delegationActor, uploadBytes } from "../../../test/factories";
import { createDataset } from "~/modules/dataset/dataset.server";
import { DATASET_FILE_TYPES } from "~/modules/dataset/constants";
import { addDatasetFile } from "~/modules/dataset/files.server";
import { prisma } from "~/utils/db.server";
import { createLocalStorage } from "./local.server";
import { openStoredFile, setStorageBackend, storeUpload, sweepPartialUploads, UNACKNOWLEDGED_UPLOAD_MAX_AGE_MS } from "./storage.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-sweep-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const exists = (key: string) =>
  openStoredFile(key).then(
    ({ stream }) => (stream.destroy(), true),
    () => false,
  );

describe("the sweep of uploads", () => {
  it("removes a stored file whose row never came, and only once no request can still be writing it", async () => {
    const delegate = await delegationActor("BR");
    const dataset = await createDataset({ actor: delegate, input: datasetFields({ name: "Corpus" }) });

    // An upload acknowledged: its row was written.
    const kept = await storeUpload({ data: uploadBytes("id,text\n1,kept\n"), filename: "kept.csv", maxBytes: 5000, allowedTypes: DATASET_FILE_TYPES });
    await addDatasetFile({ actor: delegate, datasetId: dataset.id, upload: { ...kept, filename: "kept.csv" } });
    // An upload never acknowledged: the process "crashed" after storing the file, before its row.
    const orphan = await storeUpload({ data: uploadBytes("id,text\n1,orphan\n"), filename: "orphan.csv", maxBytes: 5000, allowedTypes: DATASET_FILE_TYPES });
    expect(await prisma.pendingUpload.count()).toBe(2);

    // A request may still be on its way to writing the row: nothing is removed yet.
    expect(await sweepPartialUploads()).toBe(0);
    expect(await exists(orphan.key)).toBe(true);

    const later = new Date(Date.now() + UNACKNOWLEDGED_UPLOAD_MAX_AGE_MS + 60_000);
    expect(await sweepPartialUploads(later)).toBe(1);
    expect(await exists(orphan.key)).toBe(false);
    expect(await exists(kept.key)).toBe(true);
    expect(await prisma.pendingUpload.count()).toBe(0);
    // Running it again (or on another server at the same time) changes nothing.
    expect(await sweepPartialUploads(later)).toBe(0);
    expect(await exists(kept.key)).toBe(true);
  });

  it("forgets the pending record of a refused upload, whose file was removed at once", async () => {
    await expect(storeUpload({ data: uploadBytes("x".repeat(100)), filename: "a.csv", maxBytes: 10, allowedTypes: DATASET_FILE_TYPES })).rejects.toMatchObject({ status: 413 });
    expect(await prisma.pendingUpload.count()).toBe(0);
  });
});
