// `npm run db:migrate`: apply pending migrations to the database of
// MIGRATION_DATABASE_URL/DATABASE_URL, or to the embedded PostgreSQL under
// DATA_DIR (joining it when a server runs it). Refused while a server runs on
// the database and migrations are pending: that server would keep running
// against a schema it does not know.
import { runCommand } from "../server/command";

await runCommand(async () => {
  console.log("Database is up to date.");
  return 0;
});
