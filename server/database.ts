// Brings a database up for the app or a command: the server named by
// DATABASE_URL, or the embedded PostgreSQL under DATA_DIR; then migrations.
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedCluster } from "~/utils/embedded-postgres.server";
import type { Env } from "~/utils/env.server";
import { applyMigrations } from "~/utils/migrate.server";
import { logger } from "~/utils/logger.server";

export type Database = { url: string; embedded: EmbeddedCluster | null };

export async function openDatabase(env: Env): Promise<Database> {
  let embedded: EmbeddedCluster | null = null;
  let url = env.DATABASE_URL;
  if (!url) {
    const dataDir = path.join(env.dataDir, "postgres");
    logger.info({ dataDir }, "starting embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({
      dataDir,
      onLog: (message) => logger.debug({ postgres: message.trim() }, "postgres"),
    });
    url = embedded.url("concord");
  }
  // App modules read the connection from here.
  process.env.DATABASE_URL = url;
  const applied = await applyMigrations({ connectionString: url, log: (msg) => logger.info(msg) });
  if (applied.length) logger.info({ applied }, "migrations applied");
  return { url, embedded };
}
