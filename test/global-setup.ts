// vitest globalSetup: one throw-away PostgreSQL cluster for the whole run, with
// a migrated template database that test/db.ts clones for each test file.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { APP_ROLE, startEmbeddedPostgres } from "../app/utils/embedded-postgres.server";
import { grantApplicationRole } from "../app/utils/db-roles.server";
import { applyMigrations } from "../app/utils/migrate.server";
import { TEMPLATE_DATABASE, databaseUrl } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster (database `postgres`): the owner of every table, as migrations run. */
    adminDatabaseUrl: string;
    /** The application role's URL on the test cluster (database `postgres`): what the app connects as. */
    appDatabaseUrl: string;
  }
}

// Data directories are named after the vitest process, so a later run can tell leftovers from live runs.
const DATA_DIR_PREFIX = "concord-vitest-";
const LEFTOVER_STOP_TIMEOUT_MS = 10_000;

export default async function setup(project: TestProject) {
  const started = performance.now();
  await removeLeftoverClusters();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `${DATA_DIR_PREFIX}${process.pid}-`));
  // On Ctrl-C or a crash vitest exits without teardown; the cluster then still gets its shutdown
  // signal (startEmbeddedPostgres hooks 'exit'), and the next run removes the data directory.
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: false });
  const teardown = async () => {
    await cluster.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    const adminUrl = cluster.url();
    await runAdmin(adminUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await applyMigrations({ connectionString: databaseUrl(adminUrl, TEMPLATE_DATABASE) });
    // The tests' app connections run under the application's real privileges (cloned with the template).
    await grantApplicationRole({ ownerUrl: databaseUrl(adminUrl, TEMPLATE_DATABASE), appRole: APP_ROLE });
    // Cloning fails while anyone is connected to the template: forbid connecting to it at all.
    await runAdmin(adminUrl, `ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    project.provide("adminDatabaseUrl", adminUrl);
    project.provide("appDatabaseUrl", cluster.appUrl("postgres"));
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(`test database cluster ready in ${Math.round(performance.now() - started)} ms`);
  return teardown;
}

async function runAdmin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A run that was killed leaves its data directory behind, and after SIGKILL its
 * postgres too: stop and remove those whose vitest process is gone.
 */
async function removeLeftoverClusters() {
  for (const entry of await fs.readdir(os.tmpdir())) {
    if (!entry.startsWith(DATA_DIR_PREFIX)) continue;
    const ownerPid = Number(entry.slice(DATA_DIR_PREFIX.length).split("-")[0]);
    if (!Number.isInteger(ownerPid) || isRunning(ownerPid)) continue;
    const dataDir = path.join(os.tmpdir(), entry);
    await stopOrphanPostgres(path.join(dataDir, "cluster"));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function stopOrphanPostgres(clusterDir: string) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const pid = Number((await fs.readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  // Signal only a postgres serving this very directory, not whatever process reused the pid.
  const commandLine = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!commandLine.includes(clusterDir)) return;
  process.kill(pid, "SIGINT");
  // PostgreSQL deletes its pid file once shut down.
  const deadline = Date.now() + LEFTOVER_STOP_TIMEOUT_MS;
  while (Date.now() < deadline && (await exists(pidFile))) await new Promise((resolve) => setTimeout(resolve, 50));
}

function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
