// Backups of everything Concord holds, while it serves requests: the database
// in one consistent snapshot (a single REPEATABLE READ, READ ONLY transaction,
// PostgreSQL's COPY per table — no pg_dump of the server's version is needed,
// and writers are never blocked), the stored files the snapshot's rows refer to
// (local disk or S3), the migration state, and a manifest with counts and
// SHA-256 checksums. See docs/decisions/013-personal-data.md for what is left
// out (sessions) and README "Operations" for how to use it.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { StorageBackend } from "~/modules/storage/backend.server";
import { referencedFilesSql } from "~/modules/storage/references.server";
import { writeArchive } from "./archive.server";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_ENTRY, type FileEntry, type Manifest, type TableEntry } from "./manifest";

/**
 * Not backed up: sign-in sessions (a restore signs everyone out), login rate
 * counters, uploads not yet acknowledged, and Prisma's migration table (the
 * manifest records the migrations; a restore re-applies them).
 */
export const EXCLUDED_TABLES = ["Session", "rate_limit", "PendingUpload", "_prisma_migrations"] as const;

export const PRE_MIGRATION_PREFIX = "pre-migration-";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export type BackupOptions = {
  /** The owner's connection (reads every table). */
  ownerUrl: string;
  /** The archive to write (written beside it first, then renamed into place). */
  out: string;
  /** Where the files are; null for an archive of the database alone. */
  storage: StorageBackend | null;
  log?: (message: string) => void;
};

type TableDump = Omit<TableEntry, "sha256" | "bytes"> & { tmpFile: string; bytes: number; sha256: string };

export async function createBackup({ ownerUrl, out, storage, log = () => {} }: BackupOptions): Promise<Manifest> {
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const workDir = await fs.mkdtemp(path.join(path.dirname(target), ".concord-backup-"));
  const partial = `${target}.partial`;
  try {
    const snapshot = await dumpDatabase(ownerUrl, workDir, storage !== null, log);
    const archive = writeArchive(partial);
    try {
      for (const table of snapshot.tables) {
        const sha256 = await archive.add(table.entry, table.bytes, createReadStream(table.tmpFile));
        if (sha256 !== table.sha256) throw new Error(`the dump of ${table.name} changed while it was archived`);
      }
      const files: FileEntry[] = [];
      const fileProblems: Manifest["fileProblems"] = [];
      if (storage && snapshot.files) {
        for (const { key, sha256: recorded } of snapshot.files) {
          const opened = await storage.open(key).catch(() => null);
          if (!opened) {
            fileProblems.push({ key, problem: "missing" });
            log(`file ${key} is referred to but missing from storage`);
            continue;
          }
          const entry = `files/${key}`;
          const sha256 = await archive.add(entry, opened.size, opened.stream);
          files.push({ key, entry, size: opened.size, sha256 });
          if (sha256 !== recorded) {
            fileProblems.push({ key, problem: "checksum" });
            log(`file ${key} does not match the SHA-256 recorded at upload`);
          }
        }
        log(`${files.length} file(s) archived`);
      }
      const manifest: Manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        snapshotAt: snapshot.snapshotAt,
        postgresVersion: snapshot.postgresVersion,
        migrations: snapshot.migrations,
        tables: snapshot.tables.map(({ name, entry, columns, rows, bytes, sha256 }) => ({ name, entry, columns, rows, bytes, sha256 })),
        excludedTables: [...EXCLUDED_TABLES],
        files: storage ? files : null,
        fileProblems,
        audit: snapshot.audit,
      };
      const body = Buffer.from(JSON.stringify(manifest, null, 2));
      await archive.add(MANIFEST_ENTRY, body.length, [body]);
      await archive.finish();
      await fs.rename(partial, target);
      return manifest;
    } catch (error) {
      await archive.abort(error as Error);
      throw error;
    }
  } finally {
    await fs.rm(partial, { force: true });
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

type Snapshot = {
  snapshotAt: string;
  postgresVersion: string;
  migrations: Manifest["migrations"];
  tables: TableDump[];
  files: { key: string; sha256: string }[] | null;
  audit: Manifest["audit"];
};

/** Every table (but the excluded ones) to a COPY file in workDir, all from one snapshot. */
async function dumpDatabase(ownerUrl: string, workDir: string, withFiles: boolean, log: (message: string) => void): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "concord-backup" });
  await client.connect();
  try {
    // One snapshot for everything; READ ONLY takes no lock that blocks writers.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: meta } = await client.query<{ at: Date; version: string }>("SELECT now() AS at, current_setting('server_version') AS version");
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tables: TableDump[] = [];
    for (const name of await tablesInDependencyOrder(client)) {
      const columns = await tableColumns(client, name);
      const tmpFile = path.join(workDir, `${tables.length}.copy`);
      const dump = await copyTable(client, name, columns, tmpFile);
      tables.push({ name, entry: `database/${name}.copy`, columns, tmpFile, ...dump });
    }
    log(`${tables.length} tables dumped (${tables.reduce((n, t) => n + t.rows, 0)} rows)`);
    const { rows: audit } = await client.query<{ events: number; last: string | null }>(
      `SELECT count(*)::int AS events, (SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1) AS last FROM "AuditEvent"`,
    );
    const files = withFiles ? (await client.query<{ key: string; sha256: string }>(`SELECT DISTINCT key, sha256 FROM (${referencedFilesSql()}) f ORDER BY key`)).rows : null;
    await client.query("COMMIT");
    return {
      snapshotAt: meta[0]!.at.toISOString(),
      postgresVersion: meta[0]!.version,
      migrations,
      tables,
      files,
      audit: { events: audit[0]!.events, lastHash: audit[0]!.last ?? "0".repeat(64) },
    };
  } finally {
    await client.end();
  }
}

/** Concord's tables, parents before children (foreign keys), so a restore can load them in this order. */
export async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
      ORDER BY relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace AND c.oid <> p.oid`,
  );
  const excluded = new Set<string>(EXCLUDED_TABLES);
  const names = tables.map((t) => t.name).filter((name) => !excluded.has(name));
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((name) => !done.has(name) && [...parents.get(name)!].every((p) => done.has(p)));
    if (ready.length === 0) {
      const left = names.filter((name) => !done.has(name));
      throw new Error(`foreign keys form a cycle between ${left.join(", ")}: this backup cannot order them`);
    }
    for (const name of ready) {
      ordered.push(name);
      done.add(name);
    }
  }
  return ordered;
}

export async function tableColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [quote(table)],
  );
  return rows.map((row) => row.name);
}

async function copyTable(client: pg.Client, table: string, columns: string[], file: string) {
  const sql = `COPY (SELECT ${columns.map(quote).join(", ")} FROM ${quote(table)}) TO STDOUT`;
  const hash = createHash("sha256");
  let bytes = 0;
  let rows = 0;
  const source = client.query(copyTo(sql));
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        // COPY text format: one line per row (newlines inside values are escaped as \n).
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        yield chunk;
      }
    },
    createWriteStream(file, { mode: 0o600 }),
  );
  return { rows, bytes, sha256: hash.digest("hex") };
}

/** `pre-migration-<UTC time>-<last applied migration>.tar.gz`: sorts by time. */
export function preMigrationBackupName(lastApplied: string, at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${PRE_MIGRATION_PREFIX}${stamp}-${lastApplied}.tar.gz`;
}

/** Keeps the newest `keep` archives named with `prefix` in `dir`; returns the names removed. */
export async function pruneBackups(dir: string, prefix: string, keep: number): Promise<string[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.startsWith(prefix) && name.endsWith(".tar.gz")).sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await fs.rm(path.join(dir, name), { force: true });
  return removed;
}
