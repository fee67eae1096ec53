// `npm run seed:large -- [--scale=1] [--force]`: fill a database with a
// realistic volume for benchmarks (at scale 1: ~50 delegations, 5,000 people,
// 2,000 proposals with versions, 200,000 comments — one proposal with 2,500 —
// ~20,000 ballots, and the research and strategy catalogues). Refuses a
// database holding data it did not generate, unless --force.
import pg from "pg";
import { closeDatabase } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { openDatabase } from "../server/database";
import { generateComments, generateCore, generateVotes, scaleOf } from "./large/core";
import { generateExtras } from "./large/extras";

const MARKER = "concord:generated";

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg?.includes("=") ? arg.split("=")[1] : arg ? "true" : undefined;
}

export async function seedLarge(connectionString: string, factor: number, force: boolean) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ users: number; marker: string | null }>(
      `SELECT (SELECT count(*)::int FROM "User") AS users, shobj_description(d.oid, 'pg_database') AS marker
       FROM pg_database d WHERE d.datname = current_database()`,
    );
    const { users, marker } = rows[0]!;
    if (users > 0 && marker !== MARKER && !force) {
      throw new Error("This database holds data that seed:large did not generate. Use an empty database, or --force.");
    }
    if (users > 0) {
      console.log("The database already holds generated data; nothing to do (drop it to regenerate).");
      return;
    }
    const scale = scaleOf(factor);
    console.log(`Generating at scale ${factor}:`, scale);
    const started = performance.now();
    await client.query(`COMMENT ON DATABASE "${(await client.query("SELECT current_database() AS d")).rows[0].d}" IS '${MARKER}'`);
    await generateCore(client, scale);
    await generateComments(client, scale);
    await generateVotes(client, scale);
    await generateExtras(client, scale);
    await client.query("ANALYZE");
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await client.end();
  }
}

// Run as a command (not when imported by the benchmark).
if (process.argv[1]?.endsWith("seed-large.ts")) {
  const factor = Number(option("scale") ?? "1");
  if (!(factor > 0 && factor <= 10)) {
    console.error("--scale must be a number above 0 and at most 10");
    process.exit(2);
  }
  const env = parseEnv({ ...process.env, SEED_DEMO: "false" });
  const database = await openDatabase(env, { purpose: "command" });
  let code = 0;
  try {
    // As the owner: it labels the database and analyses the tables it filled.
    await seedLarge(database.ownerUrl, factor, option("force") === "true");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  } finally {
    await closeDatabase();
    await database.embedded?.stop();
  }
  process.exit(code);
}
