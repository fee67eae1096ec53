// The audit chain against a real database: append-only, never forked, and a
// tampered row is found.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { GENESIS_HASH, recordAuditEvent, verifyAuditChain } from "./audit.server";

async function record(n: number) {
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, { actorId: null, act: "delegation.created", objectType: "delegation", objectId: `d${n}`, data: { n } }),
  );
}

describe("audit log", () => {
  it("chains each event to the one before", async () => {
    await record(1);
    await record(2);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 2 });
  });

  it("never forks under concurrent writers", async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => record(100 + i)));
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const prevs = new Set(rows.map((r) => r.prevHash));
    expect(prevs.size).toBe(rows.length);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("is refused UPDATE, DELETE and TRUNCATE by the database", async () => {
    await record(200);
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET act = 'forged'`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
  });

  it("finds the first tampered row", async () => {
    for (let i = 0; i < 5; i++) await record(300 + i);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const target = rows[2]!;
    // A superuser bypassing the trigger, as an attacker with database access would.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("SET session_replication_role = replica");
    await client.query(`UPDATE "AuditEvent" SET data = '{"n": 999}' WHERE seq = $1`, [target.seq]);
    await client.end();
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq, reason: "hash" });
  });
});
