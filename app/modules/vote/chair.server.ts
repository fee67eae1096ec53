// The chair's controls over an open vote: extending its deadline (never
// shortening it) — recorded in the audit log and told to those concerned.
// Closing early is closeVoteEarly in vote.server.ts.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { VOTE_MAX_DAYS } from "./constants";
import { noticeVoteExtended, scheduleVoteDeadline } from "./deadlines.server";

export async function extendVote({ actor, voteId, closesAt }: { actor: CurrentUser; voteId: string; closesAt: Date }) {
  if (!can(actor, "chairVote")) throw forbidden();
  if (Number.isNaN(closesAt.getTime())) throw new DomainError(400, "notifications:errors.deadlineNotLater");
  return prisma.$transaction(async (tx) => {
    const vote = await tx.vote.findUnique({ where: { id: voteId }, select: { id: true, proposalId: true, openedAt: true, closesAt: true } });
    if (!vote) throw notFound();
    if (closesAt.getTime() > vote.openedAt.getTime() + VOTE_MAX_DAYS * 86_400_000) {
      throw new DomainError(400, "errors.deadlineTooLate", { count: VOTE_MAX_DAYS });
    }
    // Later than the current deadline, and only while the vote is open (database clock): a deadline never shortens.
    const moved = await tx.$queryRaw<{ previous: Date }[]>`
      UPDATE "Vote" v SET "closesAt" = ${closesAt}, "originalClosesAt" = COALESCE(v."originalClosesAt", v."closesAt")
      FROM (SELECT id, "closesAt" AS previous FROM "Vote" WHERE id = ${voteId}::uuid FOR UPDATE) old
      WHERE v.id = old.id AND v.status = 'OPEN' AND v."closesAt" > now() AND v."closesAt" < ${closesAt}
      RETURNING old.previous`;
    const previous = moved[0]?.previous;
    if (!previous) {
      const open = await tx.vote.count({ where: { id: voteId, status: "OPEN", closesAt: { gt: new Date() } } });
      throw new DomainError(open ? 400 : 409, open ? "notifications:errors.deadlineNotLater" : "errors.voteClosed");
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "vote.extended",
      objectType: "vote",
      objectId: voteId,
      data: { proposalId: vote.proposalId, from: previous.toISOString(), to: closesAt.toISOString() },
    });
    const updated = { id: voteId, proposalId: vote.proposalId, closesAt };
    await noticeVoteExtended(tx, { vote: updated, actorId: actor.id, previous });
    await scheduleVoteDeadline(tx, updated);
    return { previous, closesAt };
  });
}
