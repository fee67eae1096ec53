// What each result on a page shows: its title and a snippet with the matches
// marked (from the language version that matched, and for long texts from the
// section that matches best), where it leads, and a few facts. One query per
// kind present on the page, whatever the page size.
import { Prisma } from "~/generated/prisma/client";
import type { DatasetAccess, DsiDimension, Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import type { Language } from "~/utils/i18n";
import { THREADS_PAGE_SIZE } from "~/modules/proposal/constants";
import type { ResultKind } from "./constants";
import { toSegments, withEllipsis, type Segment } from "./highlight";
import type { MatchedEntry } from "./search.server";
import { headlineSnippet, headlineTitle, queryForGroup, rankOf, type GroupQueries } from "./sql.server";

export type SearchResult = {
  kind: ResultKind;
  id: string;
  href: string;
  title: Segment[];
  /** The language of the title and snippet (for `lang` attributes), when known. */
  language: string | null;
  snippet: Segment[];
  /** The heading of the section the snippet comes from, or the DSI dimension whose note it is. */
  heading: Segment[] | null;
  dimension: DsiDimension | null;
  /** The language version that matched, when it is not the reader's language. */
  matchedLanguage: string | null;
  /** Found by its words, by a title close to the words typed, or as owned by a delegation the query names. */
  match: "text" | "similar" | "owner";
  delegationCode: string | null;
  status: string | null;
  date: string | null;
  /** Comments and amendments: the proposal they belong to. */
  parentTitle: string | null;
  parentLanguage: string | null;
  author: string | null;
  role: Role | null;
  access: DatasetAccess | null;
  /** Plain facts from the data (a model's family and developer, a benchmark's metric). */
  extra: string | null;
};

type Row = Record<string, unknown> & { sourceId: string };
type Context = { entries: MatchedEntry[]; queries: GroupQueries; lang: Language; cjkTerms?: string[] };

const input = (entries: MatchedEntry[]) => ({
  ids: entries.map((e) => e.sourceId),
  objects: entries.map((e) => e.objectId),
  groups: entries.map((e) => e.config),
});
const r = Prisma.sql`r.grp`;

/** The title of a proposal's current version in the reader's language, else the original (`p` is the proposal). */
const proposalTitle = (lang: Language) => Prisma.sql`
  CROSS JOIN LATERAL (
    SELECT pt.title AS "parentTitle", pt.language AS "parentLanguage" FROM "ProposalVersion" pv JOIN "ProposalText" pt ON pt."versionId" = pv.id
    WHERE pv."proposalId" = p.id AND pv.number = p."currentVersion"
    ORDER BY (pt.language = ${lang}) DESC, (pt.kind = 'ORIGINAL') DESC LIMIT 1) parent`;

/** Whether a section key is in the current version (its page exists), for `p` and the key expression. */
const sectionIsCurrent = (key: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM "ProposalVersion" cv JOIN "ProposalText" ct ON ct."versionId" = cv.id AND ct.kind = 'ORIGINAL'
    JOIN "ProposalSection" cs ON cs."textId" = ct.id
    WHERE cv."proposalId" = p.id AND cv.number = p."currentVersion" AND cs.key = ${key})`;

function proposals({ entries, queries }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  return prisma.$queryRaw<Row[]>`
    SELECT t.id::text AS "sourceId", p.slug, p.status::text AS status, d.code::text AS "delegationCode", p."lastActivityAt" AS date, t.language,
           ${headlineTitle(r, Prisma.sql`t.title`, q)} AS title, t.title AS "rawTitle",
           CASE WHEN sec.score > 0 THEN sec.key END AS "sectionKey",
           CASE WHEN sec.score > 0 THEN ${headlineTitle(r, Prisma.sql`sec.heading`, q)} END AS heading,
           ${headlineSnippet(r, Prisma.sql`coalesce(sec.body, '')`, q)} AS snippet
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "ProposalText" t ON t.id = r.id
    JOIN "ProposalVersion" v ON v.id = t."versionId"
    JOIN "Proposal" p ON p.id = v."proposalId"
    JOIN "Delegation" d ON d.id = p."leadDelegationId"
    LEFT JOIN LATERAL (
      SELECT x.key, x.heading, x.body, ${rankOf(r, Prisma.sql`x.heading || E'\\n' || x.body`, q)} AS score
      FROM "ProposalSection" x WHERE x."textId" = t.id ORDER BY score DESC, x.position LIMIT 1) sec ON true`;
}

function strategies({ entries, queries }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  // The best of its sections and DSI notes; the summary when neither matches.
  return prisma.$queryRaw<Row[]>`
    SELECT t.id::text AS "sourceId", st.slug, st.status::text AS status, d.code::text AS "delegationCode",
           coalesce(st."adoptedOn"::timestamptz, st."lastActivityAt") AS date, t.language,
           ${headlineTitle(r, Prisma.sql`t.title`, q)} AS title, t.title AS "rawTitle",
           CASE WHEN part.score > 0 THEN part.dimension END AS dimension,
           CASE WHEN part.score > 0 AND part.dimension IS NULL THEN ${headlineTitle(r, Prisma.sql`part.heading`, q)} END AS heading,
           ${headlineSnippet(r, Prisma.sql`CASE WHEN part.score > 0 THEN part.body ELSE t.summary END`, q)} AS snippet
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "StrategyText" t ON t.id = r.id
    JOIN "StrategyVersion" v ON v.id = t."versionId"
    JOIN "Strategy" st ON st.id = v."strategyId"
    JOIN "Delegation" d ON d.id = st."delegationId"
    LEFT JOIN LATERAL (
      SELECT y.heading, y.body, y.dimension, ${rankOf(r, Prisma.sql`coalesce(y.heading, '') || E'\\n' || y.body`, q)} AS score
      FROM (SELECT x.heading, x.body, NULL::text AS dimension, x.position FROM "StrategySection" x WHERE x."textId" = t.id
            UNION ALL
            SELECT NULL, n.summary, n.dimension::text, 1000 FROM "StrategyDimensionNote" n WHERE n."textId" = t.id) y
      ORDER BY score DESC, y.position LIMIT 1) part ON true`;
}

function comments({ entries, queries, lang }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  // Which page of the section's threads holds the comment: its thread's place among the top comments.
  return prisma.$queryRaw<Row[]>`
    SELECT c.id::text AS "sourceId", p.slug, c."sectionKey", c."createdAt" AS date, u.name AS author, d.code::text AS "delegationCode",
           ${headlineSnippet(r, Prisma.sql`c.body`, q)} AS snippet, parent."parentTitle", parent."parentLanguage",
           (SELECT count(*) FROM "Comment" o WHERE o."proposalId" = c."proposalId" AND o."sectionKey" = c."sectionKey" AND o."parentId" IS NULL
              AND (o."createdAt", o.id) < (root."createdAt", root.id))::int AS "threadsBefore",
           ${sectionIsCurrent(Prisma.sql`c."sectionKey"`)} AS "sectionCurrent"
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "Comment" c ON c.id = r.id AND c."hiddenAt" IS NULL
    JOIN "Comment" root ON root.id = coalesce(c."rootId", c.id)
    JOIN "Proposal" p ON p.id = c."proposalId"
    JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "Delegation" d ON d.id = c."delegationId"
    ${proposalTitle(lang)}`;
}

function amendments({ entries, queries, lang }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  return prisma.$queryRaw<Row[]>`
    SELECT a.id::text AS "sourceId", p.slug, a."sectionKey", a.status::text AS status, a."createdAt" AS date, d.code::text AS "delegationCode",
           ${headlineTitle(r, Prisma.sql`a.heading`, q)} AS title, a.heading AS "rawTitle",
           ${headlineSnippet(r, Prisma.sql`a.body || E'\\n\\n' || a.rationale`, q)} AS snippet,
           parent."parentTitle", parent."parentLanguage", ${sectionIsCurrent(Prisma.sql`a."sectionKey"`)} AS "sectionCurrent"
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "Amendment" a ON a.id = r.id
    JOIN "Proposal" p ON p.id = a."proposalId"
    JOIN "Delegation" d ON d.id = a."delegationId"
    ${proposalTitle(lang)}`;
}

function datasets({ entries, queries }: Context) {
  const { ids, objects, groups } = input(entries);
  const languages = entries.map((e) => e.language);
  const q = queryForGroup(r, queries);
  return prisma.$queryRaw<Row[]>`
    SELECT r.id::text AS "sourceId", ds.slug, ds.access::text AS access, ds."updatedAt" AS date, d.code::text AS "delegationCode", t.language,
           ${headlineTitle(r, Prisma.sql`t.name`, q)} AS title, t.name AS "rawTitle", ${headlineSnippet(r, Prisma.sql`t.description`, q)} AS snippet
    FROM unnest(${ids}::uuid[], ${objects}::uuid[], ${languages}::text[], ${groups}::text[]) AS r(id, dataset, lang, grp)
    JOIN "Dataset" ds ON ds.id = r.dataset
    JOIN "DatasetText" t ON t."datasetId" = ds.id AND t.language = r.lang
    JOIN "Delegation" d ON d.id = ds."stewardDelegationId"`;
}

function models({ entries, queries }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  return prisma.$queryRaw<Row[]>`
    SELECT m.id::text AS "sourceId", m.slug, m."updatedAt" AS date, d.code::text AS "delegationCode", concat_ws(' · ', m.family, m.developer) AS extra,
           ${headlineTitle(r, Prisma.sql`m.name`, q)} AS title, m.name AS "rawTitle", ${headlineSnippet(r, Prisma.sql`m.description`, q)} AS snippet
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "AiModel" m ON m.id = r.id
    LEFT JOIN "Delegation" d ON d.id = m."delegationId"`;
}

function benchmarks({ entries, queries }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  return prisma.$queryRaw<Row[]>`
    SELECT b.id::text AS "sourceId", ${headlineTitle(r, Prisma.sql`b.task`, q)} AS title, b.task AS "rawTitle",
           b.metric || CASE WHEN b.filter <> 'none' THEN ' (' || b.filter || ')' ELSE '' END AS extra
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "Benchmark" b ON b.id = r.id`;
}

function people({ entries, queries }: Context) {
  const { ids, groups } = input(entries);
  const q = queryForGroup(r, queries);
  return prisma.$queryRaw<Row[]>`
    SELECT u.id::text AS "sourceId", u.role::text AS role, d.code::text AS "delegationCode", ${headlineTitle(r, Prisma.sql`u.name`, q)} AS title, u.name AS "rawTitle"
    FROM unnest(${ids}::uuid[], ${groups}::text[]) AS r(id, grp)
    JOIN "User" u ON u.id = r.id AND u."disabledAt" IS NULL
    JOIN "Delegation" d ON d.id = u."delegationId"`;
}

// Positions are adopted proposals: the same tables, one query for both.
const LOADERS: Record<Exclude<ResultKind, "delegation" | "position">, (c: Context) => Prisma.PrismaPromise<Row[]>> = {
  proposal: proposals,
  strategy: strategies,
  comment: comments,
  amendment: amendments,
  dataset: datasets,
  model: models,
  benchmark: benchmarks,
  person: people,
};

const str = (v: unknown): string | null => (typeof v === "string" ? v : v instanceof Date ? v.toISOString() : null);

/** Where a result leads (without the language prefix). */
function pathOf(kind: ResultKind, row: Row, entry: MatchedEntry): string {
  const slug = String(row.slug ?? "");
  switch (kind) {
    case "position":
      return `/positions/${slug}`;
    case "proposal":
      return `/proposals/${slug}${row.sectionKey ? `#${row.sectionKey}` : ""}`;
    case "strategy":
      return `/strategies/${slug}?text=${entry.language}`;
    case "comment": {
      if (!row.sectionCurrent) return `/proposals/${slug}`;
      const page = Math.floor(Number(row.threadsBefore ?? 0) / THREADS_PAGE_SIZE) + 1;
      return `/proposals/${slug}/sections/${row.sectionKey}${page > 1 ? `?page=${page}` : ""}#c-${entry.sourceId}`;
    }
    case "amendment":
      return row.sectionCurrent ? `/proposals/${slug}/sections/${row.sectionKey}#amendments` : `/proposals/${slug}`;
    case "dataset":
      return `/datasets/${slug}`;
    case "model":
      return `/models/${slug}`;
    case "benchmark":
      return `/evaluations/benchmarks/${entry.objectId}`;
    case "person":
    case "delegation":
      return `/members/${String(row.delegationCode ?? "").toLowerCase()}`;
  }
}

/**
 * A title with its matches marked, when the headline kept it as written
 * (ts_headline drops what looks like markup, and the index reads some letters
 * differently); else the title as written, unmarked.
 */
function titleSegments(headline: unknown, raw: unknown, cjkTerms: string[]): Segment[] {
  const segments = toSegments(str(headline), cjkTerms);
  const written = str(raw);
  if (written === null || segments.map((s) => s.text).join("") === written.trim()) return segments;
  return [{ text: written, mark: false }];
}

export async function loadDetails({ entries, queries, lang, cjkTerms = [] }: Context): Promise<SearchResult[]> {
  const byLoader = new Map<keyof typeof LOADERS, MatchedEntry[]>();
  for (const e of entries) {
    if (e.kind === "delegation") continue;
    const key = e.kind === "position" ? "proposal" : e.kind;
    byLoader.set(key, [...(byLoader.get(key) ?? []), e]);
  }
  const loaded = await Promise.all([...byLoader].map(([key, list]) => LOADERS[key]({ entries: list, queries, lang })));
  const rows = new Map(loaded.flat().map((row) => [row.sourceId, row]));
  const results: SearchResult[] = [];
  for (const entry of entries) {
    const row = rows.get(entry.sourceId);
    // Gone since it matched (deleted, hidden): not shown.
    if (!row) continue;
    const language = str(row.language) ?? (entry.language || null);
    const versioned = entry.kind === "proposal" || entry.kind === "position" || entry.kind === "strategy" || entry.kind === "dataset";
    results.push({
      kind: entry.kind,
      id: entry.sourceId,
      href: `/${lang}${pathOf(entry.kind, row, entry)}`,
      title: titleSegments(row.title, row.rawTitle, cjkTerms),
      language,
      snippet: withEllipsis(toSegments(str(row.snippet), cjkTerms)),
      heading: row.heading ? toSegments(str(row.heading), cjkTerms) : null,
      dimension: (str(row.dimension) as DsiDimension | null) ?? null,
      matchedLanguage: versioned && language && language !== lang ? language : null,
      match: entry.fts ? "text" : entry.fuzzy ? "similar" : "owner",
      delegationCode: str(row.delegationCode),
      status: str(row.status),
      date: str(row.date),
      parentTitle: str(row.parentTitle),
      parentLanguage: str(row.parentLanguage),
      author: str(row.author),
      role: (str(row.role) as Role | null) ?? null,
      access: (str(row.access) as DatasetAccess | null) ?? null,
      extra: str(row.extra),
    });
  }
  return results;
}
