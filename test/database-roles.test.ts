// The application's connection has data rights only: it cannot alter, drop or
// disable anything, nor change the append-only tables, so not even a
// compromised application can rewrite the audit log
// (docs/decisions/014-database-roles-and-audit-chain.md).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRoleProblems } from "~/utils/db-roles.server";

let app: pg.Client;
beforeAll(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await app.connect();
});
afterAll(async () => {
  await app.end();
});

const refused = (sql: string) => expect(app.query(sql)).rejects.toThrow(/must be owner|permission denied|must be superuser/);

describe("the application's database role", () => {
  it("is not the owner of anything and has no extra rights", async () => {
    expect(await applicationRoleProblems(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("cannot disable the audit log's triggers", async () => {
    await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`);
    await refused(`ALTER TABLE "BallotHistory" DISABLE TRIGGER USER`);
    await refused(`SET session_replication_role = replica`);
    await refused(`DROP TRIGGER "AuditEvent_chain" ON "AuditEvent"`);
    await refused(`CREATE OR REPLACE FUNCTION concord_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
  });

  it("cannot update, delete or truncate the audit log or the ballot history", async () => {
    await refused(`UPDATE "AuditEvent" SET act = 'forged'`);
    await refused(`DELETE FROM "AuditEvent"`);
    await refused(`TRUNCATE "AuditEvent"`);
    await refused(`UPDATE "BallotHistory" SET choice = 'YES'`);
    await refused(`DELETE FROM "BallotHistory"`);
    await refused(`UPDATE "StrategyVersion" SET "changeNote" = 'x'`);
    await refused(`DELETE FROM _prisma_migrations`);
  });

  it("cannot drop, alter or create anything", async () => {
    await refused(`DROP TABLE "AuditEvent"`);
    await refused(`DROP TABLE "User" CASCADE`);
    await refused(`ALTER TABLE "Ballot" DROP CONSTRAINT "Ballot_voteId_delegationId_key"`);
    await refused(`ALTER TABLE "User" ADD COLUMN x int`);
    await refused(`TRUNCATE "Vote" CASCADE`);
    await refused(`CREATE TABLE public.sneaked_in (id int)`);
    await refused(`DROP SCHEMA public CASCADE`);
    await refused(`DROP FUNCTION concord_audit_chain() CASCADE`);
    await refused(`CREATE ROLE sneaky LOGIN`);
  });

  it("still reads and writes rows", async () => {
    const { rows } = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(0);
    await app.query(`INSERT INTO "Delegation" (id, code, status, "updatedAt") VALUES (gen_random_uuid(), 'QQ', 'MEMBER', now())`);
    await app.query(`UPDATE "Delegation" SET status = 'PARTNER' WHERE code = 'QQ'`);
    await app.query(`DELETE FROM "Delegation" WHERE code = 'QQ'`);
  });
});
