import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from schema.prisma. The app itself
// connects through @prisma/adapter-pg (app/utils/db.server.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
