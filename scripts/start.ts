// `npm start`: validate configuration, bring up the database (embedded unless
// DATABASE_URL is set), migrate, seed demo content into an empty database,
// build if needed, serve. SIGINT/SIGTERM shut everything down cleanly.
// With WEB_CONCURRENCY=N (N > 1) this process keeps the database and the
// background jobs, and N worker processes serve HTTP on the same port: the
// app is stateless, so they share nothing but PostgreSQL.
import cluster from "node:cluster";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, parseEnv, type Env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { closeDatabase } from "~/utils/db.server";
import { BUILD_FILE, buildIfNeeded } from "../server/build";
import { announceServer, openDatabase } from "../server/database";

const SHUTDOWN_GRACE_MS = 5000;

function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Serves HTTP in this process; resolves with the listening server. */
async function serve(env: Env): Promise<Server> {
  const build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
  const { createHttpApp } = await import("../server/http");
  const app = createHttpApp({ build, env });
  return new Promise((resolve, reject) => {
    const server = app.listen(env.PORT, env.HOST, () => {
      logger.info({ url: `http://localhost:${env.PORT}`, pid: process.pid }, "Concord is listening");
      // Under `npm run dev`, Remix's watcher restarts this server on every rebuild and waits for this signal.
      if (process.env.NODE_ENV === "development") void import("@remix-run/node").then(({ broadcastDevReady }) => broadcastDevReady(build));
      resolve(server);
    });
    server.on("error", reject);
  });
}

function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Background work through the job queue (ADR 011): mail delivery and digests,
 * closing votes at their deadline, reminders, sweeping half-written uploads.
 * Each job and cron tick runs once across all servers; jobs that fell due while
 * every server was down run now. Queues and handlers: app/modules/jobs.
 */
async function startBackgroundJobs() {
  const { startJobWorkers } = await import("~/modules/jobs/runner.server");
  const { JOB_HANDLERS } = await import("~/modules/jobs/handlers.server");
  await startJobWorkers(JOB_HANDLERS);
}

async function stopBackgroundJobs() {
  const { stopJobWorkers } = await import("~/modules/jobs/runner.server");
  await stopJobWorkers().catch((error: unknown) => logger.error({ err: error }, "stopping the job queue failed"));
}

async function worker(env: Env) {
  let server: Server | undefined;
  const stop = async () => {
    await closeServer(server);
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server = await serve(env);
}

async function primary(env: Env) {
  buildIfNeeded((message) => logger.info(message));
  const database = await openDatabase(env);
  // Commands beside this server (db:migrate) see it is running.
  const presence = await announceServer(database);

  let shuttingDown = false;
  let server: Server | undefined;
  const shutdown = async (signal: string, code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all([
      stopBackgroundJobs(),
      closeServer(server),
      ...workers.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : (w.once("exit", () => resolve()), w.kill("SIGTERM"))))),
    ]);
    await closeDatabase();
    await presence.close();
    await database.embedded?.stop();
    logger.info("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    if (env.seedDemo) {
      const { seedDemoIfEmpty } = await import("../prisma/seed");
      await seedDemoIfEmpty();
    }
    if (env.WEB_CONCURRENCY > 1) {
      // Workers inherit the environment, DATABASE_URL included (set by openDatabase).
      for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork();
      cluster.on("exit", (w, code) => {
        if (shuttingDown) return;
        logger.error({ pid: w.process.pid, code }, "an HTTP worker exited; starting another");
        cluster.fork();
      });
    } else {
      server = await serve(env);
    }
    await startBackgroundJobs();
  } catch (error) {
    logger.fatal({ err: error }, "start-up failed");
    await shutdown("error", 1);
  }
}

const env = loadEnv();
if (cluster.isPrimary) void primary(env);
else void worker(env);
