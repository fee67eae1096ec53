// The chair's controls: extending (never shortening) a deadline, closing early
// once every delegation able to vote has voted (naming those that could not),
// asking before a running consultation ends, the one-hour minimum.
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, delegationActor } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { createProposal, openOrExtendConsultation } from "~/modules/proposal/proposal.server";
import { getVoteRecord, getVoteState } from "./record.server";
import { extendVote } from "./chair.server";
import { castBallot, closeVoteEarly, openVote } from "./vote.server";

type Actor = Awaited<ReturnType<typeof delegationActor>>;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);
let heads: Actor[];
let chair: Actor;
let lead: Actor;

beforeAll(async () => {
  heads = await Promise.all(["BR", "IN", "CN"].map((c) => delegationActor(c, "HEAD")));
  // A member state with no accounts at all (the UAE in the demo), and one whose only head is disabled.
  await createDelegation({ code: "AE" });
  const eg = await delegationActor("EG", "HEAD");
  await prisma.user.update({ where: { id: eg.id }, data: { disabledAt: new Date() } });
  chair = await actorFor(await createUser({ role: "SECRETARIAT" }));
  lead = await delegationActor("BR", "DELEGATE");
});

async function openOne(rule: "SIMPLE_MAJORITY" | "SILENCE" = "SIMPLE_MAJORITY", hours = 100) {
  const p = await createProposal({ actor: lead, title: `Text ${Math.random()}`, originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
  return openVote({ actor: chair, proposalId: p.id, rule, quorumPercent: 50, closesAt: inHours(hours) });
}

describe("extending a deadline", () => {
  it("only later, only by the chair; recorded, told and rescheduled", async () => {
    const vote = await openOne();
    await expect(extendVote({ actor: chair, voteId: vote.id, closesAt: inHours(50) })).rejects.toMatchObject({ status: 400, messageKey: "notifications:errors.deadlineNotLater" });
    await expect(extendVote({ actor: heads[0]!, voteId: vote.id, closesAt: inHours(200) })).rejects.toMatchObject({ status: 403 });
    const later = inHours(150);
    await extendVote({ actor: chair, voteId: vote.id, closesAt: later });
    const row = await prisma.vote.findUniqueOrThrow({ where: { id: vote.id } });
    expect(row.closesAt.toISOString()).toBe(later.toISOString());
    expect(row.originalClosesAt?.toISOString()).toBe(vote.closesAt.toISOString());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: vote.id, act: "vote.extended" } });
    expect(audit.data).toMatchObject({ from: vote.closesAt.toISOString(), to: later.toISOString() });
    expect(await prisma.notification.count({ where: { kind: "vote.extended", proposalId: vote.proposalId } })).toBeGreaterThanOrEqual(heads.length);
    const jobs = await prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'vote-close' AND data->>'voteId' = ${vote.id} AND start_after = ${later}`;
    expect(jobs[0]!.n).toBe(1);
    expect((await getVoteState(vote.proposalId, heads[0]!))?.originalClosesAt?.toISOString()).toBe(vote.closesAt.toISOString());
  });
});

describe("closing early", () => {
  it("once every delegation able to vote has; the record names those that could not and why", async () => {
    const vote = await openOne();
    await castBallot({ actor: heads[0]!, voteId: vote.id, choice: "YES" });
    await expect(closeVoteEarly({ actor: heads[0]!, voteId: vote.id })).rejects.toMatchObject({ status: 403 });
    await expect(closeVoteEarly({ actor: chair, voteId: vote.id })).rejects.toMatchObject({
      status: 409,
      messageKey: "notifications:errors.notEveryoneVoted",
      values: { count: 2 },
    });
    await castBallot({ actor: heads[1]!, voteId: vote.id, choice: "YES" });
    await castBallot({ actor: heads[2]!, voteId: vote.id, choice: "NO" });
    await closeVoteEarly({ actor: chair, voteId: vote.id });
    const closed = await prisma.vote.findUniqueOrThrow({ where: { id: vote.id } });
    expect(closed).toMatchObject({ status: "CLOSED", closedEarly: true, outcome: "ADOPTED" });
    expect(closed.unableToVote).toEqual([
      { delegationId: expect.any(String), code: "AE", reason: "NO_HEAD_OR_ALTERNATE" },
      { delegationId: expect.any(String), code: "EG", reason: "NO_HEAD_OR_ALTERNATE" },
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: vote.id, act: "vote.closed" } });
    expect(audit.actorId).toBe(chair.id);
    expect(audit.data).toMatchObject({ closedEarly: true, unableToVote: [{ code: "AE" }, { code: "EG" }] });
    expect(
      (await getVoteRecord(vote.id))
        .filter((r) => r.choice === null)
        .map((r) => r.delegationCode)
        .sort(),
    ).toEqual(["AE", "EG"]);
    await expect(closeVoteEarly({ actor: chair, voteId: vote.id })).rejects.toMatchObject({ status: 409 });
  });

  it("never for a silence procedure: silence runs its window", async () => {
    const vote = await openOne("SILENCE", 80);
    await expect(closeVoteEarly({ actor: chair, voteId: vote.id })).rejects.toMatchObject({ messageKey: "notifications:errors.silenceRunsItsWindow" });
  });
});

describe("opening", () => {
  it("asks explicitly before ending a running consultation, and records that it did", async () => {
    const p = await createProposal({ actor: lead, title: "Under consultation", originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
    await openOrExtendConsultation({ actor: lead, proposalId: p.id, until: inHours(24 * 5), extend: false });
    await expect(openVote({ actor: chair, proposalId: p.id, rule: "CONSENSUS", quorumPercent: 50, closesAt: inHours(48) })).rejects.toMatchObject({
      status: 409,
      messageKey: "notifications:errors.consultationRunning",
    });
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("CONSULTATION");
    const vote = await openVote({ actor: chair, proposalId: p.id, rule: "CONSENSUS", quorumPercent: 50, closesAt: inHours(48), endConsultation: true });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: vote.id, act: "vote.opened" } });
    expect(audit.data).toMatchObject({ consultationEnded: expect.any(String) });
  });

  it("keeps the shortest deadline at one hour", async () => {
    const p = await createProposal({ actor: lead, title: "Short", originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
    await expect(openVote({ actor: chair, proposalId: p.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: inHours(0.9) })).rejects.toMatchObject({
      messageKey: "errors.deadlineTooSoon",
    });
    await expect(openVote({ actor: chair, proposalId: p.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: inHours(1.05) })).resolves.toMatchObject({ status: "OPEN" });
  });
});
