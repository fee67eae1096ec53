// Proposals, versions, comments and closed votes as the API gives them:
// members-only, so every function starts from the proposal domain's rule
// (assertMayRead) with the token's owner as reader.
import type { Prisma } from "~/generated/prisma/client";
import type { DsiDimension, ProposalStatus, VoteOutcome, VoteRule } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/errors";
import { assertMayRead, CURRENT_TITLES, currentTitles, getProposalBySlug, listVersions, titlesOfVersions } from "~/modules/proposal/proposal.server";
import { loadTextDocument } from "~/modules/position/document.server";
import { getVoteRecord } from "~/modules/vote/record.server";
import type { Links } from "../links.server";
import { afterDescending, decodeCursor, pageOf, TimeCursor } from "../pagination";
import { delegationRef, PAGE_LANGUAGE } from "./shapes";

function mayRead(reader: CurrentUser | null): CurrentUser {
  if (!reader) throw forbidden();
  assertMayRead(reader);
  return reader;
}

export async function listProposalsPage({
  reader,
  links,
  limit,
  cursor,
  status,
  lead,
  topic,
}: {
  reader: CurrentUser | null;
  links: Links;
  limit: number;
  cursor?: string;
  status?: ProposalStatus;
  lead?: string;
  topic?: DsiDimension;
}) {
  mayRead(reader);
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await prisma.proposal.findMany({
    where: {
      AND: [
        status ? { status } : {},
        lead ? { leadDelegation: { code: lead.toUpperCase() } } : {},
        topic ? { topics: { has: topic } } : {},
        afterDescending<Prisma.ProposalWhereInput>("createdAt", after),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      slug: true,
      status: true,
      topics: true,
      originalLanguage: true,
      currentVersion: true,
      consultationEndsAt: true,
      createdAt: true,
      lastActivityAt: true,
      leadDelegation: { select: { code: true } },
      ...CURRENT_TITLES,
    },
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    data: items.map(({ id: _id, leadDelegation, versions, ...p }) => ({
      ...p,
      lead: delegationRef(leadDelegation.code, links),
      titles: currentTitles({ versions })
        .sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL"))
        .map(({ language, kind, title }) => ({ language, kind, title })),
      apiUrl: links.api(`/proposals/${p.slug}`),
      pageUrl: links.page(PAGE_LANGUAGE, `/proposals/${p.slug}`),
    })),
    nextCursor,
  };
}

export async function getProposalResource({ reader, slug, links }: { reader: CurrentUser | null; slug: string; links: Links }) {
  mayRead(reader);
  const p = await getProposalBySlug(slug);
  const [versions, titles] = await Promise.all([listVersions(p.id), titlesOfVersions([{ proposalId: p.id, number: p.currentVersion }])]);
  return {
    slug: p.slug,
    status: p.status,
    topics: p.topics,
    lead: delegationRef(p.leadDelegation.code, links),
    originalLanguage: p.originalLanguage,
    currentVersion: p.currentVersion,
    titles: titles.sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL")).map(({ language, kind, title }) => ({ language, kind, title })),
    consultationEndsAt: p.consultationEndsAt,
    createdAt: p.createdAt,
    lastActivityAt: p.lastActivityAt,
    apiUrl: links.api(`/proposals/${p.slug}`),
    pageUrl: links.page(PAGE_LANGUAGE, `/proposals/${p.slug}`),
    coDrafters: p.coDrafters.map((c) => delegationRef(c.delegation.code, links)),
    withdrawnAt: p.withdrawnAt,
    versions: versions.map((v) => ({
      number: v.number,
      createdAt: v.createdAt,
      changeNote: v.changeNote,
      creditedDelegation: v.creditedDelegation ? delegationRef(v.creditedDelegation.code, links) : null,
      apiUrl: links.api(`/proposals/${p.slug}/versions/${v.number}`),
    })),
    commentsUrl: links.api(`/proposals/${p.slug}/comments`),
  };
}

export async function getProposalVersionResource({ reader, slug, number, links }: { reader: CurrentUser | null; slug: string; number: number; links: Links }) {
  mayRead(reader);
  const doc = await loadTextDocument({ slug, number });
  const akn = (language: string) => links.page(PAGE_LANGUAGE, `/proposals/${doc.proposal.slug}/akn?version=${number}&text=${encodeURIComponent(language)}`);
  return {
    number: doc.version.number,
    createdAt: doc.version.createdAt,
    changeNote: doc.version.changeNote,
    creditedDelegation: doc.version.creditedCode ? delegationRef(doc.version.creditedCode, links) : null,
    sponsors: doc.sponsors.map((s) => ({ delegation: delegationRef(s.code, links), joinedAt: s.joinedAt })),
    texts: doc.texts.map((t) => ({ language: t.language, kind: t.kind, title: t.title, sections: t.sections, aknUrl: akn(t.language) })),
  };
}

export async function listCommentsPage({
  reader,
  slug,
  links,
  limit,
  cursor,
  section,
}: {
  reader: CurrentUser | null;
  slug: string;
  links: Links;
  limit: number;
  cursor?: string;
  section?: string;
}) {
  const viewer = mayRead(reader);
  const proposal = await prisma.proposal.findUnique({ where: { slug }, select: { id: true } });
  if (!proposal) throw notFound();
  const after = decodeCursor(cursor, TimeCursor);
  // Oldest first, as a discussion reads; the cursor is the last comment's time and id.
  const rows = await prisma.comment.findMany({
    where: {
      AND: [
        { proposalId: proposal.id },
        section ? { sectionKey: section } : {},
        after ? { OR: [{ createdAt: { gt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { gt: after[1] } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      versionNumber: true,
      sectionKey: true,
      parentId: true,
      rootId: true,
      depth: true,
      body: true,
      stance: true,
      createdAt: true,
      editedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      author: { select: { name: true } },
      delegation: { select: { code: true } },
    },
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  // Hidden comments keep their place; only the secretariat still reads their text (as on the page).
  const moderator = viewer.role === "SECRETARIAT";
  return {
    data: items.map(({ hiddenAt, delegation, body, ...c }) => ({
      ...c,
      delegation: delegation ? delegationRef(delegation.code, links) : null,
      body: hiddenAt && !moderator ? null : body,
      hidden: hiddenAt !== null,
    })),
    nextCursor,
  };
}

const VOTE_SELECT = {
  id: true,
  rule: true,
  quorumPercent: true,
  versionNumber: true,
  openedAt: true,
  closesAt: true,
  closedAt: true,
  outcome: true,
  eligibleCount: true,
  tallyYes: true,
  tallyNo: true,
  tallyAbstain: true,
  tallyObject: true,
  tallyBreak: true,
  proposal: { select: { slug: true, status: true } },
} as const satisfies Prisma.VoteSelect;

type VoteRow = Prisma.VoteGetPayload<{ select: typeof VOTE_SELECT }>;

function voteSummary(v: VoteRow, links: Links) {
  return {
    id: v.id,
    rule: v.rule,
    quorumPercent: v.quorumPercent,
    versionNumber: v.versionNumber,
    openedAt: v.openedAt,
    closesAt: v.closesAt,
    closedAt: v.closedAt!,
    outcome: v.outcome!,
    eligibleCount: v.eligibleCount,
    tally: { yes: v.tallyYes, no: v.tallyNo, abstain: v.tallyAbstain, object: v.tallyObject, breakSilence: v.tallyBreak },
    proposal: { slug: v.proposal.slug, apiUrl: links.api(`/proposals/${v.proposal.slug}`) },
    apiUrl: links.api(`/votes/${v.id}`),
  };
}

export async function listVotesPage({
  reader,
  links,
  limit,
  cursor,
  outcome,
  rule,
}: {
  reader: CurrentUser | null;
  links: Links;
  limit: number;
  cursor?: string;
  outcome?: VoteOutcome;
  rule?: VoteRule;
}) {
  mayRead(reader);
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await prisma.vote.findMany({
    where: {
      AND: [{ status: "CLOSED", closedAt: { not: null } }, outcome ? { outcome } : {}, rule ? { rule } : {}, afterDescending<Prisma.VoteWhereInput>("closedAt", after)],
    },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: VOTE_SELECT,
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.closedAt!.toISOString(), r.id]);
  return { data: items.map((v) => voteSummary(v, links)), nextCursor };
}

/** The page of a vote's record as CSV: the position's when the text was adopted, else the proposal's (members). */
export function recordCsvPath(proposal: { slug: string; status: string }): string {
  return proposal.status === "ADOPTED" ? `/positions/${proposal.slug}/record.csv` : `/proposals/${proposal.slug}/record.csv`;
}

export async function getVoteResource({ reader, id, links }: { reader: CurrentUser | null; id: string; links: Links }) {
  mayRead(reader);
  const v = await prisma.vote.findUnique({ where: { id }, select: VOTE_SELECT });
  // An open vote's ballots stay secret until it closes: as if it did not exist here.
  if (!v || !v.closedAt || !v.outcome) throw notFound();
  const record = await getVoteRecord(v.id);
  return {
    ...voteSummary(v, links),
    record: record
      .sort((a, b) => a.delegationCode.localeCompare(b.delegationCode))
      .map((r) => ({
        delegation: delegationRef(r.delegationCode, links),
        choice: r.choice,
        explanation: r.explanation,
        reservations: r.reservations,
        receipt: r.receipt,
        castAt: r.castAt,
      })),
    recordCsvUrl: links.page(PAGE_LANGUAGE, recordCsvPath(v.proposal)),
  };
}
