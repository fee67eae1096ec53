// The frame of every maintenance command (audit:verify, vote:recount,
// db:migrate, backup, the seeds): configuration, the database — the running
// server's embedded one when there is one on the same DATA_DIR — and a clean
// exit. A refusal the operator can act on is printed as a sentence, without a
// stack trace; the embedded database is stopped only if the command started it.
import { closeDatabase } from "~/utils/db.server";
import { EmbeddedPostgresUnavailable } from "~/utils/embedded-postgres.server";
import { ConfigError, parseEnv, type Env } from "~/utils/env.server";
import { RestoreRefused } from "~/modules/backup/restore.server";
import { CommandRefused, connectDatabase, openDatabase, type Database } from "./database";

export async function runCommand(
  run: (context: { env: Env; database: Database }) => Promise<number>,
  {
    env: overrides = {},
    exclusive = false,
  }: {
    env?: Record<string, string | undefined>;
    /** The command needs the database to itself, unmigrated (restore): refuses a data directory a server runs. */
    exclusive?: boolean;
  } = {},
): Promise<never> {
  let code = 1;
  let database: Database | null = null;
  try {
    const env = parseEnv({ ...process.env, ...overrides });
    database = exclusive ? await connectDatabase(env, { purpose: "server" }) : await openDatabase(env, { purpose: "command" });
    code = await run({ env, database });
  } catch (error) {
    if (error instanceof CommandRefused || error instanceof RestoreRefused || error instanceof ConfigError || error instanceof EmbeddedPostgresUnavailable) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    code = code === 0 ? 1 : code;
  } finally {
    await closeDatabase().catch(() => undefined);
    await database?.embedded?.stop().catch(() => undefined);
  }
  process.exit(code);
}
