// Runs before each test file, in its worker: gives the file a database of its
// own. App modules create their Prisma client lazily from DATABASE_URL, so
// setting it here, before the test file imports them, is enough.
import { createTestDatabase } from "./db";

process.env.DATABASE_URL = await createTestDatabase();
