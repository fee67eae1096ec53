// Positions as the API gives them: adopted texts, newest adoption first, and
// one position with every adopted language version, its co-sponsors and the
// record of its vote.
import type { Prisma } from "~/generated/prisma/client";
import type { DsiDimension } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { titlesOfVersions } from "~/modules/proposal/proposal.server";
import { loadTextDocument } from "~/modules/opendata/position-document.server";
import type { Links } from "../links.server";
import { afterDescending, decodeCursor, pageOf, TimeCursor } from "../pagination";
import { delegationRef, PAGE_LANGUAGE } from "./shapes";

export async function listPositionsPage({ limit, cursor, topic, links }: { limit: number; cursor?: string; topic?: DsiDimension; links: Links }) {
  const after = decodeCursor(cursor, TimeCursor);
  const votes = await prisma.vote.findMany({
    where: {
      AND: [
        { outcome: "ADOPTED", closedAt: { not: null } },
        { proposal: { status: "ADOPTED", ...(topic ? { topics: { has: topic } } : {}) } },
        afterDescending<Prisma.VoteWhereInput>("closedAt", after),
      ],
    },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      rule: true,
      versionNumber: true,
      closedAt: true,
      proposal: { select: { id: true, slug: true, topics: true, leadDelegation: { select: { code: true } } } },
    },
  });
  const { items, nextCursor } = pageOf(votes, limit, (v) => [v.closedAt!.toISOString(), v.id]);
  const titles = await titlesOfVersions(items.map((v) => ({ proposalId: v.proposal.id, number: v.versionNumber })));
  return {
    data: items.map((v) => ({
      slug: v.proposal.slug,
      titles: titles.filter((t) => t.proposalId === v.proposal.id).map(({ language, kind, title }) => ({ language, kind, title })),
      topics: v.proposal.topics,
      lead: delegationRef(v.proposal.leadDelegation.code, links),
      adoptedAt: v.closedAt!,
      rule: v.rule,
      versionNumber: v.versionNumber,
      apiUrl: links.api(`/positions/${v.proposal.slug}`),
      pageUrl: links.page(PAGE_LANGUAGE, `/positions/${v.proposal.slug}`),
    })),
    nextCursor,
  };
}

export async function getPositionResource({ slug, links }: { slug: string; links: Links }) {
  const doc = await loadTextDocument({ slug });
  const vote = doc.vote!;
  const page = `/positions/${doc.proposal.slug}`;
  return {
    slug: doc.proposal.slug,
    topics: doc.proposal.topics,
    lead: delegationRef(doc.proposal.leadCode, links),
    originalLanguage: doc.proposal.originalLanguage,
    proposedAt: doc.proposal.createdAt,
    adoptedAt: vote.closedAt,
    sponsors: doc.sponsors.map((s) => ({ delegation: delegationRef(s.code, links), joinedAt: s.joinedAt })),
    vote: {
      id: vote.id,
      rule: vote.rule,
      quorumPercent: vote.quorumPercent,
      versionNumber: vote.versionNumber,
      openedAt: vote.openedAt,
      closesAt: vote.closesAt,
      closedAt: vote.closedAt,
      outcome: vote.outcome,
      eligibleCount: vote.eligibleCount,
      tally: vote.tally,
    },
    texts: doc.texts.map((t) => ({
      language: t.language,
      kind: t.kind,
      title: t.title,
      sections: t.sections,
      aknUrl: links.page(PAGE_LANGUAGE, `${page}/akn?text=${encodeURIComponent(t.language)}`),
    })),
    record: doc.record.map((r) => ({
      delegation: delegationRef(r.delegationCode, links),
      choice: r.choice,
      explanation: r.explanation,
      reservations: r.reservations,
      receipt: r.receipt,
      castAt: r.castAt,
    })),
    pageUrl: links.page(PAGE_LANGUAGE, page),
    recordCsvUrl: links.page(PAGE_LANGUAGE, `${page}/record.csv`),
  };
}
