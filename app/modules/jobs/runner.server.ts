// Runs the job queue's workers in this process (the main process of each app
// server; HTTP workers only send jobs). pg-boss hands each job to one worker
// across all servers, and cron ticks are sent once across all servers, so
// every job and tick runs once however many servers are up (ADR 011).
import type PgBoss from "pg-boss";
import { logger } from "~/utils/logger.server";
import { create, type Executor } from "./boss.server";
import { QUEUE_LIST, type QueueName } from "./queues";

export type JobHandler = (data: Record<string, unknown>) => Promise<unknown>;

type Running = { boss: PgBoss };
let running: Running | null = null;

/** How often an idle worker looks for jobs, per queue (mail is sent within seconds of the act). */
const POLLING_SECONDS: Partial<Record<QueueName, number>> = { "mail-deliver": 2 };
const DEFAULT_POLLING_SECONDS = 5;

/**
 * Starts pg-boss (maintenance and cron on) and a worker for every queue that
 * has a handler. Due jobs left while every server was down run now. Returns
 * the instance (tests start two, as two servers would).
 */
export async function createJobWorkers(handlers: Partial<Record<QueueName, JobHandler>>, { executor }: { executor?: Executor } = {}): Promise<PgBoss> {
  const boss = create({ supervise: true, schedule: true, executor });
  await boss.start();
  for (const queue of QUEUE_LIST) {
    const handler = handlers[queue.name as QueueName];
    if (!handler) {
      logger.warn({ queue: queue.name }, "no handler for job queue");
      continue;
    }
    await boss.work(queue.name, { batchSize: 1, pollingIntervalSeconds: POLLING_SECONDS[queue.name as QueueName] ?? DEFAULT_POLLING_SECONDS }, async ([job]) => {
      if (!job) return;
      try {
        return await handler((job.data ?? {}) as Record<string, unknown>);
      } catch (error) {
        logger.error({ err: error, queue: queue.name, job: job.id }, "job failed");
        throw error;
      }
    });
  }
  return boss;
}

/** The job workers of this process (one set per app server). */
export async function startJobWorkers(handlers: Partial<Record<QueueName, JobHandler>>): Promise<PgBoss> {
  if (running) return running.boss;
  running = { boss: await createJobWorkers(handlers) };
  return running.boss;
}

export async function stopJobWorkers(): Promise<void> {
  const current = running;
  running = null;
  // Active jobs get a few seconds to finish; the pool is the app's and stays open.
  await current?.boss.stop({ graceful: true, close: false, timeout: 5_000 });
}
