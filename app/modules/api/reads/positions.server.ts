// Positions as the API gives them, read through the position module: adopted
// texts, newest adoption first, and one position with every adopted language
// version, its co-sponsors and the record of its vote.
import type { DsiDimension } from "~/generated/prisma/enums";
import { loadTextDocument } from "~/modules/position/document.server";
import { listAdoptedAfter } from "~/modules/position/position.server";
import type { Links } from "../links.server";
import { decodeCursor, pageOf, TimeCursor } from "../pagination";
import { delegationRef, PAGE_LANGUAGE } from "./shapes";

export async function listPositionsPage({ limit, cursor, topic, links }: { limit: number; cursor?: string; topic?: DsiDimension; links: Links }) {
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await listAdoptedAfter({ limit: limit + 1, after: after ? { closedAt: new Date(after[0]), voteId: after[1] } : null, topic });
  const { items, nextCursor } = pageOf(rows, limit, (p) => [p.adoptedAt.toISOString(), p.voteId]);
  return {
    data: items.map((p) => ({
      slug: p.slug,
      titles: p.titles,
      topics: p.topics,
      lead: delegationRef(p.leadCode, links),
      adoptedAt: p.adoptedAt,
      rule: p.rule,
      versionNumber: p.versionNumber,
      apiUrl: links.api(`/positions/${p.slug}`),
      pageUrl: links.page(PAGE_LANGUAGE, `/positions/${p.slug}`),
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
