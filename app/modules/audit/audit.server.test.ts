// The audit chain against a real database: computed by the database on insert,
// append-only, never forked, independent of personal data, and a tampered row
// is found. The tests' connection is the application's role, as in production.
import { createHash } from "node:crypto";
import pg from "pg";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { ownerUrlOf } from "../../../test/db";
import { GENESIS_HASH, computeEventHashV2, recordAuditEvent, verifyAuditChain } from "./audit.server";

async function record(n: number, data: Record<string, unknown> = { n }) {
  await prisma.$transaction((tx) => recordAuditEvent(tx, { actorId: null, act: "delegation.created", objectType: "delegation", objectId: `d${n}`, data }));
}

/** A connection as the owner: what an attacker with database access, or a migration, would use. */
let owner: pg.Client;
beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerUrlOf(process.env.DATABASE_URL!) });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
});

describe("audit log", () => {
  it("chains each event to the one before, computed by the database", async () => {
    await record(1);
    await record(2);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows.map((r) => r.chainVersion)).toEqual([2, 2]);
    // Recomputed independently of the database, from the published formula.
    const { rows: texts } = await owner.query<{ data: string }>(`SELECT data::text AS data FROM "AuditEvent" ORDER BY seq`);
    const dataSha256 = createHash("sha256").update(texts[1]!.data).digest("hex");
    expect(rows[1]!.dataSha256).toBe(dataSha256);
    expect(computeEventHashV2(rows[1]!.prevHash, { ...rows[1]!, dataSha256 })).toBe(rows[1]!.hash);
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 2, redacted: 0 });
  });

  it("never forks under concurrent writers", async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => record(100 + i)));
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const prevs = new Set(rows.map((r) => r.prevHash));
    expect(prevs.size).toBe(rows.length);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("refuses an INSERT with a wrong hash or a wrong previous hash, even from the owner", async () => {
    await record(150);
    const last = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await expect(
      prisma.$executeRaw`INSERT INTO "AuditEvent" (act, "objectType", "objectId", "prevHash", hash) VALUES ('vote.closed', 'vote', 'x', ${last.hash}, ${"f".repeat(64)})`,
    ).rejects.toThrow(/hash does not match/);
    await expect(owner.query(`INSERT INTO "AuditEvent" (act, "objectType", "objectId", "prevHash") VALUES ('vote.closed', 'vote', 'x', $1)`, [GENESIS_HASH])).rejects.toThrow(
      /prevHash/,
    );
    // Whatever time or hash a writer sends, the database's own are recorded.
    await owner.query(`INSERT INTO "AuditEvent" (act, "objectType", "objectId", "occurredAt") VALUES ('vote.closed', 'vote', 'y', '2001-01-01T00:00:00Z')`);
    const added = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(added.prevHash).toBe(last.hash);
    expect(added.occurredAt.getUTCFullYear()).toBeGreaterThan(2001);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("is refused UPDATE, DELETE and TRUNCATE", async () => {
    await record(200);
    // The application's role has no right to change or remove events at all …
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET act = 'forged'`).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/permission denied/);
    // … and the table's trigger refuses it even to the owner.
    await expect(owner.query(`UPDATE "AuditEvent" SET act = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("finds the first tampered row", async () => {
    for (let i = 0; i < 5; i++) await record(300 + i);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const target = rows[rows.length - 3]!;
    // A superuser bypassing the triggers, as an attacker with full database access would.
    await owner.query("BEGIN");
    await owner.query("SET LOCAL session_replication_role = replica");
    await owner.query(`UPDATE "AuditEvent" SET data = '{"n": 999}' WHERE seq = $1`, [target.seq]);
    await owner.query("COMMIT");
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq, reason: "data" });
  });
});

describe("audit events written before the database computed the chain (version 1)", () => {
  it("still verify, and an email in one can be redacted with the chain intact", async () => {
    // Start a chain from scratch, as an installation from before the migration had one.
    await owner.query("BEGIN");
    await owner.query("SET LOCAL session_replication_role = replica");
    await owner.query(`DELETE FROM "AuditEvent"`);
    let prevHash = GENESIS_HASH;
    const v1 = (n: number, data: Record<string, unknown>) => {
      const occurredAt = new Date(Date.UTC(2026, 10, 1, 0, 0, n));
      const event = { occurredAt: occurredAt.toISOString(), actorId: null, delegationId: null, act: "invitation.created", objectType: "invitation", objectId: `i${n}`, data };
      const hash = createHash("sha256").update(prevHash).update("\n").update(canonicalize(event)!).digest("hex");
      const row = [n, occurredAt, event.act, event.objectType, event.objectId, JSON.stringify(data), prevHash, hash];
      prevHash = hash;
      return row;
    };
    for (const [n, data] of [
      [1, { email: "ana@example.org", role: "DELEGATE" }],
      [2, { email: "other@example.org", role: "EXPERT" }],
    ] as const) {
      await owner.query(
        `INSERT INTO "AuditEvent" (seq, "occurredAt", act, "objectType", "objectId", data, "prevHash", hash, "chainVersion") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)`,
        v1(n, data),
      );
    }
    await owner.query("COMMIT");
    // New events continue the old chain, in version 2.
    await record(3);
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 3, redacted: 0 });

    // Erasure: the application may call the redaction function (it may not UPDATE the table itself).
    const [{ redacted }] = await prisma.$queryRaw<{ redacted: number }[]>`SELECT concord_redact_audit_email(${"Ana@Example.org"}) AS redacted`;
    expect(redacted).toBe(1);
    const events = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events[0]!.data).toEqual({ redacted: true });
    expect(events[1]!.data).toEqual({ email: "other@example.org", role: "EXPERT" });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 3, redacted: 1 });
    // Nothing else of an event can be changed by redaction's route.
    await expect(owner.query(`SELECT set_config('concord.audit_redaction', 'on', false); UPDATE "AuditEvent" SET act = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
  });
});
