// What `npm start` and the commands do to a database before serving: a backup
// before migrating an existing database (kept for the last few migrations),
// and no migration under a running server.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArchive } from "~/modules/backup/archive.server";
import { restoreBackup } from "~/modules/backup/restore.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { parseEnv } from "~/utils/env.server";
import { applyMigrations, listMigrationFiles } from "~/utils/migrate.server";
import { announceServer, CommandRefused, migrateDatabase, type Database } from "../server/database";
import { createEmptyDatabase, databaseUrl } from "./db";

let work: string;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), "concord-start-"));
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

/** A database at the schema of the migration before the newest, as an installation about to upgrade. */
async function olderDatabase(): Promise<{ database: Database; previous: string; newest: string }> {
  const ownerUrl = await createEmptyDatabase();
  const names = (await listMigrationFiles()).map((m) => m.name);
  const previous = names.at(-2)!;
  await applyMigrations({ connectionString: ownerUrl, upTo: previous });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query(`INSERT INTO "Delegation" (id, code, status, "updatedAt") VALUES (gen_random_uuid(), 'BR', 'MEMBER', now())`);
  await client.end();
  const appUrl = databaseUrl(process.env.DATABASE_URL!, new URL(ownerUrl).pathname.slice(1));
  return { database: { url: appUrl, ownerUrl, embedded: null, separateRoles: true }, previous, newest: names.at(-1)! };
}

async function manifestMigrations(file: string): Promise<string[]> {
  for await (const entry of readArchive(file)) {
    if (entry.name !== "manifest.json") continue;
    const parts: Buffer[] = [];
    for await (const chunk of entry.stream) parts.push(chunk as Buffer);
    return (JSON.parse(Buffer.concat(parts).toString("utf8")) as { migrations: { name: string }[] }).migrations.map((m) => m.name);
  }
  return [];
}

describe("starting on an existing database with pending migrations", () => {
  it("backs the database up first, keeps the last few backups, and the backup undoes the upgrade", async () => {
    const backupDir = path.join(work, "backups");
    const env = parseEnv({ DATA_DIR: work, BACKUP_DIR: backupDir, BACKUP_KEEP: "2" });
    for (let i = 0; i < 3; i++) {
      const { database, previous, newest } = await olderDatabase();
      expect(await migrateDatabase(env, database, { purpose: "server" })).toEqual([newest]);
      const files = (await fs.readdir(backupDir)).filter((f) => f.endsWith(".tar.gz")).sort();
      expect(files.length).toBe(Math.min(i + 1, 2));
      expect(files.at(-1)).toMatch(new RegExp(`^pre-migration-\\d{8}T\\d{6}Z-${previous}\\.tar\\.gz$`));
      await new Promise((r) => setTimeout(r, 1100)); // names carry the second
    }
    const newestBackup = path.join(backupDir, (await fs.readdir(backupDir)).sort().at(-1)!);
    const migrations = await manifestMigrations(newestBackup);
    expect(migrations.at(-1)).toBe((await listMigrationFiles()).at(-2)!.name);
    // Undoing the upgrade: the backup restores the schema and rows from before it.
    const target = await createEmptyDatabase();
    const report = await restoreBackup({ from: newestBackup, ownerUrl: target, storage: createLocalStorage(path.join(work, "files")) });
    expect(report.manifest.tables.find((t) => t.name === "Delegation")!.rows).toBe(1);
  });

  it("takes no backup of a new database, nor when told not to", async () => {
    const backupDir = path.join(work, "none");
    const fresh = await createEmptyDatabase();
    const database: Database = { url: databaseUrl(process.env.DATABASE_URL!, new URL(fresh).pathname.slice(1)), ownerUrl: fresh, embedded: null, separateRoles: true };
    await migrateDatabase(parseEnv({ DATA_DIR: work, BACKUP_DIR: backupDir }), database, { purpose: "server" });
    const { database: older } = await olderDatabase();
    await migrateDatabase(parseEnv({ DATA_DIR: work, BACKUP_DIR: backupDir, BACKUP_BEFORE_MIGRATE: "false" }), older, { purpose: "server" });
    expect(await fs.readdir(backupDir).catch(() => [])).toEqual([]);
  });
});

describe("migrating from a command while a server runs", () => {
  it("is refused when migrations are pending, and changes nothing", async () => {
    const { database, newest } = await olderDatabase();
    const server = await announceServer(database);
    try {
      const error = await migrateDatabase(parseEnv({ DATA_DIR: work, BACKUP_DIR: path.join(work, "refused") }), database, { purpose: "command" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommandRefused);
      expect((error as Error).message).toContain(`A Concord server is running on this database with an older schema; 1 migration(s) are pending (${newest})`);
    } finally {
      await server.close();
    }
    expect(await fs.readdir(path.join(work, "refused")).catch(() => [])).toEqual([]);
    // Once the server is gone, the command migrates.
    expect(await migrateDatabase(parseEnv({ DATA_DIR: work, BACKUP_BEFORE_MIGRATE: "false" }), database, { purpose: "command" })).toEqual([newest]);
  });
});
