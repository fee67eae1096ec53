// Brings a database up for the server or a command: the server named by
// DATABASE_URL, or the embedded PostgreSQL under DATA_DIR; then migrations (as
// the owner), a backup before them, and the application role's grants.
//
// Two roles (docs/decisions/014-database-roles-and-audit-chain.md): the owner
// runs migrations and restores; the application connects as a role that can
// only read and write rows. The embedded database sets both up; an external
// PostgreSQL names them with MIGRATION_DATABASE_URL (owner) and DATABASE_URL
// (application). With DATABASE_URL alone, one role does both, with a warning.
//
// Commands (audit:verify, vote:recount, db:migrate, backup, seeds) join the
// embedded database a running server started on the same DATA_DIR instead of
// refusing; migrations are then refused while a server is connected.
import path from "node:path";
import pg from "pg";
import { APP_ROLE, findRunningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedCluster } from "~/utils/embedded-postgres.server";
import type { Env } from "~/utils/env.server";
import { applyMigrations } from "~/utils/migrate.server";
import { applicationRoleProblems, grantApplicationRole, roleOf } from "~/utils/db-roles.server";
import { logger } from "~/utils/logger.server";

export type Database = {
  /** The application's connection (also put in process.env.DATABASE_URL for app modules). */
  url: string;
  /** The owner's connection: migrations, backups, restores. */
  ownerUrl: string;
  /** The embedded cluster, when DATABASE_URL is unset (started here, or joined when `owned` is false). */
  embedded: EmbeddedCluster | null;
  /** False when one role both owns the tables and runs the application. */
  separateRoles: boolean;
};

/** `server`: `npm start` (refuses a data directory another server runs). `command`: joins a running server's database. */
export type DatabasePurpose = "server" | "command";

/** Every connection of a server process says so (pg reads PGAPPNAME), so commands can tell servers are up. */
const SERVER_APPLICATION_NAME = "concord-server";
const COMMAND_APPLICATION_NAME = "concord-command";

/** A command refused for a reason the operator can act on: print the message, no stack trace. */
export class CommandRefused extends Error {}

/** Connects without migrating. */
export async function connectDatabase(env: Env, { purpose }: { purpose: DatabasePurpose }): Promise<Database> {
  process.env.PGAPPNAME = purpose === "server" ? SERVER_APPLICATION_NAME : COMMAND_APPLICATION_NAME;
  if (env.DATABASE_URL) {
    const ownerUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
    return { url: env.DATABASE_URL, ownerUrl, embedded: null, separateRoles: roleOf(ownerUrl) !== roleOf(env.DATABASE_URL) };
  }
  const dataDir = path.join(env.dataDir, "postgres");
  let embedded: EmbeddedCluster | null = null;
  if (purpose === "command") {
    embedded = await findRunningEmbeddedPostgres(dataDir);
    if (embedded) logger.info({ dataDir }, "using the embedded PostgreSQL the running server started");
  }
  if (!embedded) {
    logger.info({ dataDir }, "starting embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({
      dataDir,
      onLog: (message) => logger.debug({ postgres: message.trim() }, "postgres"),
    });
  }
  return { url: embedded.appUrl("concord"), ownerUrl: embedded.url("concord"), embedded, separateRoles: true };
}

/** Connects, applies pending migrations (after a backup), grants the application role, and points app modules at it. */
export async function openDatabase(env: Env, { purpose = "server" }: { purpose?: DatabasePurpose } = {}): Promise<Database> {
  const database = await connectDatabase(env, { purpose });
  try {
    await migrateDatabase(env, database, { purpose });
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
  // App modules read the connection from here.
  process.env.DATABASE_URL = database.url;
  return database;
}

export async function migrateDatabase(env: Env, database: Database, { purpose }: { purpose: DatabasePurpose }): Promise<string[]> {
  const applied = await applyMigrations({
    connectionString: database.ownerUrl,
    log: (msg) => logger.info(msg),
    beforeApply: async ({ pending, applied: before }) => {
      if (purpose === "command") await refuseWhileServersRun(database.ownerUrl, pending);
      // A new database has nothing to lose.
      if (before.length > 0 && env.BACKUP_BEFORE_MIGRATE) await backupBeforeMigrating(env, database, before.at(-1)!);
    },
  });
  if (applied.length) logger.info({ applied }, "migrations applied");
  await secureApplicationRole(database);
  return applied;
}

export async function secureApplicationRole(database: Database) {
  if (database.separateRoles) {
    await grantApplicationRole({ ownerUrl: database.ownerUrl, appRole: database.embedded ? APP_ROLE : roleOf(database.url) });
  }
  const problems = await applicationRoleProblems(database.url);
  if (problems.length) {
    logger.warn(
      { problems },
      database.separateRoles
        ? "the application's database role has more rights than it needs (README, 'Database roles')"
        : "DATABASE_URL's role owns Concord's tables: the database cannot stop the application from altering them or " +
            "disabling the audit log's triggers. Set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role " +
            "without ownership (README, 'Database roles').",
    );
  }
}

/**
 * Held by every running server on a connection of its own for as long as it
 * runs (a shared advisory lock: visible to any role, gone when the process
 * dies), so that commands can tell a server is up.
 */
const SERVER_PRESENCE_LOCK = 727_030;

export async function announceServer(database: Database): Promise<{ close: () => Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: database.url, application_name: SERVER_APPLICATION_NAME });
    next.on("error", (error) => {
      logger.warn({ err: error }, "the server's presence connection was lost; reconnecting");
      client = null;
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), 5000);
    });
    await next.connect();
    await next.query("SELECT pg_advisory_lock_shared($1)", [SERVER_PRESENCE_LOCK]);
    client = next;
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/** Whether a server holds its presence lock on this database. */
async function serversRunning(ownerUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: COMMAND_APPLICATION_NAME });
  await client.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>("SELECT pg_try_advisory_lock($1) AS free", [SERVER_PRESENCE_LOCK]);
    return !rows[0]!.free;
  } finally {
    // Ending the session releases the lock if it was taken.
    await client.end();
  }
}

/** Refuses to migrate under running servers: they would keep running against a schema they do not know. */
async function refuseWhileServersRun(ownerUrl: string, pending: string[]) {
  if (await serversRunning(ownerUrl)) {
    throw new CommandRefused(
      `A Concord server is running on this database with an older schema; ${pending.length} migration(s) are pending ` +
        `(${pending.join(", ")}). Stop the server first, then migrate — or simply restart it with the new version: ` +
        `\`npm start\` backs the database up and migrates it at start-up.`,
    );
  }
}

async function backupBeforeMigrating(env: Env, database: Database, lastApplied: string) {
  const { createBackup, pruneBackups, preMigrationBackupName, PRE_MIGRATION_PREFIX } = await import("~/modules/backup/backup.server");
  const out = path.join(env.backupDir, preMigrationBackupName(lastApplied));
  logger.info({ out }, "backing the database up before migrating");
  const manifest = await createBackup({ ownerUrl: database.ownerUrl, out, storage: null });
  logger.info({ out, tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0) }, "pre-migration backup written");
  const removed = await pruneBackups(env.backupDir, PRE_MIGRATION_PREFIX, env.BACKUP_KEEP);
  if (removed.length) logger.info({ removed }, "older pre-migration backups removed");
}
