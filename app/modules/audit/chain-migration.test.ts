// An installation with an audit chain written before the database computed it
// (chain version 1) upgrades to version 2: the old events still verify, and new
// ones continue the same chain.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, listMigrationFiles } from "~/utils/migrate.server";
import { createEmptyDatabase } from "../../../test/db";
import { GENESIS_HASH, computeEventHashV1 } from "./audit.server";

const AUDIT_V2_MIGRATION = "20261203234213_audit_chain_in_database";

describe("the migration to chain version 2", () => {
  it("keeps an existing chain verifiable and continues it", async () => {
    const url = await createEmptyDatabase();
    const names = (await listMigrationFiles()).map((m) => m.name);
    const before = names[names.indexOf(AUDIT_V2_MIGRATION) - 1]!;
    await applyMigrations({ connectionString: url, upTo: before });

    // Events as the application wrote them until then.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let prevHash = GENESIS_HASH;
    for (let n = 1; n <= 3; n++) {
      const event = {
        occurredAt: new Date(Date.UTC(2026, 10, 20, 12, 0, n, 123)),
        actorId: null,
        delegationId: null,
        act: "invitation.created",
        objectType: "invitation",
        objectId: `inv-${n}`,
        data: { email: `person${n}@example.org`, role: "DELEGATE", weight: 1.5 },
      };
      const hash = computeEventHashV1(prevHash, event);
      await client.query(
        `INSERT INTO "AuditEvent" ("occurredAt", "actorId", "delegationId", act, "objectType", "objectId", data, "prevHash", hash)
         VALUES ($1, NULL, NULL, $2, $3, $4, $5, $6, $7)`,
        [event.occurredAt, event.act, event.objectType, event.objectId, JSON.stringify(event.data), prevHash, hash],
      );
      prevHash = hash;
    }
    await client.end();

    await applyMigrations({ connectionString: url });
    process.env.DATABASE_URL = url;
    const { prisma } = await import("~/utils/db.server");
    const { recordAuditEvent, verifyAuditChain } = await import("./audit.server");
    const old = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(old.map((e) => e.chainVersion)).toEqual([1, 1, 1]);
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 3, redacted: 0 });

    await prisma.$transaction((tx) => recordAuditEvent(tx, { actorId: null, act: "vote.closed", objectType: "vote", objectId: "v1", data: {} }));
    const all = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(all[3]).toMatchObject({ chainVersion: 2, prevHash });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 4, redacted: 0 });
  });
});
