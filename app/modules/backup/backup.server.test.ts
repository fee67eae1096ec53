// Backups and restores at the level of the service: a snapshot of every table
// and the files its rows refer to, restored into an empty database and storage
// exactly; refusals that change nothing. (test/backup-restore.test.ts runs the
// commands beside live servers, under concurrent writes.)
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, ownerUrlOf } from "../../../test/db";
import { datasetFields, delegationActor, strategyFields, uploadBytes } from "../../../test/factories";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { createDataset } from "~/modules/dataset/dataset.server";
import { DATASET_FILE_TYPES } from "~/modules/dataset/constants";
import { addDatasetFile } from "~/modules/dataset/files.server";
import type { StorageBackend } from "~/modules/storage/backend.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { createS3Storage } from "~/modules/storage/s3.server";
import { setStorageBackend, storeUpload } from "~/modules/storage/storage.server";
import { createStrategy } from "~/modules/strategy/strategy.server";
import { prisma } from "~/utils/db.server";
import { createBackup, pruneBackups, preMigrationBackupName, PRE_MIGRATION_PREFIX } from "./backup.server";
import { readArchive } from "./archive.server";
import { restoreBackup, RestoreRefused, verifyArchive } from "./restore.server";

let work: string;
let source: StorageBackend;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), "concord-backup-test-"));
  source = createLocalStorage(path.join(work, "files"));
  setStorageBackend(source);
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function readStored(storage: StorageBackend, key: string): Promise<Buffer> {
  const { stream } = await storage.open(key);
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** Every row of every table, as text, for comparing two databases. */
async function tableContents(url: string, tables: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await query<{ r: string }>(url, `SELECT t::text AS r FROM "${table}" t`);
    out[table] = rows.map((row) => row.r).sort();
  }
  return out;
}

async function fill() {
  const delegate = await delegationActor("BR");
  await createStrategy({ actor: delegate, originalLanguage: "pt", ...strategyFields({ title: "Estratégia Brasileira de IA" }) });
  const dataset = await createDataset({ actor: delegate, input: datasetFields({ name: "Corpus jurídico" }) });
  const keys: string[] = [];
  for (const [name, content] of [
    ["leis.csv", "id,texto\n1,Lei Geral de Proteção de Dados — art. 7º\n"],
    ["multi\nline.jsonl", '{"a": "tab\\there", "b": "línea\\nnueva"}\n'],
  ] as const) {
    const stored = await storeUpload({ data: uploadBytes(content), filename: name, maxBytes: 5000, allowedTypes: DATASET_FILE_TYPES });
    await addDatasetFile({ actor: delegate, datasetId: dataset.id, upload: { ...stored, filename: name } });
    keys.push(stored.key);
  }
  return { keys };
}

describe("backup and restore", () => {
  it("restores every row and file exactly, into an empty database and storage", async () => {
    const { keys } = await fill();
    const out = path.join(work, "full.tar.gz");
    const manifest = await createBackup({ ownerUrl: ownerUrlOf(process.env.DATABASE_URL!), out, storage: source });

    expect(manifest.files!.map((f) => f.key).sort()).toEqual([...keys].sort());
    expect(manifest.fileProblems).toEqual([]);
    expect(manifest.tables.find((t) => t.name === "DatasetFile")!.rows).toBe(2);
    expect(manifest.tables.map((t) => t.name)).not.toContain("Session");
    // Parents come before children.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf("Delegation")).toBeLessThan(order.indexOf("User"));
    expect(order.indexOf("Dataset")).toBeLessThan(order.indexOf("DatasetFile"));
    const entries: string[] = [];
    for await (const entry of readArchive(out)) entries.push(entry.name);
    expect(entries.at(-1)).toBe("manifest.json");

    const target = await createEmptyDatabase();
    const targetStorage = createLocalStorage(path.join(work, "restored-files"));
    const report = await restoreBackup({ from: out, ownerUrl: target, storage: targetStorage });
    expect(report.files).toBe(2);

    const tables = manifest.tables.map((t) => t.name);
    expect(await tableContents(target, tables)).toEqual(await tableContents(ownerUrlOf(process.env.DATABASE_URL!), tables));
    for (const file of manifest.files!) {
      expect(sha256(await readStored(targetStorage, file.key))).toBe(file.sha256);
      expect(sha256(await readStored(targetStorage, file.key))).toBe(sha256(await readStored(source, file.key)));
    }
    // Sequences continue after the restored rows: a new audit event chains on.
    const [{ seq }] = await query<{ seq: string }>(target, `SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq'))::text AS seq`);
    expect(BigInt(seq)).toBeGreaterThan(BigInt(manifest.audit.events));
  });

  it("refuses a target that is not empty, and an archive whose checksums do not match, changing nothing", async () => {
    const out = path.join(work, "refusals.tar.gz");
    await createBackup({ ownerUrl: ownerUrlOf(process.env.DATABASE_URL!), out, storage: source });

    // The source itself is not empty.
    await expect(restoreBackup({ from: out, ownerUrl: ownerUrlOf(process.env.DATABASE_URL!), storage: createLocalStorage(path.join(work, "empty-1")) })).rejects.toThrow(
      /target database is not empty/,
    );
    // A storage that holds files.
    const empty = await createEmptyDatabase();
    await expect(restoreBackup({ from: out, ownerUrl: empty, storage: source })).rejects.toThrow(/target storage already holds files/);

    // One byte changed inside a table's data: the archive's gzip still reads (recompressed), its checksum does not match.
    const damaged = path.join(work, "damaged.tar.gz");
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const tar = gunzipSync(await fs.readFile(out));
    const at = tar.indexOf(Buffer.from("Corpus jur"));
    expect(at).toBeGreaterThan(0);
    tar[at] = "K".charCodeAt(0);
    await fs.writeFile(damaged, gzipSync(tar));
    const error = await restoreBackup({ from: damaged, ownerUrl: empty, storage: createLocalStorage(path.join(work, "empty-2")) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefused);
    expect((error as Error).message).toMatch(/damaged: the checksum of database\/\S+ does not match the manifest/);
    // A truncated archive.
    const truncated = path.join(work, "truncated.tar.gz");
    const whole = await fs.readFile(out);
    await fs.writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(verifyArchive(truncated)).rejects.toBeInstanceOf(RestoreRefused);
    // Nothing was written to the target.
    expect(await query(empty, `SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([]);
  });

  it("restores a database-only archive beside the storage that still holds the files, and says which are missing", async () => {
    const out = path.join(work, "db-only.tar.gz");
    const manifest = await createBackup({ ownerUrl: ownerUrlOf(process.env.DATABASE_URL!), out, storage: null });
    expect(manifest.files).toBeNull();
    const target = await createEmptyDatabase();
    const report = await restoreBackup({ from: out, ownerUrl: target, storage: source });
    expect(report.missingFiles).toEqual([]);
    const target2 = await createEmptyDatabase();
    const report2 = await restoreBackup({ from: out, ownerUrl: target2, storage: createLocalStorage(path.join(work, "no-files")) });
    expect(report2.missingFiles.length).toBe((await prisma.datasetFile.count()) + (await prisma.strategyAttachment.count()));
  });

  it("keeps the newest pre-migration backups only", async () => {
    const dir = path.join(work, "retention");
    await fs.mkdir(dir);
    for (let i = 0; i < 7; i++) {
      await fs.writeFile(path.join(dir, preMigrationBackupName(`2026_m${i}`, new Date(Date.UTC(2026, 0, 1 + i)))), "x");
    }
    await fs.writeFile(path.join(dir, "my-own.tar.gz"), "x");
    const removed = await pruneBackups(dir, PRE_MIGRATION_PREFIX, 3);
    expect(removed).toHaveLength(4);
    const left = (await fs.readdir(dir)).sort();
    expect(left).toEqual(["my-own.tar.gz", ...[4, 5, 6].map((i) => preMigrationBackupName(`2026_m${i}`, new Date(Date.UTC(2026, 0, 1 + i))))].sort());
  });
});

describe("backup and restore with S3-compatible storage", () => {
  type S3rver = { run(): Promise<{ port: number }>; close(): Promise<void> };
  let server: S3rver | null = null;
  let port = 0;
  let directory = "";
  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "concord-backup-s3-"));
    const S3rverClass = createRequire(import.meta.url)("s3rver") as new (o: Record<string, unknown>) => S3rver;
    server = new S3rverClass({ address: "127.0.0.1", port: 0, silent: true, directory });
    ({ port } = await server.run());
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(directory, { recursive: true, force: true });
  });
  const bucket = async (name: string) => {
    const s3 = createS3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: name, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
    await s3.ensureBucket();
    return s3;
  };

  it("copies the files out of one bucket and into another", async () => {
    const from = await bucket("concord-from");
    setStorageBackend(from);
    const stored = await storeUpload({ data: uploadBytes("id,v\n1,2\n"), filename: "s3.csv", maxBytes: 5000, allowedTypes: DATASET_FILE_TYPES });
    const delegate = await delegationActor("IN");
    const dataset = await createDataset({ actor: delegate, input: datasetFields({ name: "S3 corpus" }) });
    await addDatasetFile({ actor: delegate, datasetId: dataset.id, upload: { ...stored, filename: "s3.csv" } });
    setStorageBackend(source);

    const out = path.join(work, "s3.tar.gz");
    // Files of the rows written earlier in this file live on local disk: they are reported, not silently lost.
    const manifest = await createBackup({ ownerUrl: ownerUrlOf(process.env.DATABASE_URL!), out, storage: from });
    expect(manifest.files!.map((f) => f.key)).toContain(stored.key);
    expect(manifest.files!.map((f) => f.key)).toEqual([stored.key]);
    const referenced = (await prisma.datasetFile.count()) + (await prisma.strategyAttachment.count());
    expect(manifest.fileProblems).toHaveLength(referenced - 1);
    expect(manifest.fileProblems.every((p) => p.problem === "missing" && p.key !== stored.key)).toBe(true);

    const to = await bucket("concord-to");
    const target = await createEmptyDatabase();
    await restoreBackup({ from: out, ownerUrl: target, storage: to });
    expect(sha256(await readStored(to, stored.key))).toBe(stored.sha256);
    from.client.destroy();
    to.client.destroy();
  });
});

describe("the audit chain after a restore", () => {
  it("verifies, from the restored rows", async () => {
    const out = path.join(work, "chain.tar.gz");
    await createBackup({ ownerUrl: ownerUrlOf(process.env.DATABASE_URL!), out, storage: source });
    const target = await createEmptyDatabase();
    await restoreBackup({ from: out, ownerUrl: target, storage: createLocalStorage(path.join(work, "chain-files")) });
    const before = await verifyAuditChain();
    const saved = process.env.DATABASE_URL;
    const { closeDatabase } = await import("~/utils/db.server");
    await closeDatabase();
    process.env.DATABASE_URL = target;
    try {
      const after = await verifyAuditChain();
      expect(after).toEqual(before);
      expect(after.ok).toBe(true);
    } finally {
      await closeDatabase();
      process.env.DATABASE_URL = saved;
    }
  });
});
