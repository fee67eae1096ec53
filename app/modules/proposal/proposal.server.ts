// Proposals: creating, listing, reading, versioning (with stale-save refusal),
// translations, co-drafters, consultation and withdrawal. Every governance act
// writes its audit event in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { DsiDimension, ProposalStatus, TextKind } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { keyedSections, slugFor, type SectionDraft } from "~/modules/text/sections.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { ConsultationClosed, DomainError, forbidden, notFound } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeCoDrafterInvited, noticeConsultationChange } from "~/modules/notification/proposal-events.server";
import { saveDocumentTranslation, saveDocumentVersion } from "~/modules/document/document.server";
import { chooseText } from "~/modules/document/language";
import type { ReviewedContent } from "~/modules/document/merge";
import type { TranslationKind } from "~/modules/document/types";
import { proposalStore } from "./document-store.server";
import { CONSULTATION_MAX_DAYS, PROPOSAL_PAGE_SIZE } from "./constants";
import { isLeadDrafter, mayEdit, mayLead, type ProposalAccess } from "./permissions";

export type { SectionDraft };

/** Proposals are members-only, whatever their stage (positions are the public side). */
export function assertMayRead(user: CurrentUser | null): asserts user is CurrentUser {
  if (!can(user, "readMembersOnly")) throw forbidden();
}

export async function loadAccess(tx: Transaction | typeof prisma, proposalId: string): Promise<ProposalAccess & { id: string; currentVersion: number; originalLanguage: string }> {
  const p = await tx.proposal.findUnique({
    where: { id: proposalId },
    select: { id: true, leadDelegationId: true, status: true, currentVersion: true, originalLanguage: true, coDrafters: { select: { delegationId: true } } },
  });
  if (!p) throw notFound();
  return { ...p, coDrafterDelegationIds: p.coDrafters.map((c) => c.delegationId) };
}

export async function createProposal({
  actor,
  title,
  originalLanguage,
  topics,
  sections,
}: {
  actor: CurrentUser;
  title: string;
  originalLanguage: string;
  topics: DsiDimension[];
  sections: SectionDraft[];
}) {
  if (!can(actor, "draftForDelegation") || !actor.delegation) throw forbidden();
  const delegationId = actor.delegation.id;
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: {
        slug: slugFor(title, "proposal"),
        leadDelegationId: delegationId,
        createdById: actor.id,
        originalLanguage,
        topics,
        currentVersion: 1,
      },
    });
    const version = await tx.proposalVersion.create({
      data: { proposalId: proposal.id, number: 1, authorId: actor.id, changeNote: "" },
    });
    await tx.proposalText.create({
      data: {
        versionId: version.id,
        language: originalLanguage,
        kind: "ORIGINAL",
        title,
        authorId: actor.id,
        sections: { create: keyedSections(sections) },
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId,
      act: "proposal.created",
      objectType: "proposal",
      objectId: proposal.id,
      data: { slug: proposal.slug, title, originalLanguage },
    });
    return proposal;
  });
}

/** A new version of the text, based on `baseVersion`: refused with a merge review when the text moved on (ADR 009). */
export async function saveVersion({
  actor,
  proposalId,
  baseVersion,
  title,
  changeNote,
  sections,
  fieldConflicts,
  fieldResolutions,
}: {
  actor: CurrentUser;
  proposalId: string;
  baseVersion: number;
  title: string;
  changeNote: string;
  sections: ReviewedContent["sections"];
} & Pick<ReviewedContent, "fieldConflicts" | "fieldResolutions">) {
  return prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayEdit(actor, access)) throw forbidden();
    const { number } = await saveDocumentVersion(tx, proposalStore, {
      documentId: proposalId,
      baseVersion,
      authorId: actor.id,
      changeNote,
      content: { fields: { title }, sets: {}, sections, fieldConflicts, fieldResolutions },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "proposal.versionSaved",
      objectType: "proposal",
      objectId: proposalId,
      data: { version: number, changeNote },
    });
    return { number };
  });
}

/** The original text of a version, for applying an amendment to it. */
export async function originalSections(tx: Transaction | typeof prisma, proposalId: string, number: number) {
  const text = await tx.proposalText.findFirst({
    where: { kind: "ORIGINAL", version: { proposalId, number } },
    select: { title: true, language: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } } },
  });
  if (!text) throw notFound();
  return text;
}

/** A translation of the current version, saved under the proposal's row lock (ADR 009). */
export async function saveTranslation({
  actor,
  proposalId,
  version,
  language,
  kind,
  title,
  sections,
}: {
  actor: CurrentUser;
  proposalId: string;
  version: number;
  language: string;
  kind: TranslationKind;
  title: string;
  sections: { key: string; heading: string; body: string }[];
}) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayEdit(actor, access)) throw forbidden();
    // Only the lead declares a translation official.
    if (kind === "OFFICIAL_TRANSLATION" && !isLeadDrafter(actor, access)) throw forbidden();
    await saveDocumentTranslation(tx, proposalStore, {
      documentId: proposalId,
      version,
      language,
      kind,
      authorId: actor.id,
      translation: { fields: { title }, sections },
    });
    await tx.proposal.update({ where: { id: proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "proposal.translationSaved",
      objectType: "proposal",
      objectId: proposalId,
      data: { version, language, kind },
    });
  });
}

export async function listProposals({
  page,
  status,
  leadCode,
  topic,
  language,
}: {
  page: number;
  status?: ProposalStatus;
  leadCode?: string;
  topic?: DsiDimension;
  language?: string;
}) {
  const where: Prisma.ProposalWhereInput = {
    ...(status ? { status } : {}),
    ...(leadCode ? { leadDelegation: { code: leadCode } } : {}),
    ...(topic ? { topics: { has: topic } } : {}),
    // A language the proposal is available in: its original, or a translation of its current version.
    ...(language ? { OR: [{ originalLanguage: language }, { versions: { some: { texts: { some: { language } } } } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.proposal.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PROPOSAL_PAGE_SIZE,
      take: PROPOSAL_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        status: true,
        topics: true,
        originalLanguage: true,
        currentVersion: true,
        consultationEndsAt: true,
        lastActivityAt: true,
        leadDelegation: { select: { code: true } },
        ...CURRENT_TITLES,
      },
    }),
    prisma.proposal.count({ where }),
  ]);
  const items = rows.map(({ versions, ...r }) => ({ ...r, titles: currentTitles({ versions }) }));
  return { items, total, pageSize: PROPOSAL_PAGE_SIZE };
}

/** Everything the proposal page shows about the proposal itself (not its threads). */
export async function getProposalBySlug(slug: string) {
  const p = await prisma.proposal.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      topics: true,
      originalLanguage: true,
      currentVersion: true,
      consultationEndsAt: true,
      lastActivityAt: true,
      withdrawnAt: true,
      createdAt: true,
      leadDelegationId: true,
      leadDelegation: { select: { code: true } },
      coDrafters: { select: { delegationId: true, delegation: { select: { code: true } } } },
    },
  });
  if (!p) throw notFound();
  return { ...p, coDrafterDelegationIds: p.coDrafters.map((c) => c.delegationId) };
}

/** A version's text in the wanted language, else the original; with the list of languages it exists in. */
export async function getVersionText({ proposalId, number, language }: { proposalId: string; number: number; language: string }) {
  const version = await prisma.proposalVersion.findUnique({
    where: { proposalId_number: { proposalId, number } },
    select: {
      id: true,
      number: true,
      changeNote: true,
      createdAt: true,
      author: { select: { name: true } },
      creditedDelegation: { select: { code: true } },
      sponsors: { select: { delegation: { select: { id: true, code: true } } }, orderBy: { joinedAt: "asc" } },
      texts: { select: { language: true, kind: true } },
    },
  });
  if (!version) throw notFound();
  const { text: wanted } = chooseText(version.texts, language);
  const text = await prisma.proposalText.findUniqueOrThrow({
    where: { versionId_language: { versionId: version.id, language: wanted.language } },
    select: {
      language: true,
      kind: true,
      title: true,
      sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } },
    },
  });
  return {
    version: {
      number: version.number,
      changeNote: version.changeNote,
      createdAt: version.createdAt,
      authorName: version.author.name,
      creditedDelegationCode: version.creditedDelegation?.code ?? null,
      sponsors: version.sponsors.map((s) => s.delegation),
    },
    text,
    languages: version.texts,
    isFallback: text.language !== language,
  };
}

export async function listVersions(proposalId: string) {
  return prisma.proposalVersion.findMany({
    where: { proposalId },
    orderBy: { number: "desc" },
    select: {
      number: true,
      changeNote: true,
      createdAt: true,
      author: { select: { name: true } },
      creditedDelegation: { select: { code: true } },
      _count: { select: { sponsors: true } },
    },
  });
}

export async function inviteCoDrafter({ actor, proposalId, delegationId }: { actor: CurrentUser; proposalId: string; delegationId: string }) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayLead(actor, access)) throw forbidden();
    if (delegationId === access.leadDelegationId || access.coDrafterDelegationIds.includes(delegationId)) {
      throw new DomainError(409, "errors.alreadyCoDrafter");
    }
    const delegation = await tx.delegation.findUnique({ where: { id: delegationId }, select: { status: true } });
    if (!delegation || delegation.status === "OBSERVER") throw new DomainError(400, "errors.coDrafterNotEligible");
    await tx.proposalCoDrafter.create({ data: { proposalId, delegationId, invitedById: actor.id } });
    await tx.proposal.update({ where: { id: proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "proposal.coDrafterInvited",
      objectType: "proposal",
      objectId: proposalId,
      data: { delegationId },
    });
    await noticeCoDrafterInvited(tx, { actor, proposalId, delegationId });
  });
}

/** The end of the given UTC day: consultation runs through the whole date chosen. */
export function endOfDayUtc(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}

export async function openOrExtendConsultation({ actor, proposalId, until, extend }: { actor: CurrentUser; proposalId: string; until: Date; extend: boolean }) {
  const now = Date.now();
  if (Number.isNaN(until.getTime()) || until.getTime() <= now) throw new DomainError(400, "errors.dateInPast");
  if (until.getTime() > now + CONSULTATION_MAX_DAYS * 86_400_000) {
    throw new DomainError(400, "errors.consultationTooLong", { count: CONSULTATION_MAX_DAYS });
  }
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayLead(actor, access)) throw forbidden();
    // Conditional updates: opening needs a draft; extending needs a later date than now set.
    const changed = extend
      ? await tx.proposal.updateMany({
          where: { id: proposalId, status: "CONSULTATION", consultationEndsAt: { lt: until } },
          data: { consultationEndsAt: until, lastActivityAt: new Date() },
        })
      : await tx.proposal.updateMany({
          where: { id: proposalId, status: "DRAFT" },
          data: { status: "CONSULTATION", consultationEndsAt: until, lastActivityAt: new Date() },
        });
    if (changed.count !== 1) throw new DomainError(409, extend ? "errors.extensionNotLater" : "errors.wrongStage");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: extend ? "proposal.consultationExtended" : "proposal.consultationOpened",
      objectType: "proposal",
      objectId: proposalId,
      data: { until: until.toISOString() },
    });
    await noticeConsultationChange(tx, { actor, proposalId, until, extended: extend });
  });
}

export async function withdrawProposal({ actor, proposalId }: { actor: CurrentUser; proposalId: string }) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayLead(actor, access)) throw forbidden();
    const changed = await tx.proposal.updateMany({
      where: { id: proposalId, status: { in: ["DRAFT", "CONSULTATION"] } },
      data: { status: "WITHDRAWN", withdrawnAt: new Date(), lastActivityAt: new Date() },
    });
    if (changed.count !== 1) throw new DomainError(409, "errors.wrongStage");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "proposal.withdrawn",
      objectType: "proposal",
      objectId: proposalId,
    });
  });
}

/** Consultation is open right now, judged by the database clock. */
export async function assertConsultationOpen(tx: Transaction, proposalId: string) {
  const open = await tx.$queryRaw<{ ok: number }[]>`
    SELECT 1 AS ok FROM "Proposal" WHERE id = ${proposalId}::uuid AND status = 'CONSULTATION' AND "consultationEndsAt" > now()`;
  if (!open[0]) throw new ConsultationClosed();
}

/**
 * The titles of given versions of several proposals, in every language they
 * exist in. One query: each (proposal, number) → its version by index, and its texts
 * joined laterally by version (relationJoins, ADR 019).
 */
/**
 * The titles of a proposal's current version, read with the proposal in the same
 * query (a lateral join): the current version is always the newest one — versions
 * are only added by claiming the next number (document-store.server.ts), never
 * changed or deleted (database triggers) — and nothing is saved once a vote is
 * open, so an adopted text's newest version is the one adopted.
 */
export const CURRENT_TITLES = {
  versions: { orderBy: { number: "desc" }, take: 1, select: { texts: { select: { language: true, title: true, kind: true } } } },
} satisfies Prisma.ProposalSelect;

/** The titles read with CURRENT_TITLES. */
export function currentTitles(row: { versions: { texts: { language: string; title: string; kind: TextKind }[] }[] }) {
  return row.versions[0]?.texts ?? [];
}

export async function titlesOfVersions(wanted: { proposalId: string; number: number }[]) {
  if (wanted.length === 0) return [];
  const versions = await prisma.proposalVersion.findMany({
    where: { OR: wanted.map((w) => ({ proposalId: w.proposalId, number: w.number })) },
    select: { proposalId: true, texts: { select: { language: true, title: true, kind: true } } },
  });
  return versions.flatMap((v) => v.texts.map((t) => ({ proposalId: v.proposalId, language: t.language, title: t.title, kind: t.kind })));
}
