// Restoring a backup archive into an empty database (and an empty storage):
// the archive is checked whole against its manifest before anything is
// written; then the schema it was taken with is rebuilt by the migrations, the
// rows are loaded in one transaction (the audit chain exactly as it was: the
// trigger that computes new events' hashes is held off while loading), the
// files are put back, and the counts are compared with the manifest. A
// failure leaves the database as empty as it was and removes the files it put.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { StorageBackend } from "~/modules/storage/backend.server";
import { referencedFilesSql } from "~/modules/storage/references.server";
import { applyMigrations, listMigrationFiles } from "~/utils/migrate.server";
import { digest, readArchive } from "./archive.server";
import { EXCLUDED_TABLES, tableColumns } from "./backup.server";
import { MANIFEST_ENTRY, manifestSchema, type Manifest } from "./manifest";

/** A restore refused for a reason the operator can act on (printed without a stack trace). */
export class RestoreRefused extends Error {}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads the whole archive and checks every entry against the manifest; returns the manifest. */
export async function verifyArchive(file: string): Promise<Manifest> {
  const seen = new Map<string, { sha256: string; bytes: number }>();
  let manifestText: string | null = null;
  try {
    for await (const entry of readArchive(file)) {
      if (entry.name === MANIFEST_ENTRY) {
        if (entry.size > MAX_MANIFEST_BYTES) throw new RestoreRefused(`${file}: its manifest is implausibly large.`);
        const parts: Buffer[] = [];
        for await (const chunk of entry.stream) parts.push(chunk as Buffer);
        manifestText = Buffer.concat(parts).toString("utf8");
      } else {
        seen.set(entry.name, await digest(entry.stream));
      }
    }
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${file} is not a readable backup archive (${(error as Error).message}).`);
  }
  if (manifestText === null) throw new RestoreRefused(`${file} is not a Concord backup: it has no ${MANIFEST_ENTRY}.`);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestText));
  } catch {
    throw new RestoreRefused(`${file}: its ${MANIFEST_ENTRY} is not a Concord backup manifest this version can read.`);
  }
  const expected = [
    ...manifest.tables.map((t) => ({ entry: t.entry, sha256: t.sha256, bytes: t.bytes })),
    ...(manifest.files ?? []).map((f) => ({ entry: f.entry, sha256: f.sha256, bytes: f.size })),
  ];
  for (const { entry, sha256, bytes } of expected) {
    const found = seen.get(entry);
    if (!found) throw new RestoreRefused(`${file} is incomplete: ${entry} is listed in the manifest but missing.`);
    if (found.sha256 !== sha256 || found.bytes !== bytes) {
      throw new RestoreRefused(`${file} is damaged: the checksum of ${entry} does not match the manifest. Nothing was restored.`);
    }
    seen.delete(entry);
  }
  if (seen.size > 0) throw new RestoreRefused(`${file} holds entries its manifest does not list (${[...seen.keys()].slice(0, 3).join(", ")}).`);
  return manifest;
}

export type RestoreOptions = {
  from: string;
  /** The owner's connection to the (empty) target database. */
  ownerUrl: string;
  /** Where the files go; must be empty when the archive holds files. */
  storage: StorageBackend;
  /** The manifest, when the caller already checked the archive with `verifyArchive`. */
  verified?: Manifest;
  log?: (message: string) => void;
};

export type RestoreReport = {
  manifest: Manifest;
  rows: number;
  files: number;
  /** For an archive of the database alone: files its rows refer to that the storage does not have. */
  missingFiles: string[];
};

export async function restoreBackup({ from, ownerUrl, storage, verified, log = () => {} }: RestoreOptions): Promise<RestoreReport> {
  const manifest = verified ?? (await verifyArchive(from));
  log(`archive verified: ${manifest.tables.length} tables, ${manifest.files?.length ?? 0} files, snapshot of ${manifest.snapshotAt}`);
  await checkMigrations(manifest);
  await refuseNonEmptyDatabase(ownerUrl);
  if (manifest.files !== null && (await storage.hasObjects())) {
    throw new RestoreRefused("The target storage already holds files: restore into an empty data directory or bucket.");
  }

  await applyMigrations({ connectionString: ownerUrl, upTo: manifest.migrations.at(-1)!.name, log });
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "concord-restore" });
  await client.connect();
  const putKeys: string[] = [];
  try {
    await client.query("BEGIN");
    await checkTables(client, manifest);
    const tables = new Map(manifest.tables.map((t) => [t.entry, t]));
    const files = new Map((manifest.files ?? []).map((f) => [f.entry, f]));
    for await (const entry of readArchive(from)) {
      const table = tables.get(entry.name);
      if (table) {
        await loadTable(client, table.name, table.columns, entry.stream);
        continue;
      }
      const file = files.get(entry.name);
      if (file) {
        await storage.put(file.key, Readable.from(entry.stream));
        putKeys.push(file.key);
      }
    }
    await resetSequences(client);
    const rows = await checkCounts(client, manifest);
    const missingFiles = manifest.files === null ? await missingReferencedFiles(client, storage) : [];
    await client.query("COMMIT");
    log(`${rows} rows and ${putKeys.length} files restored`);
    return { manifest, rows, files: putKeys.length, missingFiles };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    for (const key of putKeys) await storage.delete(key).catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The archive's migrations must be the first ones of this version's folder, unchanged. */
async function checkMigrations(manifest: Manifest) {
  const folder = await listMigrationFiles();
  manifest.migrations.forEach((migration, i) => {
    const here = folder[i];
    if (!here || here.name !== migration.name) {
      throw new RestoreRefused(
        `The archive's schema (migration ${migration.name}) is not one this version of Concord knows: restore it with the version that made it, then upgrade.`,
      );
    }
    if (here.checksum !== migration.checksum) {
      throw new RestoreRefused(`Migration ${migration.name} differs between the archive and this version of Concord.`);
    }
  });
}

async function refuseNonEmptyDatabase(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "concord-restore" });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    if (rows[0]!.n > 0) {
      throw new RestoreRefused("The target database is not empty: restore into an empty database (a new DATA_DIR, or a newly created database for DATABASE_URL).");
    }
  } finally {
    await client.end();
  }
}

/** The rebuilt schema has exactly the archive's tables (and the excluded ones), with its columns. */
async function checkTables(client: pg.Client, manifest: Manifest) {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition`,
  );
  const inArchive = new Set(manifest.tables.map((t) => t.name));
  const excluded = new Set<string>([...EXCLUDED_TABLES, ...manifest.excludedTables]);
  const unexpected = rows.map((r) => r.name).filter((name) => !inArchive.has(name) && !excluded.has(name));
  if (unexpected.length) throw new RestoreRefused(`The archive has no data for table(s) ${unexpected.join(", ")} of its own schema: it is not consistent.`);
  for (const table of manifest.tables) {
    const columns = new Set(await tableColumns(client, table.name).catch(() => []));
    const missing = table.columns.filter((column) => !columns.has(column));
    if (missing.length) throw new RestoreRefused(`Table ${table.name} has no column(s) ${missing.join(", ")} in the rebuilt schema.`);
  }
}

async function loadTable(client: pg.Client, table: string, columns: string[], data: AsyncIterable<Uint8Array>) {
  // The rows come as they were: no trigger recomputes them (the audit chain above all). Foreign keys still apply.
  await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
  await pipeline(Readable.from(data), client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(", ")}) FROM STDIN`)));
  await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
}

/** Serial columns continue after the highest restored value. */
async function resetSequences(client: pg.Client) {
  const { rows } = await client.query<{ table: string; column: string; seq: string }>(
    `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
  );
  for (const { table, column, seq } of rows) {
    await client.query(`SELECT setval($1, coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [seq]);
  }
}

async function checkCounts(client: pg.Client, manifest: Manifest): Promise<number> {
  let total = 0;
  for (const table of manifest.tables) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
    if (rows[0]!.n !== table.rows) {
      throw new Error(`Table ${table.name} holds ${rows[0]!.n} rows after loading, the manifest says ${table.rows}.`);
    }
    total += table.rows;
  }
  const { rows } = await client.query<{ events: number; last: string | null }>(
    `SELECT count(*)::int AS events, (SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1) AS last FROM "AuditEvent"`,
  );
  if (rows[0]!.events !== manifest.audit.events || (rows[0]!.last ?? "0".repeat(64)) !== manifest.audit.lastHash) {
    throw new Error("The restored audit log does not end where the manifest says it did.");
  }
  return total;
}

async function missingReferencedFiles(client: pg.Client, storage: StorageBackend): Promise<string[]> {
  const { rows } = await client.query<{ key: string }>(`SELECT DISTINCT key FROM (${referencedFilesSql()}) f ORDER BY key`);
  const missing: string[] = [];
  for (const { key } of rows) {
    const opened = await storage.open(key).catch(() => null);
    if (opened) opened.stream.destroy();
    else missing.push(key);
  }
  return missing;
}
