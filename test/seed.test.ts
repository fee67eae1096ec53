// The demo seed runs on an empty database, through the real services, and leaves
// every stage of the workflow with something to show.
import { describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../prisma/seed";
import { prisma } from "~/utils/db.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { recountVote } from "~/modules/vote/vote.server";

describe("demo seed", () => {
  it("seeds once, with proposals at every stage, votes and positions, and an intact audit chain", async () => {
    expect(await seedDemoIfEmpty()).toBe(true);
    expect(await seedDemoIfEmpty()).toBe(false);
    expect(await prisma.delegation.count({ where: { status: "MEMBER" } })).toBe(10);
    const statuses = (await prisma.proposal.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => g.status).sort();
    expect(statuses).toEqual(["ADOPTED", "CONSULTATION", "DRAFT", "REJECTED", "VOTING", "WITHDRAWN"]);
    const votes = await prisma.vote.findMany({ select: { id: true, rule: true, status: true, outcome: true } });
    expect(
      votes
        .filter((v) => v.status === "OPEN")
        .map((v) => v.rule)
        .sort(),
    ).toEqual(["SILENCE", "TWO_THIRDS"]);
    for (const v of votes.filter((x) => x.status === "CLOSED")) expect((await recountVote(v.id)).matches).toBe(true);
    expect(await prisma.ballot.count({ where: { reservations: { not: [] } } })).toBeGreaterThan(0);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
