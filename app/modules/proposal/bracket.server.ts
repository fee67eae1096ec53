// Brackets: a passage still under negotiation, held by a delegation, shown
// in the text until resolved (kept, changed or dropped) by the lead or the holder.
import type { BracketStatus } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeBracket } from "~/modules/notification/proposal-events.server";
import { mayBracket, mayResolveBracket } from "./permissions";
import { loadAccess, originalSections } from "./proposal.server";

export async function openBracket({ actor, proposalId, sectionKey, passage, note }: { actor: CurrentUser; proposalId: string; sectionKey: string; passage: string; note: string }) {
  return prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayBracket(actor, access) || !actor.delegation) throw forbidden();
    const current = await originalSections(tx, proposalId, access.currentVersion);
    const section = current.sections.find((s) => s.key === sectionKey);
    if (!section) throw notFound();
    if (!section.body.includes(passage)) throw new DomainError(400, "errors.passageNotFound");
    const bracket = await tx.bracket.create({
      data: {
        proposalId,
        sectionKey,
        openedInVersion: access.currentVersion,
        passage,
        note,
        holderDelegationId: actor.delegation.id,
        openedById: actor.id,
      },
    });
    await tx.proposal.update({ where: { id: proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation.id,
      act: "bracket.opened",
      objectType: "bracket",
      objectId: bracket.id,
      data: { proposalId, sectionKey, passage },
    });
    await noticeBracket(tx, { actor, bracketId: bracket.id });
    return bracket;
  });
}

export async function resolveBracket({ actor, bracketId, outcome, note }: { actor: CurrentUser; bracketId: string; outcome: Exclude<BracketStatus, "OPEN">; note?: string }) {
  await prisma.$transaction(async (tx) => {
    const bracket = await tx.bracket.findUnique({ where: { id: bracketId }, select: { proposalId: true, holderDelegationId: true } });
    if (!bracket) throw notFound();
    const access = await loadAccess(tx, bracket.proposalId);
    if (!mayResolveBracket(actor, access, bracket)) throw forbidden();
    const r = await tx.bracket.updateMany({
      where: { id: bracketId, status: "OPEN" },
      data: { status: outcome, resolvedById: actor.id, resolvedAt: new Date(), resolutionNote: note || null },
    });
    if (r.count !== 1) throw new DomainError(409, "errors.bracketResolved");
    await tx.proposal.update({ where: { id: bracket.proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "bracket.resolved",
      objectType: "bracket",
      objectId: bracketId,
      data: { proposalId: bracket.proposalId, outcome },
    });
    await noticeBracket(tx, { actor, bracketId, resolution: outcome });
  });
}

export async function listBrackets(proposalId: string) {
  return prisma.bracket.findMany({
    where: { proposalId },
    orderBy: [{ status: "asc" }, { openedAt: "asc" }],
    select: {
      id: true,
      sectionKey: true,
      passage: true,
      note: true,
      status: true,
      openedAt: true,
      openedInVersion: true,
      resolvedAt: true,
      resolutionNote: true,
      holderDelegationId: true,
      holderDelegation: { select: { code: true } },
      openedBy: { select: { name: true } },
      resolvedBy: { select: { name: true } },
    },
  });
}
