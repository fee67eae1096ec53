// Strategies as the API gives them. Who sees what is the strategy domain's
// rule (visibleStrategies, readableVersion): anonymous callers see published
// public strategies; a token that may read sees what its owner sees.
import type { Prisma } from "~/generated/prisma/client";
import type { DsiDimension, StrategyStatus } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { readableVersion, visibleStrategies } from "~/modules/strategy/permissions";
import { getStrategyBySlug, getSuccessor, listVersions } from "~/modules/strategy/strategy.server";
import type { Links } from "../links.server";
import { afterDescending, decodeCursor, pageOf, TimeCursor } from "../pagination";
import { delegationRef, PAGE_LANGUAGE } from "./shapes";

const SUMMARY_SELECT = {
  id: true,
  slug: true,
  delegationId: true,
  status: true,
  visibility: true,
  originalLanguage: true,
  currentVersion: true,
  publishedVersion: true,
  dimensions: true,
  sectors: true,
  adoptedOn: true,
  publishedAt: true,
  createdAt: true,
  delegation: { select: { code: true } },
} as const;

type SummaryRow = Prisma.StrategyGetPayload<{ select: typeof SUMMARY_SELECT }>;

/** The titles of the version each caller reads, in every language, for a page of strategies (two indexed lookups). */
async function titlesFor(reader: CurrentUser | null, rows: SummaryRow[]) {
  const wanted = rows.map((r) => ({ strategyId: r.id, number: readableVersion(reader, r) ?? r.currentVersion }));
  const versions = wanted.length ? await prisma.strategyVersion.findMany({ where: { OR: wanted }, select: { id: true, strategyId: true } }) : [];
  const texts = versions.length
    ? await prisma.strategyText.findMany({ where: { versionId: { in: versions.map((v) => v.id) } }, select: { versionId: true, language: true, kind: true, title: true } })
    : [];
  const strategyOf = new Map(versions.map((v) => [v.id, v.strategyId]));
  return (strategyId: string) =>
    texts
      .filter((t) => strategyOf.get(t.versionId) === strategyId)
      .sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL"))
      .map(({ language, kind, title }) => ({ language, kind, title }));
}

function summary(row: SummaryRow, reader: CurrentUser | null, titles: ReturnType<Awaited<ReturnType<typeof titlesFor>>>, links: Links) {
  return {
    slug: row.slug,
    delegation: delegationRef(row.delegation.code, links),
    status: row.status,
    visibility: row.visibility,
    originalLanguage: row.originalLanguage,
    version: readableVersion(reader, row) ?? row.currentVersion,
    titles,
    dimensions: row.dimensions,
    sectors: row.sectors,
    adoptedOn: row.adoptedOn,
    publishedAt: row.publishedAt,
    apiUrl: links.api(`/strategies/${row.slug}`),
    pageUrl: links.page(PAGE_LANGUAGE, `/strategies/${row.slug}`),
  };
}

export async function listStrategiesPage({
  reader,
  links,
  limit,
  cursor,
  delegation,
  status,
  dimension,
}: {
  reader: CurrentUser | null;
  links: Links;
  limit: number;
  cursor?: string;
  delegation?: string;
  status?: StrategyStatus;
  dimension?: DsiDimension;
}) {
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await prisma.strategy.findMany({
    where: {
      AND: [
        visibleStrategies(reader),
        delegation ? { delegation: { code: delegation.toUpperCase() } } : {},
        status ? { status } : {},
        dimension ? { dimensions: { has: dimension } } : {},
        afterDescending<Prisma.StrategyWhereInput>("createdAt", after),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: SUMMARY_SELECT,
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  const titles = await titlesFor(reader, items);
  return { data: items.map((r) => summary(r, reader, titles(r.id), links)), nextCursor };
}

/** One version with every language version (sections and DSI notes), the original first. */
async function versionResource(strategyId: string, number: number) {
  const version = await prisma.strategyVersion.findUnique({
    where: { strategyId_number: { strategyId, number } },
    select: {
      number: true,
      createdAt: true,
      changeNote: true,
      adoptedOn: true,
      dimensions: true,
      sectors: true,
      texts: {
        orderBy: [{ createdAt: "asc" }, { language: "asc" }],
        select: {
          language: true,
          kind: true,
          title: true,
          summary: true,
          issuingAuthority: true,
          sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } },
          dimensionNotes: { orderBy: { dimension: "asc" }, select: { dimension: true, summary: true } },
        },
      },
    },
  });
  if (!version) throw notFound();
  return { ...version, texts: [...version.texts].sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL")) };
}

export async function getStrategyResource({ reader, slug, links }: { reader: CurrentUser | null; slug: string; links: Links }) {
  const strategy = await getStrategyBySlug({ user: reader, slug });
  const readable = readableVersion(reader, strategy);
  if (readable === null) throw notFound();
  const row = await prisma.strategy.findUniqueOrThrow({ where: { id: strategy.id }, select: SUMMARY_SELECT });
  const [titles, current, versions, successor] = await Promise.all([
    titlesFor(reader, [row]),
    versionResource(strategy.id, readable),
    listVersions(strategy.id, readable),
    getSuccessor({ user: reader, successorId: strategy.supersededById, lang: PAGE_LANGUAGE }),
  ]);
  return {
    ...summary(row, reader, titles(row.id), links),
    supersededAt: strategy.supersededAt,
    supersededBy: successor?.slug ?? null,
    versions: versions.map((v) => ({
      number: v.number,
      createdAt: v.createdAt,
      changeNote: v.changeNote,
      languages: v.texts.map((t) => t.language),
      apiUrl: links.api(`/strategies/${row.slug}/versions/${v.number}`),
    })),
    current,
  };
}

export async function getStrategyVersionResource({ reader, slug, number }: { reader: CurrentUser | null; slug: string; number: number }) {
  const strategy = await getStrategyBySlug({ user: reader, slug });
  const readable = readableVersion(reader, strategy);
  if (readable === null || number > readable) throw notFound();
  return versionResource(strategy.id, number);
}
