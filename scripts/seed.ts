// `npm run db:seed`: the demo content, into an empty database only.
import { closeDatabase } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { openDatabase } from "../server/database";
import { seedDemoIfEmpty } from "../prisma/seed";

const env = parseEnv();
const database = await openDatabase(env);
try {
  const seeded = await seedDemoIfEmpty();
  console.log(seeded ? "Demo content seeded." : "The database already holds data; nothing seeded.");
} finally {
  await closeDatabase();
  await database.embedded?.stop();
}
