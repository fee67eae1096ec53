// `npm start`: validate configuration, bring up the database (embedded unless
// DATABASE_URL is set), migrate, seed demo content into an empty database,
// build if needed, serve. SIGINT/SIGTERM shut everything down cleanly.
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, parseEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { closeDatabase } from "~/utils/db.server";
import { BUILD_FILE, buildIfNeeded } from "../server/build";
import { openDatabase } from "../server/database";

async function main() {
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  buildIfNeeded((message) => logger.info(message));
  const database = await openDatabase(env);

  let shuttingDown = false;
  const servers: import("node:http").Server[] = [];
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeIdleConnections();
          }),
      ),
    );
    await closeDatabase();
    await database.embedded?.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    if (env.seedDemo) {
      const { seedDemoIfEmpty } = await import("../prisma/seed");
      await seedDemoIfEmpty();
    }
    const build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
    const { createHttpApp } = await import("../server/http");
    const app = createHttpApp({ build, env });
    const server = app.listen(env.PORT, env.HOST, () => {
      logger.info({ url: `http://localhost:${env.PORT}` }, "Concord is listening");
    });
    server.on("error", (error) => {
      logger.fatal({ err: error }, "the HTTP server could not start");
      void shutdown("error");
    });
    servers.push(server);
    // Close votes whose deadline passed (also while the server was down) and send reminders;
    // idempotent, so every app server may run it. Also remove half-written uploads left by a crash.
    const { sweepVotes } = await import("~/modules/vote/vote.server");
    const { SWEEP_INTERVAL_MS } = await import("~/modules/vote/constants");
    const { sweepPartialUploads } = await import("~/modules/storage/storage.server");
    const sweep = () =>
      Promise.all([
        sweepVotes().catch((error: unknown) => logger.error({ err: error }, "vote sweep failed")),
        sweepPartialUploads().catch((error: unknown) => logger.error({ err: error }, "upload sweep failed")),
      ]);
    await sweep();
    setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  } catch (error) {
    logger.fatal({ err: error }, "start-up failed");
    await closeDatabase();
    await database.embedded?.stop();
    process.exit(1);
  }
}

void main();
