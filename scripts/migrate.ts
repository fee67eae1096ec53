// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the
// embedded PostgreSQL under DATA_DIR when DATABASE_URL is unset.
import { parseEnv } from "~/utils/env.server";
import { openDatabase } from "../server/database";

const database = await openDatabase(parseEnv());
await database.embedded?.stop();
console.log("Database is up to date.");
