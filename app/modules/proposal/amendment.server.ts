// Amendments: a delegation proposes new text for one section during
// consultation; the lead accepts it (a new version credited to that
// delegation) or rejects it with a reason.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound, StaleVersionError } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeAmendmentDecided, noticeAmendmentProposed } from "~/modules/notification/proposal-events.server";
import { mayLead, mayProposeAmendment } from "./permissions";
import { proposalStore, writeProposalVersion } from "./document-store.server";
import { assertConsultationOpen, loadAccess, originalSections } from "./proposal.server";

export async function proposeAmendment({
  actor,
  proposalId,
  sectionKey,
  heading,
  body,
  rationale,
}: {
  actor: CurrentUser;
  proposalId: string;
  sectionKey: string;
  heading: string;
  body: string;
  rationale: string;
}) {
  return prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayProposeAmendment(actor, access) || !actor.delegation) throw forbidden();
    await assertConsultationOpen(tx, proposalId);
    const current = await originalSections(tx, proposalId, access.currentVersion);
    if (!current.sections.some((s) => s.key === sectionKey)) throw notFound();
    const amendment = await tx.amendment.create({
      data: {
        proposalId,
        baseVersion: access.currentVersion,
        sectionKey,
        heading,
        body,
        rationale,
        authorId: actor.id,
        delegationId: actor.delegation.id,
      },
    });
    await tx.proposal.update({ where: { id: proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation.id,
      act: "amendment.proposed",
      objectType: "amendment",
      objectId: amendment.id,
      data: { proposalId, sectionKey, baseVersion: access.currentVersion },
    });
    await noticeAmendmentProposed(tx, { actor, proposalId, sectionKey });
    return amendment;
  });
}

export async function acceptAmendment({ actor, amendmentId, reason }: { actor: CurrentUser; amendmentId: string; reason?: string }) {
  return prisma.$transaction(async (tx) => {
    const amendment = await tx.amendment.findUnique({ where: { id: amendmentId } });
    if (!amendment) throw notFound();
    const access = await loadAccess(tx, amendment.proposalId);
    if (!mayLead(actor, access)) throw forbidden();
    // Decide once: of two concurrent decisions one wins.
    const decided = await tx.amendment.updateMany({
      where: { id: amendmentId, status: "PENDING" },
      data: { status: "ACCEPTED", decidedById: actor.id, decidedAt: new Date(), decisionReason: reason || null },
    });
    if (decided.count !== 1) throw new DomainError(409, "errors.amendmentDecided");
    const current = await originalSections(tx, amendment.proposalId, access.currentVersion);
    if (!current.sections.some((s) => s.key === amendment.sectionKey)) throw new DomainError(409, "errors.sectionRemoved");
    const number = await proposalStore.claimNextVersion(tx, amendment.proposalId, access.currentVersion);
    if (number === null) throw new StaleVersionError(access.currentVersion + 1, undefined);
    await writeProposalVersion(tx, {
      proposalId: amendment.proposalId,
      number,
      authorId: actor.id,
      changeNote: reason ?? "",
      title: current.title,
      language: current.language,
      sections: current.sections.map((s) => (s.key === amendment.sectionKey ? { key: s.key, heading: amendment.heading, body: amendment.body } : s)),
      creditedDelegationId: amendment.delegationId,
      amendmentId,
    });
    await tx.amendment.update({ where: { id: amendmentId }, data: { resultingVersion: number } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "amendment.accepted",
      objectType: "amendment",
      objectId: amendmentId,
      data: { proposalId: amendment.proposalId, version: number, creditedDelegationId: amendment.delegationId },
    });
    await noticeAmendmentDecided(tx, { actor, amendmentId, accepted: true });
    return { version: number };
  });
}

export async function rejectAmendment({ actor, amendmentId, reason }: { actor: CurrentUser; amendmentId: string; reason: string }) {
  await prisma.$transaction(async (tx) => {
    const amendment = await tx.amendment.findUnique({ where: { id: amendmentId }, select: { proposalId: true } });
    if (!amendment) throw notFound();
    const access = await loadAccess(tx, amendment.proposalId);
    if (!mayLead(actor, access)) throw forbidden();
    const decided = await tx.amendment.updateMany({
      where: { id: amendmentId, status: "PENDING" },
      data: { status: "REJECTED", decidedById: actor.id, decidedAt: new Date(), decisionReason: reason },
    });
    if (decided.count !== 1) throw new DomainError(409, "errors.amendmentDecided");
    await tx.proposal.update({ where: { id: amendment.proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "amendment.rejected",
      objectType: "amendment",
      objectId: amendmentId,
      data: { proposalId: amendment.proposalId, reason },
    });
    await noticeAmendmentDecided(tx, { actor, amendmentId, accepted: false });
  });
}

/**
 * The amendments of a proposal (optionally one section), each flagged
 * `outdated` when its section changed since the version it was written against.
 */
export async function listAmendments({ proposalId, currentVersion, sectionKey }: { proposalId: string; currentVersion: number; sectionKey?: string }) {
  const amendments = await prisma.amendment.findMany({
    where: { proposalId, ...(sectionKey ? { sectionKey } : {}) },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      baseVersion: true,
      sectionKey: true,
      heading: true,
      body: true,
      rationale: true,
      status: true,
      decisionReason: true,
      decidedAt: true,
      resultingVersion: true,
      createdAt: true,
      author: { select: { name: true } },
      delegation: { select: { code: true } },
    },
  });
  const pending = amendments.filter((a) => a.status === "PENDING");
  const versions = [...new Set([currentVersion, ...pending.map((a) => a.baseVersion)])];
  const keys = [...new Set(pending.map((a) => a.sectionKey))];
  // The compared section texts of all versions involved, in one query.
  const sections = pending.length
    ? await prisma.proposalSection.findMany({
        where: { key: { in: keys }, text: { kind: "ORIGINAL", version: { proposalId, number: { in: versions } } } },
        select: { key: true, heading: true, body: true, text: { select: { version: { select: { number: true } } } } },
      })
    : [];
  const textOf = (version: number, key: string) => {
    const s = sections.find((x) => x.key === key && x.text.version.number === version);
    return s ? `${s.heading}\n${s.body}` : null;
  };
  return amendments.map((a) => ({
    ...a,
    outdated: a.status === "PENDING" && a.baseVersion !== currentVersion && textOf(a.baseVersion, a.sectionKey) !== textOf(currentVersion, a.sectionKey),
  }));
}
