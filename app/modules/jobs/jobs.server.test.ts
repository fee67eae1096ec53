// Two app servers (two pg-boss instances, each with its own connection pool)
// share the work: each mail is sent once, each vote closes once — including a
// deadline that passed while every server was down, honoured at start.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor } from "../../../test/factories";
import { startTestSmtp, type TestSmtp } from "../../../test/mail";
import { prisma } from "~/utils/db.server";
import { createProposal, inviteCoDrafter } from "~/modules/proposal/proposal.server";
import { openVote } from "~/modules/vote/vote.server";
import type PgBoss from "pg-boss";
import { JOB_HANDLERS } from "./handlers.server";
import { createJobWorkers, type JobHandler } from "./runner.server";
import type { QueueName } from "./queues";

let smtp: TestSmtp;
const pools: pg.Pool[] = [];
const instances: PgBoss[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await Promise.all(instances.map((b) => b.stop({ graceful: false, close: false })));
  await Promise.all(pools.map((p) => p.end()));
  await smtp.close();
});

/** A server's worth of job workers on its own pool, counting what its handlers do. */
async function startServer(calls: { queue: string; data: Record<string, unknown>; result: unknown }[]) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  pools.push(pool);
  const handlers = Object.fromEntries(
    Object.entries(JOB_HANDLERS).map(([queue, handler]) => [
      queue,
      (async (data) => {
        const result = await handler(data);
        calls.push({ queue, data, result });
        return result;
      }) satisfies JobHandler,
    ]),
  ) as Record<QueueName, JobHandler>;
  const boss = await createJobWorkers(handlers, { executor: { executeSql: (text, values) => pool.query(text, values as unknown[]) } });
  instances.push(boss);
}

async function until(check: () => Promise<boolean>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("timed out");
}

describe("two app servers", () => {
  it("send each mail once and close each vote once, including deadlines missed while both were down", async () => {
    // While no server runs: three votes whose deadlines pass, and mail for twenty people.
    await Promise.all(["BR", "IN", "CN"].map((c) => delegationActor(c, "HEAD")));
    const chair = await actorFor(await createUser({ role: "SECRETARIAT" }));
    const lead = await delegationActor("BR", "DELEGATE");
    const votes = [];
    for (const n of [1, 2, 3]) {
      const p = await createProposal({ actor: lead, title: `Deadline ${n}`, originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
      votes.push(await openVote({ actor: chair, proposalId: p.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: new Date(Date.now() + 2 * 3_600_000) }));
    }
    // Time passes with every server down: the deadlines (and the jobs queued for them) are now behind us.
    const ids = votes.map((v) => v.id);
    await prisma.vote.updateMany({ where: { id: { in: ids } }, data: { openedAt: new Date(Date.now() - 3 * 3_600_000), closesAt: new Date(Date.now() - 60_000) } });
    await prisma.$executeRaw`UPDATE pgboss.job SET start_after = now() - interval '1 minute' WHERE name = 'vote-close' AND data->>'voteId' = ANY(${ids}::text[])`;
    const team = await delegationActor("ZA", "HEAD");
    for (let i = 0; i < 19; i++) await createUser({ role: "DELEGATE", delegationId: team.delegation!.id });
    const text = await createProposal({ actor: lead, title: "Twenty readers", originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
    await inviteCoDrafter({ actor: lead, proposalId: text.id, delegationId: team.delegation!.id });
    const mails = await prisma.mailOutbox.count({ where: { status: "QUEUED" } });
    expect(mails).toBeGreaterThanOrEqual(20);

    const calls: { queue: string; data: Record<string, unknown>; result: unknown }[] = [];
    await Promise.all([startServer(calls), startServer(calls)]);

    await until(
      async () =>
        (await prisma.vote.count({ where: { id: { in: ids }, status: "CLOSED" } })) === 3 && (await prisma.mailOutbox.count({ where: { status: { not: "SENT" } } })) === 0,
    );

    // Each vote closed exactly once.
    for (const id of ids) expect(await prisma.auditEvent.count({ where: { objectId: id, act: "vote.closed" } })).toBe(1);
    const closers = calls.filter((c) => c.queue === "vote-close" || c.queue === "deadline-sweep");
    const closedByJobs = closers.reduce((n, c) => n + (c.result === true ? 1 : typeof c.result === "number" ? c.result : 0), 0);
    expect(closedByJobs).toBe(3);
    // Each vote-close job ran once across both servers.
    for (const id of ids) expect(calls.filter((c) => c.queue === "vote-close" && c.data.voteId === id)).toHaveLength(1);
    // Each mail reached the SMTP server once, under its own Message-ID.
    await new Promise((r) => setTimeout(r, 500));
    const messageIds = smtp.received.map((m) => m.parsed.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    expect(smtp.received).toHaveLength(await prisma.mailOutbox.count({ where: { status: "SENT" } }));
    expect(smtp.received.length).toBeGreaterThanOrEqual(mails);
  }, 90_000);
});
