// `npm run db:seed`: the demo content, into an empty database only. Runs beside a live server.
import { seedDemoIfEmpty } from "../prisma/seed";
import { runCommand } from "../server/command";

await runCommand(async () => {
  const seeded = await seedDemoIfEmpty();
  console.log(seeded ? "Demo content seeded." : "The database already holds data; nothing seeded.");
  return 0;
});
