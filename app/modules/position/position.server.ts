// Positions: the texts the members adopted by vote (the last step of the
// proposal workflow), public. A position is a proposal whose
// vote adopted a version: its text in every adopted language version,
// co-sponsors, the record of the vote with reservations as footnotes.
import type { Prisma } from "~/generated/prisma/client";
import type { DsiDimension } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { chooseText } from "~/modules/document/language";
import { CURRENT_TITLES, currentTitles, titlesOfVersions } from "~/modules/proposal/proposal.server";
import { renderMarkdown } from "~/modules/text/markdown.server";
import { checkReceipt, getVoteRecord } from "~/modules/vote/record.server";
import { POSITION_PAGE_SIZE, RECEIPT_PATTERN } from "./constants";

const POSITION_LIST_SELECT = {
  id: true,
  slug: true,
  topics: true,
  leadDelegation: { select: { code: true } },
  votes: { where: { outcome: "ADOPTED" as const }, select: { closedAt: true, rule: true }, take: 1 },
  // The adopted version is the newest (CURRENT_TITLES): its titles come in the same query.
  ...CURRENT_TITLES,
} satisfies Prisma.ProposalSelect;
const WHERE_ADOPTED = { status: "ADOPTED" as const };

/** Adopted texts, newest first: public. */
export async function listPositions({ page, pageSize = POSITION_PAGE_SIZE }: { page: number; pageSize?: number }) {
  const [rows, total] = await Promise.all([
    prisma.proposal.findMany({
      where: WHERE_ADOPTED,
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: POSITION_LIST_SELECT,
    }),
    prisma.proposal.count({ where: WHERE_ADOPTED }),
  ]);
  return { items: withAdoptedTitles(rows), total, pageSize };
}

/** The latest adopted texts (the home page's list): no count. */
export async function recentPositions(limit: number) {
  const rows = await prisma.proposal.findMany({ where: WHERE_ADOPTED, orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }], take: limit, select: POSITION_LIST_SELECT });
  return withAdoptedTitles(rows);
}

type PositionRow = Prisma.ProposalGetPayload<{ select: typeof POSITION_LIST_SELECT }>;

function withAdoptedTitles(rows: PositionRow[]) {
  return rows.map((r) => ({
    slug: r.slug,
    topics: r.topics,
    leadCode: r.leadDelegation.code,
    adoptedAt: r.votes[0]?.closedAt ?? null,
    rule: r.votes[0]?.rule ?? null,
    titles: currentTitles(r),
  }));
}

/**
 * Adopted texts in the order of their adoption, newest first, after a given one
 * (the API's pages and the feed): the adoption is a closed vote, so the order
 * never changes and a page read later starts where the last one ended. Titles
 * in every language the adopted version has.
 */
export async function listAdoptedAfter({ limit, after, topic }: { limit: number; after?: { closedAt: Date; voteId: string } | null; topic?: DsiDimension }) {
  const votes = await prisma.vote.findMany({
    where: {
      AND: [
        { outcome: "ADOPTED", closedAt: { not: null } },
        { proposal: { status: "ADOPTED", ...(topic ? { topics: { has: topic } } : {}) } },
        after ? { OR: [{ closedAt: { lt: after.closedAt } }, { closedAt: after.closedAt, id: { gt: after.voteId } }] } : {},
      ],
    },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      rule: true,
      versionNumber: true,
      closedAt: true,
      proposal: { select: { id: true, slug: true, topics: true, leadDelegation: { select: { code: true } } } },
    },
  });
  const titles = await titlesOfVersions(votes.map((v) => ({ proposalId: v.proposal.id, number: v.versionNumber })));
  return votes.map((v) => ({
    voteId: v.id,
    slug: v.proposal.slug,
    topics: v.proposal.topics,
    leadCode: v.proposal.leadDelegation.code,
    rule: v.rule,
    versionNumber: v.versionNumber,
    adoptedAt: v.closedAt!,
    titles: titles
      .filter((t) => t.proposalId === v.proposal.id)
      .sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL"))
      .map(({ language, kind, title }) => ({ language, kind, title })),
  }));
}

/** An adopted position: the adopted version's text in the reader's language, co-sponsors, vote record. */
export async function getPosition({ slug, language }: { slug: string; /** The text's language asked for (`?text=`, else the interface's). */ language: string }) {
  const proposal = await prisma.proposal.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      topics: true,
      originalLanguage: true,
      leadDelegation: { select: { code: true } },
      votes: { where: { outcome: "ADOPTED" }, select: { id: true }, take: 1 },
    },
  });
  if (!proposal || proposal.status !== "ADOPTED" || !proposal.votes[0]) throw notFound();
  const voteId = proposal.votes[0].id;
  const vote = await prisma.vote.findUniqueOrThrow({ where: { id: voteId } });
  const version = await prisma.proposalVersion.findUniqueOrThrow({
    where: { proposalId_number: { proposalId: proposal.id, number: vote.versionNumber } },
    select: { id: true, texts: { select: { language: true, kind: true } }, sponsors: { select: { delegation: { select: { code: true } } } } },
  });
  const { text: wanted } = chooseText(version.texts, language);
  const [text, record] = await Promise.all([
    prisma.proposalText.findUniqueOrThrow({
      where: { versionId_language: { versionId: version.id, language: wanted.language } },
      select: { language: true, kind: true, title: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } } },
    }),
    getVoteRecord(voteId),
  ]);
  return {
    proposal: { slug: proposal.slug, topics: proposal.topics, leadCode: proposal.leadDelegation.code, originalLanguage: proposal.originalLanguage },
    vote: {
      id: vote.id,
      rule: vote.rule,
      quorumPercent: vote.quorumPercent,
      versionNumber: vote.versionNumber,
      openedAt: vote.openedAt,
      closedAt: vote.closedAt!,
      eligibleCount: vote.eligibleCount,
      outcome: vote.outcome!,
      tally: { yes: vote.tallyYes, no: vote.tallyNo, abstain: vote.tallyAbstain, object: vote.tallyObject, breakSilence: vote.tallyBreak },
    },
    text,
    isFallback: text.language !== language,
    languages: version.texts,
    sponsors: version.sponsors.map((s) => s.delegation.code),
    record,
  };
}

/**
 * The position page: the adopted text (Markdown rendered), reservations as
 * numbered footnotes on their sections, and the check of a receipt typed in.
 */
export async function loadPositionPage({ slug, language, receipt }: { slug: string; language: string; receipt: string }) {
  const position = await getPosition({ slug, language });
  const typed = receipt.trim().toLowerCase();
  const found = RECEIPT_PATTERN.test(typed) ? await checkReceipt(typed) : typed ? { found: "invalid" as const } : null;
  let n = 0;
  const footnotes = position.record.flatMap((r) => r.reservations.map((res) => ({ n: ++n, sectionKey: res.sectionKey, text: res.text, delegationCode: r.delegationCode })));
  return {
    ...position,
    sections: position.text.sections.map((s) => ({ key: s.key, heading: s.heading, html: renderMarkdown(s.body) })),
    footnotes,
    receipt: typed,
    // A receipt of another vote is not this position's record.
    check: found && "slug" in found && found.slug !== position.proposal.slug ? { found: "otherVote" as const } : found,
  };
}
