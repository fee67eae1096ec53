// Every queue of timed and background work, in one place (ADR 011). The
// queues and their cron schedules are created by the database owner when
// migrations run (install.server.ts); app servers only send and work jobs.
// To add background work: name its queue here, give it a handler in
// handlers.server.ts, and start the app once (migrations create the queue).

export type QueueDefinition = {
  /** pg-boss queue name (letters, digits, hyphens). */
  name: string;
  /** What the jobs do, for operators reading the pgboss.queue table. */
  purpose: string;
  /** Cron expression (UTC) when the work also runs on a schedule: once per tick across all servers. */
  cron?: string;
  /** Failed jobs are tried again this many times, with exponential back-off from `retryDelaySeconds`. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job running longer than this is failed (and retried). */
  expireInSeconds: number;
};

export const QUEUES = {
  /** Deliver queued mail from the outbox (woken by each act that queues mail, and every minute for retries). */
  mailDeliver: {
    name: "mail-deliver",
    purpose: "send queued mail from the outbox over SMTP",
    cron: "* * * * *",
    retryLimit: 3,
    retryDelaySeconds: 30,
    expireInSeconds: 15 * 60,
  },
  /** Gather each person's pending notices into their daily digest at their hour. */
  mailDigest: {
    name: "mail-digest",
    purpose: "write daily digest mails for people whose digest hour has come",
    cron: "*/10 * * * *",
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 15 * 60,
  },
  /** Close one vote at its deadline (sent when the vote opens or its deadline moves). */
  voteClose: {
    name: "vote-close",
    purpose: "close a vote at its deadline",
    retryLimit: 10,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
  },
  /** Remind delegations that have not voted (24 h and 2 h before a deadline). */
  voteRemind: {
    name: "vote-remind",
    purpose: "remind heads and alternates whose delegation has not voted",
    retryLimit: 10,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
  },
  /** Tell followers that a consultation closes in 48 hours. */
  consultationRemind: {
    name: "consultation-remind",
    purpose: "tell followers that a consultation closes in 48 hours",
    retryLimit: 10,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
  },
  /** Safety net: anything due that a job did not handle (a deadline moved twice, a job lost by hand). */
  deadlineSweep: {
    name: "deadline-sweep",
    purpose: "close due votes and send due reminders that no job handled",
    cron: "* * * * *",
    retryLimit: 1,
    retryDelaySeconds: 30,
    expireInSeconds: 5 * 60,
  },
  /** Remove files left half-written by a crash during an upload. */
  uploadSweep: {
    name: "upload-sweep",
    purpose: "remove half-written uploads older than a day",
    cron: "17 * * * *",
    retryLimit: 1,
    retryDelaySeconds: 60,
    expireInSeconds: 15 * 60,
  },
  /** Remove sign-in records, expired sessions and stale invitations past their retention period (ADR 013). */
  personalDataRetention: {
    name: "personal-data-retention",
    purpose: "remove personal data past its retention period",
    cron: "41 * * * *",
    retryLimit: 1,
    retryDelaySeconds: 300,
    expireInSeconds: 30 * 60,
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueKey = keyof typeof QUEUES;
export type QueueName = (typeof QUEUES)[QueueKey]["name"];
export const QUEUE_LIST: QueueDefinition[] = Object.values(QUEUES);

/** The schema pg-boss keeps its tables in. */
export const JOB_SCHEMA = "pgboss";
