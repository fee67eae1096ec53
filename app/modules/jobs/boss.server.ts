// The app's side of the job queue (ADR 011): pg-boss on the process's own
// PostgreSQL pool, with `migrate: false` — the schema and queues were made by
// the migration runner (install.server.ts), so no DDL right is needed here.
// Jobs are sent inside the transaction of the act that causes them.
import PgBoss from "pg-boss";
import { getPool, type Transaction } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { JOB_SCHEMA, type QueueName } from "./queues";

export type Executor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** pg-boss's queries on the shared pool (no second pool per process). */
const poolExecutor: Executor = { executeSql: (text, values) => getPool().query(text, values as unknown[]) };

/** pg-boss's queries inside a Prisma interactive transaction: the job commits or rolls back with the act. */
export function transactionExecutor(tx: Transaction): Executor {
  return {
    executeSql: async (text, values = []) => {
      // JSON parameters (job data) go as text; pg-boss casts them to jsonb.
      const params = values.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

type BossOptions = { supervise: boolean; schedule: boolean; executor?: Executor };

const holder = globalThis as unknown as { __concordBoss?: PgBoss };

/** A pg-boss instance for sending only (never started: sending needs no worker). */
function sender(): PgBoss {
  holder.__concordBoss ??= create({ supervise: false, schedule: false });
  return holder.__concordBoss;
}

export function create({ supervise, schedule, executor = poolExecutor }: BossOptions): PgBoss {
  const boss = new PgBoss({
    db: executor,
    schema: JOB_SCHEMA,
    migrate: false,
    supervise,
    schedule,
    // Completed jobs are archived after a day and deleted after a week.
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  return boss;
}

export type SendOptions = {
  /** Not before this time (a deadline, a reminder). */
  startAfter?: Date;
  /** A tag naming what the job is for (a vote's id): operators can find its jobs by it. */
  singletonKey?: string;
};

/** Queues a job in the transaction of the act; it exists only if the act commits. */
export async function sendJob(tx: Transaction, queue: QueueName, data: object, options: SendOptions = {}): Promise<void> {
  await sender().send(queue, data, {
    db: transactionExecutor(tx),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
}

/** Queues a job outside any transaction (a job waking another). */
export async function sendJobNow(queue: QueueName, data: object = {}): Promise<void> {
  await sender().send(queue, data);
}
