// Votes against a real database: one current ballot per delegation under heavy
// concurrency, the deadline by the database clock, closing exactly once, the
// tally always equal to a recount.
import { describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { createProposal, getVersionText, saveVersion } from "~/modules/proposal/proposal.server";
import { checkReceipt, getVoteRecord, getVoteState } from "./record.server";
import { remindVote } from "./deadlines.server";
import { castBallot, closeDueVotes, closeVoteIfDue, openVote, recountVote } from "./vote.server";

type Actor = Awaited<ReturnType<typeof delegationActor>>;
const CODES = ["BR", "RU", "IN", "CN", "ZA", "EG", "ET", "IR", "AE", "ID"];
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

let heads: Actor[] = [];
async function setup(rule: "SIMPLE_MAJORITY" | "TWO_THIRDS" | "CONSENSUS" | "SILENCE" = "SIMPLE_MAJORITY", hours = 100) {
  if (heads.length === 0) heads = await Promise.all(CODES.map((c) => delegationActor(c, "HEAD")));
  const lead = await delegationActor("BR", "DELEGATE");
  const proposal = await createProposal({
    actor: lead,
    title: "Position on open models",
    originalLanguage: "en",
    topics: ["DIGITAL_CAPABILITY"],
    sections: [{ heading: "Text", body: "Open weights are a public good." }],
  });
  const chair = await actorFor(await createUser({ role: "SECRETARIAT" }));
  const vote = await openVote({ actor: chair, proposalId: proposal.id, rule, quorumPercent: 50, closesAt: inHours(hours) });
  return { lead, proposal, chair, vote };
}

describe("opening a vote", () => {
  it("freezes the version and records the eligible member delegations", async () => {
    const partner = await delegationActor("MY", "HEAD", "PARTNER");
    const { lead, proposal, vote } = await setup();
    expect(vote.eligibleCount).toBe(CODES.length);
    expect(await prisma.voteEligibility.count({ where: { voteId: vote.id, delegation: { code: "MY" } } })).toBe(0);
    await expect(saveVersion({ actor: lead, proposalId: proposal.id, baseVersion: 1, title: "T", changeNote: "n", sections: [{ heading: "H", body: "B" }] })).rejects.toMatchObject(
      { status: 403 },
    );
    // A partner head cannot vote; a later status change does not make it eligible.
    await prisma.delegation.update({ where: { id: partner.delegation!.id }, data: { status: "MEMBER" } });
    await expect(castBallot({ actor: partner, voteId: vote.id, choice: "YES" })).rejects.toMatchObject({ status: 403 });
    await prisma.delegation.update({ where: { id: partner.delegation!.id }, data: { status: "PARTNER" } });
  });

  it("gives the silence procedure at least 72 hours", async () => {
    await expect(setup("SILENCE", 48)).rejects.toMatchObject({ messageKey: "errors.deadlineTooSoon" });
  });
});

describe("casting", () => {
  it("keeps one current ballot per delegation under 200 concurrent submissions, every change in history", async () => {
    const { vote } = await setup();
    const choices = ["YES", "NO", "ABSTAIN"] as const;
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => castBallot({ actor: heads[i % heads.length]!, voteId: vote.id, choice: choices[i % 3]! })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.ballot.count({ where: { voteId: vote.id } })).toBe(CODES.length);
    expect(await prisma.ballotHistory.count({ where: { voteId: vote.id } })).toBe(200);
    // The current ballot of each delegation is its last in history.
    for (const head of heads) {
      const current = await prisma.ballot.findUniqueOrThrow({ where: { voteId_delegationId: { voteId: vote.id, delegationId: head.delegation!.id } } });
      const last = await prisma.ballotHistory.findFirstOrThrow({ where: { voteId: vote.id, delegationId: head.delegation!.id }, orderBy: { castAt: "desc" } });
      expect(current.receipt).toBe(last.receipt);
    }
  });

  it("takes 200 concurrent submissions from one delegation: one ballot, clean answers", async () => {
    const { vote } = await setup();
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => castBallot({ actor: heads[0]!, voteId: vote.id, choice: i % 2 ? "YES" : "NO" })));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await prisma.ballot.count({ where: { voteId: vote.id } })).toBe(1);
  });

  it("refuses ballots after the deadline, judged by the database clock", async () => {
    const { vote } = await setup();
    await prisma.vote.update({ where: { id: vote.id }, data: { closesAt: new Date(Date.now() - 1) } });
    await expect(castBallot({ actor: heads[1]!, voteId: vote.id, choice: "YES" })).rejects.toMatchObject({ status: 409, messageKey: "errors.voteClosed" });
    expect(await prisma.ballot.count({ where: { voteId: vote.id } })).toBe(0);
  });

  it("needs a head or alternate of an eligible member, recent authentication, a valid choice, and a reason to break silence", async () => {
    const { vote } = await setup("CONSENSUS");
    await expect(castBallot({ actor: await delegationActor("IN", "DELEGATE"), voteId: vote.id, choice: "YES" })).rejects.toMatchObject({ status: 403 });
    const stale = { ...heads[2]!, session: { ...heads[2]!.session, authenticatedAt: new Date(Date.now() - 3_600_000) } };
    await expect(castBallot({ actor: stale, voteId: vote.id, choice: "YES" })).rejects.toMatchObject({ messageKey: "errors.reauthenticate" });
    await expect(castBallot({ actor: heads[2]!, voteId: vote.id, choice: "NO" })).rejects.toMatchObject({ messageKey: "errors.choiceNotForRule" });
    const alternate = await actorFor(await createUser({ role: "ALTERNATE", delegationId: heads[3]!.delegation!.id }));
    await expect(castBallot({ actor: alternate, voteId: vote.id, choice: "OBJECT" })).resolves.toMatchObject({ receipt: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const silence = await setup("SILENCE");
    await expect(castBallot({ actor: heads[4]!, voteId: silence.vote.id, choice: "BREAK_SILENCE" })).rejects.toMatchObject({ messageKey: "errors.reasonRequired" });
  });

  it("hides results until the vote closes: only how many have voted", async () => {
    const { vote, proposal } = await setup();
    await castBallot({ actor: heads[0]!, voteId: vote.id, choice: "YES", explanation: "We support open weights." });
    const state = await getVoteState(proposal.id, heads[5]!);
    expect(state).toMatchObject({ voted: 1, outcome: null, tally: null, ownBallot: null });
    await expect(getVoteRecord(vote.id)).rejects.toMatchObject({ status: 404 });
    const own = await getVoteState(proposal.id, heads[0]!);
    expect(own?.ownBallot).toMatchObject({ choice: "YES", explanation: "We support open weights." });
  });
});

describe("closing", () => {
  it("closes exactly once with two concurrent closers; tally equals the recount; receipts check out", async () => {
    const { vote, proposal } = await setup("CONSENSUS");
    const sections = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections;
    const receipts: string[] = [];
    for (const [i, head] of heads.slice(0, 6).entries()) {
      const r = await castBallot({
        actor: head,
        voteId: vote.id,
        choice: i === 5 ? "ABSTAIN" : "YES",
        reservations: i === 1 ? [{ sectionKey: sections[0]!.key, text: "We read 'public good' as excluding military uses." }] : [],
      });
      receipts.push(r.receipt);
    }
    const changed = await castBallot({ actor: heads[0]!, voteId: vote.id, choice: "ABSTAIN" });
    await prisma.vote.update({ where: { id: vote.id }, data: { closesAt: new Date(Date.now() - 1) } });
    const closers = await Promise.all([closeVoteIfDue(vote.id), closeVoteIfDue(vote.id)]);
    expect(closers.filter(Boolean)).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { objectId: vote.id, act: "vote.closed" } })).toBe(1);
    const closed = await prisma.vote.findUniqueOrThrow({ where: { id: vote.id } });
    expect(closed).toMatchObject({ status: "CLOSED", outcome: "ADOPTED", tallyYes: 4, tallyAbstain: 2, tallyObject: 0 });
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("ADOPTED");
    expect((await recountVote(vote.id)).matches).toBe(true);
    const record = await getVoteRecord(vote.id);
    expect(record).toHaveLength(CODES.length);
    expect(record.find((r) => r.delegationCode === "RU")?.reservations).toHaveLength(1);
    expect(record.filter((r) => r.choice === null)).toHaveLength(4);
    expect(await checkReceipt(changed.receipt)).toMatchObject({ found: "counted", choice: "ABSTAIN" });
    expect(await checkReceipt(receipts[0]!)).toMatchObject({ found: "replaced" });
    expect(await checkReceipt("0".repeat(64))).toEqual({ found: "none" });
    await expect(castBallot({ actor: heads[7]!, voteId: vote.id, choice: "YES" })).rejects.toMatchObject({ messageKey: "errors.voteClosed" });
  });

  it("closes early when every member has voted, and on the sweep after a missed deadline", async () => {
    const early = await setup("SIMPLE_MAJORITY");
    for (const head of heads) await castBallot({ actor: head, voteId: early.vote.id, choice: "NO" });
    const late = await setup("TWO_THIRDS");
    await prisma.vote.update({ where: { id: late.vote.id }, data: { closesAt: new Date(Date.now() - 60_000) } });
    const closed = await closeDueVotes();
    expect(closed).toBeGreaterThanOrEqual(2);
    expect(await prisma.vote.findUniqueOrThrow({ where: { id: early.vote.id } })).toMatchObject({ status: "CLOSED", outcome: "REJECTED", tallyNo: 10 });
    expect(await prisma.vote.findUniqueOrThrow({ where: { id: late.vote.id } })).toMatchObject({ status: "CLOSED", outcome: "NO_QUORUM" });
    expect(await closeDueVotes()).toBe(0);
  });

  it("reminds the heads of delegations that have not voted, once per deadline", async () => {
    const { vote } = await setup("SIMPLE_MAJORITY", 30);
    await castBallot({ actor: heads[0]!, voteId: vote.id, choice: "YES" });
    const closesAt = vote.closesAt.toISOString();
    // Too early: the 24-hour reminder's time has not come.
    expect(await remindVote({ voteId: vote.id, closesAt, hours: 24 })).toBe(0);
    await prisma.vote.update({ where: { id: vote.id }, data: { openedAt: new Date(Date.now() - 10 * 3_600_000), closesAt: inHours(20) } });
    const moved = (await prisma.vote.findUniqueOrThrow({ where: { id: vote.id } })).closesAt.toISOString();
    // A job queued for the old deadline does nothing.
    expect(await remindVote({ voteId: vote.id, closesAt, hours: 24 })).toBe(0);
    const [first, second] = await Promise.all([remindVote({ voteId: vote.id, closesAt: moved, hours: 24 }), remindVote({ voteId: vote.id, closesAt: moved, hours: 24 })]);
    // One of the two concurrent runs sends, to every head (and alternate) of the nine delegations that have not voted.
    expect(Math.min(first, second)).toBe(0);
    expect(first + second).toBeGreaterThanOrEqual(CODES.length - 1);
    expect(await prisma.notification.count({ where: { kind: "vote.reminder", proposalId: vote.proposalId } })).toBe(first + second);
    expect(await prisma.notification.count({ where: { kind: "vote.reminder", userId: heads[0]!.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { kind: "vote.reminder", userId: heads[1]!.id } })).toBe(1);
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
