// One PostgreSQL pool per process, shared by Prisma (through its pg driver
// adapter) and by the few places that need plain SQL (rate limits).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { instrumentPool } from "./server-timing.server";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Concord with `npm start`, which provides a database.");
  return url;
}

type Db = { pool: pg.Pool; prisma: PrismaClient };

const TRANSACTION_MAX_WAIT_MS = 20_000;
const TRANSACTION_TIMEOUT_MS = 20_000;

// Kept on globalThis so that `remix dev` reloading the server build does not open a new pool each time.
const holder = globalThis as unknown as { __concordDb?: Db };

function connect(): Db {
  if (!holder.__concordDb) {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      idleTimeoutMillis: 10_000,
    });
    // An idle connection dropped by the server (restart, shutdown) must not crash the process.
    pool.on("error", (error) => console.error(JSON.stringify({ msg: "idle database connection lost", error: error.message })));
    instrumentPool(pool);
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool),
      // Under a burst (say, every delegation casting at the deadline) transactions queue for a
      // connection and for the audit lock: wait for them rather than fail with a 500.
      transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
    });
    holder.__concordDb = { pool, prisma };
  }
  return holder.__concordDb;
}

/** The Prisma client; created on first use from DATABASE_URL. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(connect().prisma, property),
});

export function getPool(): pg.Pool {
  return connect().pool;
}

export async function closeDatabase(): Promise<void> {
  const db = holder.__concordDb;
  holder.__concordDb = undefined;
  if (db) {
    await db.prisma.$disconnect();
    await db.pool.end();
  }
}

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
