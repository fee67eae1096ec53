import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../../test/db";
import { applyMigrations } from "./migrate.server";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

type RecordedMigration = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
};

function recordedMigrations(url: string) {
  return query<RecordedMigration>(url, "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name");
}

describe("applyMigrations", () => {
  let url: string;
  let names: string[];

  beforeEach(async () => {
    url = await createEmptyDatabase();
    names = await migrationNames(MIGRATIONS_DIR);
  });

  it("applies every migration and records it in _prisma_migrations as Prisma does", async () => {
    expect(names.length).toBeGreaterThan(0);

    const applied = await applyMigrations({ connectionString: url });

    expect(applied).toEqual(names);
    const rows = await recordedMigrations(url);
    for (const [index, name] of names.entries()) {
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"));
      expect(rows[index]).toMatchObject({
        migration_name: name,
        checksum: createHash("sha256").update(sql).digest("hex"),
        applied_steps_count: 1,
      });
      expect(rows[index].finished_at).toBeInstanceOf(Date);
    }
    const [{ table }] = await query<{ table: string | null }>(url, `SELECT to_regclass('"User"')::text AS table`);
    expect(table).toBe('"User"');
  });

  it("applies nothing when run a second time", async () => {
    await applyMigrations({ connectionString: url });

    expect(await applyMigrations({ connectionString: url })).toEqual([]);
    expect(await recordedMigrations(url)).toHaveLength(names.length);
  });

  it("applies each migration once when two servers start at the same time", async () => {
    const [first, second] = await Promise.all([applyMigrations({ connectionString: url }), applyMigrations({ connectionString: url })]);

    expect([...first, ...second].sort((a, b) => a.localeCompare(b))).toEqual(names);
    expect(await recordedMigrations(url)).toHaveLength(names.length);
  });

  it("refuses to run when the database records a failed migration", async () => {
    await applyMigrations({ connectionString: url });
    await query(url, "UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1", [names[0]]);

    await expect(applyMigrations({ connectionString: url })).rejects.toThrow(`Migration ${names[0]} failed`);
  });

  describe("with a copy of the migrations folder", () => {
    let dir: string;

    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-migrations-"));
      await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
    });

    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("refuses a migration changed after it was applied, and changes nothing", async () => {
      await applyMigrations({ connectionString: url, migrationsDir: dir });
      const before = await recordedMigrations(url);
      await fs.appendFile(path.join(dir, names[0], "migration.sql"), "\nCREATE TABLE sneaked_in (id int);\n");
      await fs.mkdir(path.join(dir, "99999999999999_later"));
      await fs.writeFile(path.join(dir, "99999999999999_later", "migration.sql"), "CREATE TABLE later (id int);");

      await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(`Migration ${names[0]} was changed after it was applied`);
      expect(await recordedMigrations(url)).toEqual(before);
      const [{ table }] = await query<{ table: string | null }>(url, "SELECT to_regclass('later')::text AS table");
      expect(table).toBeNull();
    });

    it("refuses to run when an applied migration is missing from the folder", async () => {
      await applyMigrations({ connectionString: url, migrationsDir: dir });
      const last = names[names.length - 1];
      await fs.rm(path.join(dir, last), { recursive: true });

      await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(`Migration ${last} is applied to the database but missing`);
    });

    it("rolls back a failing migration entirely and does not record it", async () => {
      await fs.mkdir(path.join(dir, "99999999999999_broken"));
      await fs.writeFile(path.join(dir, "99999999999999_broken", "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT no_such_column FROM half_done;\n");

      await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
        /Migration 99999999999999_broken failed and was rolled back: .*no_such_column.*line 2/,
      );
      const rows = await recordedMigrations(url);
      expect(rows.map((row) => row.migration_name)).toEqual(names);
      const [{ table }] = await query<{ table: string | null }>(url, "SELECT to_regclass('half_done')::text AS table");
      expect(table).toBeNull();
    });
  });
});
