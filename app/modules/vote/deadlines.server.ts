// What happens around a vote's deadline: the notices of opening, closing and
// reminders, and the jobs that close the vote and send reminders at their
// time (app/modules/jobs). Jobs are sent in the transaction of the act; a
// job for a deadline that has since moved finds nothing to do.
import type { VoteOutcome } from "~/generated/prisma/enums";
import { prisma, type Transaction } from "~/utils/db.server";
import { sendJob } from "~/modules/jobs/boss.server";
import { QUEUES } from "~/modules/jobs/queues";
import { claimNotice, notifyEvent, type Recipients } from "~/modules/notification/events.server";
import { REMINDER_WINDOWS_HOURS } from "./constants";

type VoteRef = { id: string; proposalId: string };

/** Everyone who hears of a vote: heads and alternates of eligible delegations, the drafters, the proposal's followers. */
const audience = (vote: VoteRef): Recipients[] => [{ voters: vote.id }, { drafters: vote.proposalId }, { followers: "PROPOSAL", id: vote.proposalId }];

export async function noticeVoteOpened(tx: Transaction, { vote, actorId }: { vote: VoteRef & { closesAt: Date }; actorId: string }) {
  await notifyEvent(tx, {
    kind: "vote.opened",
    actorId,
    object: { type: "proposal", id: vote.proposalId },
    proposalId: vote.proposalId,
    data: { voteId: vote.id, closesAt: vote.closesAt.toISOString() },
    to: audience(vote),
    membersOnly: true,
  });
}

export async function noticeVoteExtended(tx: Transaction, { vote, actorId, previous }: { vote: VoteRef & { closesAt: Date }; actorId: string; previous: Date }) {
  await notifyEvent(tx, {
    kind: "vote.extended",
    actorId,
    object: { type: "proposal", id: vote.proposalId },
    proposalId: vote.proposalId,
    data: { voteId: vote.id, closesAt: vote.closesAt.toISOString(), previous: previous.toISOString() },
    to: audience(vote),
    membersOnly: true,
  });
}

export async function noticeVoteClosed(tx: Transaction, { vote, outcome, actorId }: { vote: VoteRef; outcome: VoteOutcome; actorId: string | null }) {
  await notifyEvent(tx, {
    kind: "vote.closed",
    actorId,
    object: { type: "proposal", id: vote.proposalId },
    proposalId: vote.proposalId,
    data: { voteId: vote.id, outcome },
    to: audience(vote),
    membersOnly: true,
  });
  if (outcome !== "ADOPTED") return;
  // A new position: those who follow its DSI topics hear of it too (positions are public).
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: vote.proposalId }, select: { topics: true } });
  await notifyEvent(tx, {
    kind: "position.adopted",
    actorId,
    object: { type: "proposal", id: vote.proposalId },
    proposalId: vote.proposalId,
    to: [{ dimensionFollowers: proposal.topics }],
    except: audience(vote),
  });
}

/** Queues the close at the deadline and the reminders whose time is still ahead. */
export async function scheduleVoteDeadline(tx: Transaction, vote: { id: string; closesAt: Date }) {
  const closesAt = vote.closesAt.toISOString();
  await sendJob(tx, QUEUES.voteClose.name, { voteId: vote.id, closesAt }, { startAfter: vote.closesAt, singletonKey: vote.id });
  for (const hours of REMINDER_WINDOWS_HOURS) {
    const at = new Date(vote.closesAt.getTime() - hours * 3_600_000);
    if (at.getTime() > Date.now()) {
      await sendJob(tx, QUEUES.voteRemind.name, { voteId: vote.id, closesAt, hours }, { startAfter: at, singletonKey: vote.id });
    }
  }
}

export type UnableToVote = { delegationId: string; code: string; reason: "NO_HEAD_OR_ALTERNATE" };

/** Eligible delegations that have not voted and cannot: no active head or alternate account. */
export async function unableToVote(tx: Transaction, voteId: string): Promise<UnableToVote[]> {
  const rows = await tx.$queryRaw<{ delegationId: string; code: string }[]>`
    SELECT e."delegationId", d.code FROM "VoteEligibility" e JOIN "Delegation" d ON d.id = e."delegationId"
    WHERE e."voteId" = ${voteId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."voteId" = e."voteId" AND b."delegationId" = e."delegationId")
      AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."delegationId" = e."delegationId" AND u.role IN ('HEAD', 'ALTERNATE') AND u."disabledAt" IS NULL)
    ORDER BY d.code`;
  return rows.map((r) => ({ ...r, reason: "NO_HEAD_OR_ALTERNATE" as const }));
}

/**
 * Reminds the heads and alternates of delegations that have not voted, `hours`
 * before the deadline — once per deadline, whichever job or server runs it;
 * not if the deadline has moved since the job was queued, nor if the vote
 * opened after the reminder's time (the opening notice said it all).
 */
export async function remindVote({ voteId, closesAt, hours }: { voteId: string; closesAt: string; hours: number }): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const vote = await tx.vote.findUnique({ where: { id: voteId }, select: { id: true, proposalId: true, status: true, closesAt: true, openedAt: true } });
    if (!vote || vote.status !== "OPEN" || vote.closesAt.toISOString() !== closesAt) return 0;
    const at = vote.closesAt.getTime() - hours * 3_600_000;
    if (at > Date.now() || vote.closesAt.getTime() <= Date.now() || vote.openedAt.getTime() > at) return 0;
    if (!(await claimNotice(tx, `vote-reminder:${voteId}:${hours}:${closesAt}`))) return 0;
    if (hours === Math.max(...REMINDER_WINDOWS_HOURS)) await tx.vote.update({ where: { id: voteId }, data: { remindedAt: new Date() } });
    const { notices } = await notifyEvent(tx, {
      kind: "vote.reminder",
      object: { type: "proposal", id: vote.proposalId },
      proposalId: vote.proposalId,
      data: { voteId, closesAt, hours },
      to: [{ voters: voteId, notVotedOnly: true }],
      membersOnly: true,
    });
    return notices;
  });
}
