// Operations against live servers, as an operator runs them: a server on the
// embedded database with the demo content, uploads and ballots arriving while
// `npm run backup` runs beside it; `npm run restore` into a new data directory;
// a server started on the restored data; and `audit:verify`, `vote:recount`,
// `db:migrate`, `db:seed` run beside that server. The restored portal must hold
// exactly the snapshot: the same rows, files with the same checksums, tallies
// that recount, and an audit chain that verifies.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArchive } from "~/modules/backup/archive.server";
import type { Manifest } from "~/modules/backup/manifest";
import { referencedFilesSql } from "~/modules/storage/references.server";
import { findRunningEmbeddedPostgres, freePort } from "~/utils/embedded-postgres.server";
import { buildIfNeeded } from "../server/build";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SERVER_START_TIMEOUT_MS = 120_000;
/** Two servers (one seeding the demo content), a backup, three restores and six commands, on two shared cores. */
const TEST_TIMEOUT_MS = 480_000;

type Run = { code: number; stdout: string; stderr: string };

/** Runs one of the project's scripts as `npm run` would, with DATA_DIR pointing at `dataDir`. */
function runScript(script: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...cleanEnv(), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The environment without the test database the test runner set: scripts must find their own. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  delete env.STORAGE;
  return { ...env, NODE_ENV: "production" };
}

type Server = { url: string; process: ChildProcess; stop: () => Promise<void> };

async function startServer(dataDir: string, seed: boolean): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...cleanEnv(), DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: String(seed), LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on ${dataDir} exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the server on ${dataDir} did not become healthy in time`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
  return { url, process: child, stop };
}

async function readManifest(archive: string): Promise<Manifest> {
  for await (const entry of readArchive(archive)) {
    if (entry.name !== "manifest.json") continue;
    const parts: Buffer[] = [];
    for await (const chunk of entry.stream) parts.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(parts).toString("utf8")) as Manifest;
  }
  throw new Error("no manifest");
}

/** A connection to the embedded database a running server started on `dataDir`, as its owner. */
async function joinDatabase(dataDir: string): Promise<pg.Client> {
  const cluster = await findRunningEmbeddedPostgres(path.join(dataDir, "postgres"));
  if (!cluster) throw new Error(`no running database in ${dataDir}`);
  const client = new pg.Client({ connectionString: cluster.url("concord") });
  await client.connect();
  return client;
}

const count = async (db: pg.Client, table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;

let work: string;
const servers: Server[] = [];
beforeAll(async () => {
  buildIfNeeded();
  work = await fs.mkdtemp(path.join(os.tmpdir(), "concord-ops-"));
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await fs.rm(work, { recursive: true, force: true });
});

describe("backup and restore beside live servers", () => {
  it(
    "backs up under concurrent writes and restores exactly the snapshot, which a new server serves",
    async () => {
      const source = path.join(work, "source");
      const restored = path.join(work, "restored");
      const archive = path.join(work, "backup.tar.gz");
      const serverA = await startServer(source, true);
      servers.push(serverA);

      // This process joins the running server's database and storage, as a second app server would.
      const clusterA = await findRunningEmbeddedPostgres(path.join(source, "postgres"));
      process.env.DATABASE_URL = clusterA!.appUrl("concord");
      const { prisma } = await import("~/utils/db.server");
      const { createLocalStorage } = await import("~/modules/storage/local.server");
      const { setStorageBackend, storeUpload } = await import("~/modules/storage/storage.server");
      const { createDataset } = await import("~/modules/dataset/dataset.server");
      const { addDatasetFile } = await import("~/modules/dataset/files.server");
      const { DATASET_FILE_TYPES } = await import("~/modules/dataset/constants");
      const { castBallot } = await import("~/modules/vote/vote.server");
      const { actorFor, datasetFields, uploadBytes } = await import("./factories");
      setStorageBackend(createLocalStorage(path.join(source, "files")));

      // Uploads: a dataset with files of several sizes.
      const steward = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email: "delegate.br@demo.concord.example" } }));
      const dataset = await createDataset({ actor: steward, input: datasetFields({ name: "Backup rehearsal corpus" }) });
      const upload = async (i: number) => {
        const body = `id,text\n${Array.from({ length: 50 * (i + 1) }, (_, n) => `${n},linha ${n} — dados ${i}`).join("\n")}\n`;
        const stored = await storeUpload({ data: uploadBytes(body), filename: `part-${i}.csv`, maxBytes: 1_000_000, allowedTypes: DATASET_FILE_TYPES });
        await addDatasetFile({ actor: steward, datasetId: dataset.id, upload: { ...stored, filename: `part-${i}.csv` } });
      };
      for (let i = 0; i < 5; i++) await upload(i);

      // Ballots keep arriving on the open two-thirds vote while the backup runs.
      const openVote = await prisma.vote.findFirstOrThrow({ where: { status: "OPEN", rule: "TWO_THIRDS" } });
      const heads = await Promise.all(
        ["BR", "IN", "CN", "ZA", "EG"].map(async (code) => actorFor(await prisma.user.findUniqueOrThrow({ where: { email: `head.${code.toLowerCase()}@demo.concord.example` } }))),
      );
      let writing = true;
      let casts = 0;
      let uploads = 5;
      const writer = (async () => {
        const choices = ["YES", "NO", "ABSTAIN"] as const;
        while (writing) {
          const head = heads[casts % heads.length]!;
          await castBallot({ actor: head, voteId: openVote.id, choice: choices[casts % 3]! });
          casts++;
          if (casts % 10 === 0) await upload(uploads++);
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      const historyBefore = await prisma.ballotHistory.count();
      const backup = await runScript("backup", ["--out", archive], source);
      const historyAfter = await prisma.ballotHistory.count();
      writing = false;
      await writer;
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/Backup written/);

      // Writes went on during the backup, and the snapshot holds a consistent state between the two counts.
      const manifest = await readManifest(archive);
      const rowsOf = (table: string) => manifest.tables.find((t) => t.name === table)!.rows;
      expect(historyAfter).toBeGreaterThan(historyBefore);
      expect(rowsOf("BallotHistory")).toBeGreaterThanOrEqual(historyBefore);
      expect(rowsOf("BallotHistory")).toBeLessThanOrEqual(historyAfter);
      expect(manifest.fileProblems).toEqual([]);
      expect(manifest.excludedTables).toContain("Session");
      const { closeDatabase } = await import("~/utils/db.server");
      await closeDatabase();

      // A restore refuses the data directory of a running server, and an archive that does not match.
      const busy = await runScript("restore", ["--from", archive], source);
      expect(busy.code).not.toBe(0);
      expect(busy.stderr).toMatch(/another Concord already running/);
      expect(busy.stderr).not.toMatch(/\n\s+at /);
      const damaged = path.join(work, "damaged.tar.gz");
      const bytes = await fs.readFile(archive);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      await fs.writeFile(damaged, bytes);
      const refused = await runScript("restore", ["--from", damaged], path.join(work, "never"));
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/damaged|not a readable backup archive/);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      // Nothing was created for it.
      expect(await fs.readdir(path.join(work, "never")).catch(() => [])).toEqual([]);

      // Restore into a new data directory, and serve it.
      const restore = await runScript("restore", ["--from", archive], restored);
      expect(restore.stderr).toBe("");
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/Audit chain intact/);
      const serverB = await startServer(restored, true);
      servers.push(serverB);

      const db = await joinDatabase(restored);
      try {
        // The same rows…
        for (const table of manifest.tables) expect({ table: table.name, rows: await count(db, table.name) }).toEqual({ table: table.name, rows: table.rows });
        // … no session (everyone signs in again) …
        expect(await count(db, "Session")).toBe(0);
        // … the audit chain where the snapshot left it …
        const last = await db.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
        expect(last.rows[0]!.hash).toBe(manifest.audit.lastHash);
        // … and the same files, byte for byte: every file a row refers to.
        const referenced = await db.query<{ n: number }>(`SELECT count(DISTINCT key)::int AS n FROM (${referencedFilesSql()}) f`);
        expect(manifest.files!.length).toBe(referenced.rows[0]!.n);
        expect(manifest.files!.length).toBeGreaterThanOrEqual(5);
        for (const file of manifest.files!) {
          const content = await fs.readFile(path.join(restored, "files", file.key));
          expect(createHash("sha256").update(content).digest("hex")).toBe(file.sha256);
          expect(content.equals(await fs.readFile(path.join(source, "files", file.key)))).toBe(true);
        }
        const dbFiles = await db.query<{ sha256: string; storageKey: string }>(`SELECT sha256, "storageKey" FROM "DatasetFile"`);
        for (const row of dbFiles.rows) {
          expect(
            createHash("sha256")
              .update(await fs.readFile(path.join(restored, "files", row.storageKey)))
              .digest("hex"),
          ).toBe(row.sha256);
        }
      } finally {
        await db.end();
      }

      // The restored portal answers.
      const page = await fetch(`${serverB.url}/en/positions`);
      expect(page.status).toBe(200);

      // Commands beside the live restored server.
      const verify = await runScript("audit-verify", [], restored);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain(`Audit chain intact: ${manifest.audit.events} events verified.`);
      const recount = await runScript("vote-recount", ["--all"], restored);
      expect(recount.code).toBe(0);
      expect(recount.stdout).toMatch(/vote\(s\) recounted, 0 mismatch\(es\)/);
      expect(recount.stdout).not.toMatch(/^0 vote/m);
      const migrate = await runScript("migrate", [], restored);
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toContain("Database is up to date.");
      const seed = await runScript("seed", [], restored);
      expect(seed.code).toBe(0);
      expect(seed.stdout).toContain("nothing seeded");
      const again = await runScript("backup", ["--out", path.join(work, "second.tar.gz")], restored);
      expect(again.code).toBe(0);

      // A server runs with an older schema than this code (its newest migration is recorded as rolled back):
      // db:migrate refuses and changes nothing.
      const owner = await joinDatabase(restored);
      try {
        const newest = manifest.migrations.at(-1)!.name;
        await owner.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1`, [newest]);
        const refusedMigrate = await runScript("migrate", [], restored);
        expect(refusedMigrate.code).not.toBe(0);
        expect(refusedMigrate.stderr).toMatch(/A Concord server is running on this database with an older schema/);
        expect(refusedMigrate.stderr).not.toMatch(/\n\s+at /);
        const rows = await owner.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = $1`, [newest]);
        expect(rows.rowCount).toBe(1);
        await owner.query(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1`, [newest]);
      } finally {
        await owner.end();
      }

      // Once the servers stop, a restore into a data directory that holds data is refused.
      await serverB.stop();
      const notEmpty = await runScript("restore", ["--from", archive], restored);
      expect(notEmpty.code).not.toBe(0);
      expect(notEmpty.stderr).toMatch(/target database is not empty/);
    },
    TEST_TIMEOUT_MS,
  );
});
