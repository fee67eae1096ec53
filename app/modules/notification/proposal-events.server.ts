// Notices of drafting acts on a proposal. Each function is the one call a
// proposal, comment, amendment, bracket or sponsor service makes inside its
// own transaction, so those services stay unaware of who hears of what.
import type { CurrentUser } from "~/utils/auth.server";
import type { Transaction } from "~/utils/db.server";
import { notifyEvent } from "./events.server";
import { noticeConsultation } from "./consultation.server";

const onProposal = (proposalId: string) => ({ object: { type: "proposal" as const, id: proposalId }, proposalId, membersOnly: true });

/** A comment: its parent's author hears of the reply; the drafting delegations of the text, of the comment (digest by default). */
export async function noticeComment(
  tx: Transaction,
  { actor, proposalId, sectionKey, commentId, parentId }: { actor: CurrentUser; proposalId: string; sectionKey: string; commentId: string; parentId?: string | null },
) {
  const data = { sectionKey, commentId, name: actor.name };
  const parent = parentId ? await tx.comment.findUnique({ where: { id: parentId }, select: { authorId: true } }) : null;
  if (parent) await notifyEvent(tx, { kind: "comment.reply", actorId: actor.id, ...onProposal(proposalId), data, to: [{ users: [parent.authorId] }] });
  await notifyEvent(tx, {
    kind: "comment.onText",
    actorId: actor.id,
    ...onProposal(proposalId),
    data,
    to: [{ drafters: proposalId }],
    except: parent ? [{ users: [parent.authorId] }] : [],
  });
}

export async function noticeAmendmentProposed(tx: Transaction, { actor, proposalId, sectionKey }: { actor: CurrentUser; proposalId: string; sectionKey: string }) {
  await notifyEvent(tx, {
    kind: "amendment.proposed",
    actorId: actor.id,
    ...onProposal(proposalId),
    data: { sectionKey, delegation: actor.delegation?.code ?? null },
    to: [{ drafters: proposalId }],
  });
}

/** The decision goes to whoever proposed the amendment. */
export async function noticeAmendmentDecided(tx: Transaction, { actor, amendmentId, accepted }: { actor: CurrentUser; amendmentId: string; accepted: boolean }) {
  const a = await tx.amendment.findUniqueOrThrow({ where: { id: amendmentId }, select: { proposalId: true, authorId: true, sectionKey: true } });
  await notifyEvent(tx, {
    kind: accepted ? "amendment.accepted" : "amendment.rejected",
    actorId: actor.id,
    ...onProposal(a.proposalId),
    data: { sectionKey: a.sectionKey },
    to: [{ users: [a.authorId] }],
  });
}

/** A bracket placed or resolved: the drafting delegations of the text and the delegation holding it. */
export async function noticeBracket(tx: Transaction, { actor, bracketId, resolution }: { actor: CurrentUser; bracketId: string; resolution?: string }) {
  const b = await tx.bracket.findUniqueOrThrow({
    where: { id: bracketId },
    select: { proposalId: true, sectionKey: true, holderDelegationId: true, holderDelegation: { select: { code: true } } },
  });
  await notifyEvent(tx, {
    kind: resolution ? "bracket.resolved" : "bracket.opened",
    actorId: actor.id,
    ...onProposal(b.proposalId),
    data: { sectionKey: b.sectionKey, delegation: b.holderDelegation.code, resolution: resolution ?? null },
    to: [{ drafters: b.proposalId }, { delegations: [b.holderDelegationId], roles: ["HEAD", "ALTERNATE", "DELEGATE"] }],
  });
}

export async function noticeCoDrafterInvited(tx: Transaction, { actor, proposalId, delegationId }: { actor: CurrentUser; proposalId: string; delegationId: string }) {
  await notifyEvent(tx, {
    kind: "codrafter.invited",
    actorId: actor.id,
    ...onProposal(proposalId),
    data: { delegation: actor.delegation?.code ?? null },
    to: [{ delegations: [delegationId], roles: ["HEAD", "ALTERNATE", "DELEGATE"] }],
  });
}

export async function noticeSponsorship(tx: Transaction, { actor, proposalId, joined }: { actor: CurrentUser; proposalId: string; joined: boolean }) {
  await notifyEvent(tx, {
    kind: joined ? "sponsor.joined" : "sponsor.withdrawn",
    actorId: actor.id,
    ...onProposal(proposalId),
    data: { delegation: actor.delegation?.code ?? null },
    to: [{ drafters: proposalId }],
  });
}

/** Consultation opened or extended (see consultation.server.ts). */
export async function noticeConsultationChange(
  tx: Transaction,
  { actor, proposalId, until, extended }: { actor: CurrentUser; proposalId: string; until: Date; extended: boolean },
) {
  await noticeConsultation(tx, { proposalId, endsAt: until, actorId: actor.id, opened: !extended });
}
