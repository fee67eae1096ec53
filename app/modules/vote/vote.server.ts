// Votes on a frozen version: opened by the chair (secretariat) or the lead,
// one current ballot per member delegation (the database enforces it), the
// deadline judged by the database clock, closed exactly once.
import { randomBytes } from "node:crypto";
import type { BallotChoice, VoteRule } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { hasRecentAuthentication } from "~/utils/auth.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { DomainError, FieldError, forbidden, notFound, ReauthenticationRequired } from "~/utils/errors";
import { logger } from "~/utils/logger.server";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { isLeadDrafter } from "~/modules/proposal/permissions";
import { loadAccess, originalSections } from "~/modules/proposal/proposal.server";
import { CHOICES_BY_RULE, SILENCE_MIN_HOURS, VOTE_MAX_DAYS, VOTE_MIN_HOURS } from "./constants";
import { noticeVoteClosed, noticeVoteOpened, scheduleVoteDeadline, unableToVote } from "./deadlines.server";
import { mayCloseEarly, outcomeOf, tallyOf, type Tally } from "./rules";

export type Reservation = { sectionKey: string; text: string };

/** The head of a member delegation (or an alternate) casts its ballot in an open vote it is eligible for. */
export function mayCastBallot(user: CurrentUser, vote: { status: string; ownDelegationEligible: boolean } | null): boolean {
  return Boolean(vote && vote.status === "OPEN" && vote.ownDelegationEligible && can(user, "castBallot"));
}

/** The chair (secretariat) or the lead delegation opens votes. */
export function mayOpenVote(user: CurrentUser, access: { leadDelegationId: string; coDrafterDelegationIds: string[]; status: string }) {
  return ["DRAFT", "CONSULTATION"].includes(access.status) && (can(user, "chairVote") || isLeadDrafter(user, access));
}

export async function openVote({
  actor,
  proposalId,
  rule,
  quorumPercent,
  closesAt,
  endConsultation = false,
}: {
  actor: CurrentUser;
  proposalId: string;
  rule: VoteRule;
  quorumPercent: number;
  closesAt: Date;
  /** A consultation still running ends only when the opener says so explicitly. */
  endConsultation?: boolean;
}) {
  const minHours = rule === "SILENCE" ? SILENCE_MIN_HOURS : VOTE_MIN_HOURS;
  if (closesAt.getTime() < Date.now() + minHours * 3_600_000) throw new FieldError(400, { closesAt: "errors.deadlineTooSoon" }, { count: minHours });
  if (closesAt.getTime() > Date.now() + VOTE_MAX_DAYS * 86_400_000) throw new FieldError(400, { closesAt: "errors.deadlineTooLate" }, { count: VOTE_MAX_DAYS });
  return prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayOpenVote(actor, access)) throw forbidden();
    const consultation = await consultationRunning(tx, proposalId);
    if (consultation && !endConsultation) {
      throw new FieldError(409, { endConsultation: "notifications:errors.consultationRunning" }, { until: consultation.toISOString() });
    }
    // Freezes the text: only drafts and consultations can be edited, and this moves it to VOTING.
    const moved = await tx.proposal.updateMany({
      where: { id: proposalId, status: { in: ["DRAFT", "CONSULTATION"] }, currentVersion: access.currentVersion },
      data: { status: "VOTING", lastActivityAt: new Date() },
    });
    if (moved.count !== 1) throw new DomainError(409, "errors.wrongStage");
    const members = await tx.delegation.findMany({ where: { status: "MEMBER" }, select: { id: true } });
    const vote = await tx.vote.create({
      data: {
        proposalId,
        versionNumber: access.currentVersion,
        rule,
        quorumPercent: rule === "SILENCE" ? 0 : quorumPercent,
        openedById: actor.id,
        closesAt,
        eligibleCount: members.length,
        eligibility: { create: members.map((m) => ({ delegationId: m.id })) },
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "vote.opened",
      objectType: "vote",
      objectId: vote.id,
      data: {
        proposalId,
        version: access.currentVersion,
        rule,
        quorumPercent: vote.quorumPercent,
        closesAt: closesAt.toISOString(),
        eligible: members.length,
        ...(consultation ? { consultationEnded: consultation.toISOString() } : {}),
      },
    });
    await noticeVoteOpened(tx, { vote, actorId: actor.id });
    await scheduleVoteDeadline(tx, vote);
    return vote;
  });
}

/** When the running consultation of the proposal would have ended (null when none is running), by the database clock. */
async function consultationRunning(tx: Transaction, proposalId: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ endsAt: Date }[]>`
    SELECT "consultationEndsAt" AS "endsAt" FROM "Proposal"
    WHERE id = ${proposalId}::uuid AND status = 'CONSULTATION' AND "consultationEndsAt" > now()`;
  return rows[0]?.endsAt ?? null;
}

type CastRow = { id: string; receipt: string; castAt: Date };

/**
 * Records the delegation's ballot. One statement decides everything that must
 * be atomic: the vote is open (status and deadline by the database clock, with
 * the vote row share-locked so a closer waits), the delegation is eligible, and
 * the ballot replaces the previous one (unique per vote and delegation).
 */
export async function castBallot({
  actor,
  voteId,
  choice,
  explanation,
  reservations = [],
}: {
  actor: CurrentUser;
  voteId: string;
  choice: BallotChoice;
  explanation?: string;
  reservations?: Reservation[];
}) {
  if (!can(actor, "castBallot") || !actor.delegation) throw forbidden();
  if (!hasRecentAuthentication(actor)) throw new ReauthenticationRequired();
  const delegationId = actor.delegation.id;
  const vote = await prisma.vote.findUnique({ where: { id: voteId }, select: { rule: true, proposalId: true, versionNumber: true } });
  if (!vote) throw notFound();
  if (!(CHOICES_BY_RULE[vote.rule] as readonly string[]).includes(choice)) throw new DomainError(400, "errors.choiceNotForRule");
  if (choice === "BREAK_SILENCE" && !explanation) throw new FieldError(400, { explanation: "errors.reasonRequired" });
  if (reservations.length) {
    const text = await originalSections(prisma, vote.proposalId, vote.versionNumber);
    const keys = new Set(text.sections.map((s) => s.key));
    if (reservations.some((r) => !keys.has(r.sectionKey))) throw new DomainError(400, "errors.unknownSection");
  }
  const nonce = randomBytes(16).toString("hex");
  const reservationsJson = JSON.stringify(reservations);
  const id = crypto.randomUUID();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<CastRow[]>`
      WITH open_vote AS (
        SELECT v.id FROM "Vote" v
        WHERE v.id = ${voteId}::uuid AND v.status = 'OPEN' AND v."closesAt" > now()
          AND EXISTS (SELECT 1 FROM "VoteEligibility" e WHERE e."voteId" = v.id AND e."delegationId" = ${delegationId}::uuid)
        FOR SHARE OF v
      ), stamp AS (SELECT clock_timestamp() AS at)
      INSERT INTO "Ballot" (id, "voteId", "delegationId", choice, explanation, reservations, "castById", "castAt", nonce, receipt)
      SELECT ${id}::uuid, open_vote.id, ${delegationId}::uuid, ${choice}::"BallotChoice", ${explanation ?? null}::text, ${reservationsJson}::jsonb,
             ${actor.id}::uuid, stamp.at, ${nonce}::text,
             encode(sha256(convert_to(concat_ws('|', open_vote.id::text, ${delegationId}::text, ${choice}::text,
               to_char(stamp.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ${nonce}::text), 'UTF8')), 'hex')
      FROM open_vote, stamp
      ON CONFLICT ("voteId", "delegationId") DO UPDATE SET
        choice = EXCLUDED.choice, explanation = EXCLUDED.explanation, reservations = EXCLUDED.reservations,
        "castById" = EXCLUDED."castById", "castAt" = EXCLUDED."castAt", nonce = EXCLUDED.nonce, receipt = EXCLUDED.receipt
      RETURNING id, receipt, "castAt"`;
    const ballot = rows[0];
    if (!ballot) {
      const eligible = await tx.voteEligibility.findUnique({ where: { voteId_delegationId: { voteId, delegationId } }, select: { voteId: true } });
      throw new DomainError(eligible ? 409 : 403, eligible ? "errors.voteClosed" : "errors.notEligible");
    }
    await tx.ballotHistory.create({
      data: {
        voteId,
        delegationId,
        choice,
        explanation: explanation ?? null,
        reservations,
        castById: actor.id,
        castAt: ballot.castAt,
        receipt: ballot.receipt,
      },
    });
    // The choice stays out of the audit data until the vote closes; the receipt binds it.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId,
      act: "ballot.cast",
      objectType: "vote",
      objectId: voteId,
      data: { receipt: ballot.receipt },
    });
    return { receipt: ballot.receipt, castAt: ballot.castAt };
  });
}

const tallyColumns = (t: Tally) => ({ tallyYes: t.yes, tallyNo: t.no, tallyAbstain: t.abstain, tallyObject: t.object, tallyBreak: t.breakSilence });

type CloseOptions = {
  /** The chair closing before the deadline: allowed once every delegation able to vote has voted. */
  early?: { actorId: string; delegationId?: string };
};

/**
 * Closes a vote that is due (deadline passed, or everyone voted where that is
 * final), or that the chair closes early. Exactly once: the row is locked, and
 * only an OPEN vote changes. The record names the eligible delegations that
 * could not vote and why. Returns whether this call closed it.
 */
export async function closeVoteIfDue(voteId: string, { early }: CloseOptions = {}): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; due: boolean }[]>`
      SELECT id, ("closesAt" <= now()) AS due FROM "Vote" WHERE id = ${voteId}::uuid AND status = 'OPEN' FOR UPDATE`;
    const row = locked[0];
    if (!row) {
      if (early) throw new DomainError(409, "errors.voteClosed");
      return false;
    }
    const vote = await tx.vote.findUniqueOrThrow({ where: { id: voteId } });
    const ballots = await tx.ballot.findMany({ where: { voteId }, select: { choice: true, delegationId: true } });
    const unable = await unableToVote(tx, voteId);
    if (early) {
      if (vote.rule === "SILENCE") throw new DomainError(409, "notifications:errors.silenceRunsItsWindow");
      // Every eligible delegation with a head or alternate account has voted.
      const voted = new Set(ballots.map((b) => b.delegationId));
      const waiting = await tx.voteEligibility.count({
        where: { voteId, delegationId: { notIn: [...voted, ...unable.map((u) => u.delegationId)] } },
      });
      if (waiting > 0) throw new DomainError(409, "notifications:errors.notEveryoneVoted", { count: waiting });
    } else if (!row.due && !mayCloseEarly(vote.rule, vote.eligibleCount, ballots.length)) {
      return false;
    }
    const tally = tallyOf(ballots.map((b) => b.choice));
    const outcome = outcomeOf({ rule: vote.rule, tally, eligible: vote.eligibleCount, quorumPercent: vote.quorumPercent });
    await tx.vote.update({
      where: { id: voteId },
      data: { status: "CLOSED", closedAt: new Date(), outcome, closedEarly: Boolean(early), unableToVote: unable, ...tallyColumns(tally) },
    });
    await tx.proposal.update({
      where: { id: vote.proposalId },
      data: { status: outcome === "ADOPTED" ? "ADOPTED" : "REJECTED", lastActivityAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: early?.actorId ?? null,
      delegationId: early?.delegationId ?? null,
      act: "vote.closed",
      objectType: "vote",
      objectId: voteId,
      data: {
        proposalId: vote.proposalId,
        outcome,
        tally,
        eligible: vote.eligibleCount,
        participated: ballots.length,
        closedEarly: Boolean(early),
        unableToVote: unable.map((u) => ({ code: u.code, reason: u.reason })),
      },
    });
    await noticeVoteClosed(tx, { vote: { id: voteId, proposalId: vote.proposalId }, outcome, actorId: early?.actorId ?? null });
    return true;
  });
}

/** The chair closes a vote before its deadline: every eligible delegation able to vote has voted. */
export async function closeVoteEarly({ actor, voteId }: { actor: CurrentUser; voteId: string }) {
  if (!can(actor, "chairVote")) throw forbidden();
  await closeVoteIfDue(voteId, { early: { actorId: actor.id, delegationId: actor.delegation?.id } });
}

/**
 * Closes votes that are due and that no deadline job closed (a safety net run
 * every minute, and what catches up after every server was down).
 */
export async function closeDueVotes(): Promise<number> {
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT v.id FROM "Vote" v
    WHERE v.status = 'OPEN' AND (v."closesAt" <= now()
      OR (v.rule <> 'SILENCE' AND (SELECT count(*) FROM "Ballot" b WHERE b."voteId" = v.id) >= v."eligibleCount" AND v."eligibleCount" > 0))`;
  let closed = 0;
  for (const { id } of due) if (await closeVoteIfDue(id)) closed++;
  if (closed) logger.info({ closed }, "due votes closed");
  return closed;
}

export async function recountVote(voteId: string) {
  const vote = await prisma.vote.findUnique({ where: { id: voteId } });
  if (!vote) throw notFound();
  const ballots = await prisma.ballot.findMany({ where: { voteId }, select: { choice: true } });
  const recount = tallyOf(ballots.map((b) => b.choice));
  const stored: Tally = { yes: vote.tallyYes, no: vote.tallyNo, abstain: vote.tallyAbstain, object: vote.tallyObject, breakSilence: vote.tallyBreak };
  const outcome = outcomeOf({ rule: vote.rule, tally: recount, eligible: vote.eligibleCount, quorumPercent: vote.quorumPercent });
  const matches = vote.status === "OPEN" || (JSON.stringify(stored) === JSON.stringify(recount) && outcome === vote.outcome);
  return { vote, stored, recount, outcome, matches };
}
