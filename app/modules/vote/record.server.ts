// What the pages show of votes: the state of an open vote (how many have
// voted, never how), the full record after closing, receipts. Adopted texts
// are positions: app/modules/position.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import type { Reservation } from "./vote.server";

/** The proposal's latest vote as a reader may see it now. */
export async function getVoteState(proposalId: string, viewer: CurrentUser) {
  const vote = await prisma.vote.findFirst({
    where: { proposalId },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      rule: true,
      quorumPercent: true,
      versionNumber: true,
      openedAt: true,
      closesAt: true,
      status: true,
      closedAt: true,
      outcome: true,
      eligibleCount: true,
      tallyYes: true,
      tallyNo: true,
      tallyAbstain: true,
      tallyObject: true,
      tallyBreak: true,
      closedEarly: true,
      unableToVote: true,
      originalClosesAt: true,
      _count: { select: { ballots: true } },
    },
  });
  if (!vote) return null;
  const delegationId = viewer.delegation?.id;
  const [eligible, own] = delegationId
    ? await Promise.all([
        prisma.voteEligibility.findUnique({ where: { voteId_delegationId: { voteId: vote.id, delegationId } }, select: { voteId: true } }),
        prisma.ballot.findUnique({
          where: { voteId_delegationId: { voteId: vote.id, delegationId } },
          select: { choice: true, explanation: true, reservations: true, receipt: true, castAt: true, castBy: { select: { name: true } } },
        }),
      ])
    : [null, null];
  const closed = vote.status === "CLOSED";
  return {
    id: vote.id,
    rule: vote.rule,
    quorumPercent: vote.quorumPercent,
    versionNumber: vote.versionNumber,
    openedAt: vote.openedAt,
    closesAt: vote.closesAt,
    status: vote.status,
    closedAt: vote.closedAt,
    eligibleCount: vote.eligibleCount,
    voted: vote._count.ballots,
    closedEarly: vote.closedEarly,
    originalClosesAt: vote.originalClosesAt,
    // Eligible delegations that could not vote and why (recorded at close).
    unableToVote: closed ? (vote.unableToVote as { code: string; reason: string }[]) : [],
    // Results stay hidden until the vote closes.
    outcome: closed ? vote.outcome : null,
    tally: closed ? { yes: vote.tallyYes, no: vote.tallyNo, abstain: vote.tallyAbstain, object: vote.tallyObject, breakSilence: vote.tallyBreak } : null,
    ownDelegationEligible: Boolean(eligible),
    ownBallot: own ? { ...own, reservations: own.reservations as Reservation[] } : null,
  };
}

/** Each eligible delegation's recorded vote, explanation and reservations — only once closed. */
export async function getVoteRecord(voteId: string) {
  const vote = await prisma.vote.findUnique({ where: { id: voteId }, select: { status: true } });
  if (!vote || vote.status !== "CLOSED") throw notFound();
  const [eligibility, ballots] = await Promise.all([
    prisma.voteEligibility.findMany({ where: { voteId }, select: { delegation: { select: { id: true, code: true } } } }),
    prisma.ballot.findMany({
      where: { voteId },
      select: { delegationId: true, choice: true, explanation: true, reservations: true, receipt: true, castAt: true },
    }),
  ]);
  return eligibility.map(({ delegation }) => {
    const ballot = ballots.find((b) => b.delegationId === delegation.id);
    return {
      delegationCode: delegation.code,
      choice: ballot?.choice ?? null,
      explanation: ballot?.explanation ?? null,
      reservations: (ballot?.reservations ?? []) as Reservation[],
      receipt: ballot?.receipt ?? null,
      castAt: ballot?.castAt ?? null,
    };
  });
}

/** Looks a receipt up in the published record (closed votes only). */
export async function checkReceipt(receipt: string) {
  const current = await prisma.ballot.findUnique({
    where: { receipt },
    select: { choice: true, castAt: true, delegation: { select: { code: true } }, vote: { select: { status: true, proposal: { select: { slug: true } } } } },
  });
  if (current) {
    if (current.vote.status !== "CLOSED") return { found: "pending" as const };
    return { found: "counted" as const, delegationCode: current.delegation.code, choice: current.choice, castAt: current.castAt, slug: current.vote.proposal.slug };
  }
  const replaced = await prisma.ballotHistory.findFirst({ where: { receipt }, select: { castAt: true, vote: { select: { status: true } } } });
  if (replaced && replaced.vote.status === "CLOSED") return { found: "replaced" as const, castAt: replaced.castAt };
  return { found: "none" as const };
}
