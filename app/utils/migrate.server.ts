// Applies the SQL migrations in prisma/migrations with plain `pg`, because
// `prisma migrate deploy` needs a schema-engine binary that cannot be
// downloaded here. Folder layout, `_prisma_migrations` table, checksums and
// advisory lock are Prisma's own, so `prisma migrate deploy` (where its binary
// exists) sees the same history and can take over at any time.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { installJobQueue } from "~/modules/jobs/install.server";

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// The key Prisma's schema engine locks on, so that this runner and
// `prisma migrate deploy` also serialize with each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma's own DDL for PostgreSQL, as in its schema engine.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

type MigrationFile = { name: string; sql: string; checksum: string };

type MigrationRow = {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export type ApplyMigrationsOptions = {
  connectionString: string;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
  log?: (message: string) => void;
  /**
   * Called once, while holding the migration lock, when there is something to
   * apply: before the first pending migration runs. `applied` names what the
   * database already records (empty for a new database). Throwing stops the
   * run with nothing applied (a command refusing, a backup that failed).
   */
  /** Apply only up to this migration, included (a restore rebuilding the schema an archive was taken with). */
  upTo?: string;
  beforeApply?: (info: { pending: string[]; applied: string[] }) => Promise<void>;
};

/**
 * Applies every pending migration, each in its own transaction together with
 * its `_prisma_migrations` row, and returns the names applied by this call.
 * Refuses to run (throws, changes nothing) when the recorded history does not
 * match the folder: an edited or missing migration, or one that failed before.
 *
 * Migration files must not contain their own BEGIN/COMMIT, nor statements that
 * cannot run inside a transaction (CREATE INDEX CONCURRENTLY).
 */
export async function applyMigrations({ connectionString, migrationsDir = DEFAULT_MIGRATIONS_DIR, log = () => {}, beforeApply, upTo }: ApplyMigrationsOptions): Promise<string[]> {
  const all = await readMigrations(migrationsDir);
  const end = upTo === undefined ? all.length : all.findIndex((migration) => migration.name === upTo) + 1;
  if (end === 0) throw new Error(`Migration ${upTo} is not in ${migrationsDir}.`);
  const migrations = all.slice(0, end);
  const client = new pg.Client({ connectionString, application_name: "concord-migrate" });
  // Without a listener, a connection lost mid-run would crash the process instead of failing the query.
  client.on("error", (error) => log(`migration connection error: ${error.message}`));
  await client.connect();
  try {
    await acquireMigrationLock(client, log);
    // Checked first: a role that may not create tables can still run when there is nothing to apply.
    const { rows: existing } = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    if (!existing[0]!.exists) await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at
         FROM _prisma_migrations ORDER BY started_at`,
    );
    const pending = pendingMigrations(migrations, rows, migrationsDir);
    if (pending.length === 0) log("database schema is up to date, no migration to apply");
    else if (beforeApply) {
      const applied = rows.filter((row) => row.rolled_back_at === null).map((row) => row.migration_name);
      await beforeApply({ pending: pending.map((migration) => migration.name), applied });
    }
    for (const migration of pending) {
      log(`applying migration ${migration.name}`);
      await applyOne(client, migration);
    }
    // The job queue's schema and queues (pg-boss): DDL too, so done here by the same owner connection (ADR 011).
    await installJobQueue(client, log);
    return pending.map((migration) => migration.name);
  } finally {
    // Closing the session also releases the advisory lock.
    await client.end();
  }
}

async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`Cannot read the migrations folder ${migrationsDir}`, { cause: error });
  }
  const lockFile = path.join(migrationsDir, "migration_lock.toml");
  const lock = await fs.readFile(lockFile, "utf8").catch(() => null);
  if (lock !== null && !/^\s*provider\s*=\s*"postgresql"\s*$/m.test(lock)) {
    throw new Error(`${lockFile} is not for provider "postgresql"; these migrations are for another database.`);
  }
  // Like Prisma: every sub-folder is a migration (other files are ignored), in localeCompare order.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const sql = await fs.readFile(file, "utf8").catch((error: unknown) => {
        throw new Error(`Migration ${name} has no readable migration.sql (${file})`, { cause: error });
      });
      // Prisma hashes the file's text as UTF-8; for any valid UTF-8 file that is its exact bytes.
      return { name, sql, checksum: createHash("sha256").update(sql, "utf8").digest("hex") };
    }),
  );
}

async function acquireMigrationLock(client: pg.Client, log: (message: string) => void) {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_ADVISORY_LOCK_KEY]);
  if (rows[0].locked) return;
  log("another process is applying migrations; waiting for it to finish");
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
}

/** Checks the recorded history against the folder and returns what is left to apply, in order. */
function pendingMigrations(migrations: MigrationFile[], rows: MigrationRow[], migrationsDir: string): MigrationFile[] {
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed (started ${failed.started_at.toISOString()}) and is still recorded as ` +
        `failed in _prisma_migrations. Repair the database by hand, then mark it rolled back or applied ` +
        `(\`prisma migrate resolve\`), before migrating again.`,
    );
  }
  // A rolled-back migration counts as not applied (it will be applied again), as in Prisma.
  const applied = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row.checksum]));
  const inFolder = new Set(migrations.map((migration) => migration.name));
  for (const name of applied.keys()) {
    if (!inFolder.has(name)) {
      throw new Error(`Migration ${name} is applied to the database but missing from ${migrationsDir}. ` + `Restore it (the database is newer than this code?) before migrating.`);
    }
  }
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was changed after it was applied (checksum ${checksum} in the database, ` +
          `${migration.checksum} on disk). Applied migrations are immutable: revert the edit and add a new migration.`,
      );
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

async function applyOne(client: pg.Client, migration: MigrationFile) {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${describeSqlError(error, migration.sql)}`, {
      cause: error,
    });
  }
}

/** The database's message, with the line of the migration it points at when it says. */
function describeSqlError(error: unknown, sql: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = error instanceof pg.DatabaseError && error.position ? Number(error.position) : NaN;
  if (Number.isNaN(position)) return error.message;
  const line = sql.slice(0, position - 1).split("\n").length;
  return `${error.message} (migration.sql line ${line})`;
}

/** The migrations in the folder, in order, with their checksums (what a backup records and a restore applies). */
export async function listMigrationFiles(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<{ name: string; checksum: string }[]> {
  return (await readMigrations(migrationsDir)).map(({ name, checksum }) => ({ name, checksum }));
}
