// Installs pg-boss's schema, queues and cron schedules with the connection that
// applies migrations (the database owner): the one place job-queue DDL happens
// (ADR 011). App servers then run pg-boss with `migrate: false` and never need
// the right to create or alter tables. Called by applyMigrations
// (app/utils/migrate.server.ts) after the SQL migrations, under its lock.
import type pg from "pg";
import PgBoss from "pg-boss";
import { JOB_SCHEMA, QUEUE_LIST } from "./queues";

/** pg-boss's own queue for cron ticks (its timekeeper creates it at start; here it is created by the owner). */
const PGBOSS_CRON_QUEUE = "__pgboss__send-it";

type SqlClient = Pick<pg.Client, "query">;

/**
 * Creates or upgrades the pgboss schema, creates every queue of queues.ts and
 * (re)writes their cron schedules. Idempotent: starting twice changes nothing.
 */
export async function installJobQueue(client: SqlClient, log: (message: string) => void = () => {}): Promise<void> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) },
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of [PGBOSS_CRON_QUEUE, ...QUEUE_LIST.map((q) => q.name)]) {
      if (!existing.has(name)) log(`creating job queue ${name}`);
    }
    await boss.createQueue(PGBOSS_CRON_QUEUE);
    for (const queue of QUEUE_LIST) {
      const options = {
        name: queue.name,
        policy: "standard" as const,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: queue.expireInSeconds,
      };
      if (existing.has(queue.name)) await boss.updateQueue(queue.name, options);
      else await boss.createQueue(queue.name, options);
      if (queue.cron) await boss.schedule(queue.name, queue.cron, {}, { tz: "UTC" });
      else await boss.unschedule(queue.name);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

// The application role's rights on the job queue's schema come with its rights on every
// schema the owner owns (grantApplicationRole in app/utils/db-roles.server.ts).
