// One search across the portal (docs/decisions/012-search-in-postgresql.md).
// A query is matched in three ways at once, all in PostgreSQL, in one statement
// that also applies who may see what, the filters, ranking and pagination:
// - full text: each entry with its language's configuration (stemming), the
//   query parsed once per configuration; ranked by weight (title, headings,
//   body) and density, recent activity breaking ties;
// - typo tolerance: titles and names close to every query word (pg_trgm);
// - names: a query naming a country or a language (recognised in names.ts)
//   finds that delegation and what it owns, and datasets in that language.
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { Language } from "~/utils/i18n";
import {
  CONFIG_GROUPS,
  ENTRY_KINDS,
  FUZZY_RANK_WEIGHT,
  FUZZY_THRESHOLD,
  OWNER_RANK,
  COMMENT_CANDIDATES,
  COMMENT_PROBE,
  COMMENT_WINDOW,
  RESULT_KINDS,
  SEARCH_PAGE_SIZE,
  type ConfigGroup,
  type ResultKind,
  type SearchSort,
} from "./constants";
import { loadDetails, type SearchResult } from "./details.server";
import { recogniseNames } from "./names";
import { searchScope, type SearchScope } from "./permissions";
import { parseQuery, type ParsedQuery } from "./query";
import type { SearchFilters } from "./schemas";
import { ownerJoins, queryForGroup, visibleSql, withThreshold, type GroupQueries } from "./sql.server";
import { suggestCorrections } from "./suggest.server";

/** An entry that matched and may be shown: what the page of results is made of. */
export type MatchedEntry = {
  kind: ResultKind;
  sourceId: string;
  objectId: string;
  version: number | null;
  language: string;
  config: ConfigGroup;
  /** How it matched: its text, a title close to the words typed, or as something a named delegation owns. */
  fts: boolean;
  fuzzy: boolean;
  owned: boolean;
};

export type Prepared = {
  queries: GroupQueries;
  /** So many comments match (by PostgreSQL's statistics) that walking the newest ones is quicker than asking the index for all. */
  commonInComments: boolean;
  /** All groups' queries or-ed: what the full-text index is asked first. */
  anyQuery: string;
  fuzzyWords: string[];
  ownerIds: string[];
  delegationCodes: string[];
  dataLanguages: string[];
};

type Statistics = { frequencies: Map<string, number>; rows: number; at: number };
let statistics: Statistics | undefined;
const STATISTICS_TTL_MS = 60_000;

/** How often each common lexeme occurs in the index, from the planner's statistics (refreshed by ANALYZE). */
async function lexemeStatistics(): Promise<Statistics> {
  if (statistics && Date.now() - statistics.at < STATISTICS_TTL_MS) return statistics;
  const rows = await prisma.$queryRaw<{ elems: string[] | null; freqs: number[] | null; rows: number }[]>`
    SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs,
           (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = '"SearchEntry"'::regclass) AS rows
    FROM (SELECT 1) one LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'SearchEntry' AND s.attname = 'doc'`;
  const { elems, freqs, rows: count } = rows[0] ?? { elems: null, freqs: null, rows: 0 };
  statistics = { frequencies: new Map((elems ?? []).map((e, i) => [e, freqs?.[i] ?? 0])), rows: count, at: Date.now() };
  return statistics;
}

/** Forgets the statistics read (tests that ANALYZE). */
export function forgetLexemeStatistics() {
  statistics = undefined;
}

/**
 * Whether at least COMMENT_PROBE entries likely match: for each query, its
 * rarest word bounds how many match all of them (words that occur together
 * are not independent); the most frequent of those bounds counts.
 */
async function matchesManyComments(queries: string[]): Promise<boolean> {
  if (!queries.length) return false;
  const { frequencies, rows } = await lexemeStatistics();
  const estimate = Math.max(
    ...queries.map((q) => {
      const positive = [...q.matchAll(/(!?)\s*'((?:[^']|'')*)'/g)].filter((m) => m[1] === "").map((m) => m[2]!.replaceAll("''", "'"));
      return positive.length ? Math.min(...positive.map((l) => frequencies.get(l) ?? 0)) : 0;
    }),
  );
  return estimate * rows >= COMMENT_PROBE;
}

/** The query parsed by PostgreSQL for each configuration group, the words unaccented, the named delegations looked up. */
export async function prepare(parsed: ParsedQuery, names: { regions: string[]; languages: string[] }): Promise<Prepared> {
  const columns = CONFIG_GROUPS.map((g) => Prisma.sql`concord_search_query(${g}, ${parsed.websearch})::text AS ${Prisma.raw(`"${g}"`)}`);
  const [row] = await prisma.$queryRaw<(GroupQueries & { fuzzy: string[]; owners: string[]; codes: string[] })[]>`
    SELECT ${Prisma.join(columns)},
      ARRAY(SELECT unaccent(w) FROM unnest(${parsed.fuzzyWords}::text[]) w) AS fuzzy,
      ARRAY(SELECT id::text FROM "Delegation" WHERE code = ANY(${names.regions}::text[]) ORDER BY code) AS owners,
      ARRAY(SELECT code::text FROM "Delegation" WHERE code = ANY(${names.regions}::text[]) ORDER BY code) AS codes`;
  const queries = Object.fromEntries(CONFIG_GROUPS.map((g) => [g, row![g]])) as GroupQueries;
  // The index is asked each distinct query once (most words parse alike in several languages).
  const distinct = [...new Set(Object.values(queries).filter((q) => q !== ""))];
  return {
    queries,
    commonInComments: await matchesManyComments(distinct),
    anyQuery: distinct.map((q) => `(${q})`).join(" | "),
    fuzzyWords: row!.fuzzy,
    ownerIds: row!.owners,
    delegationCodes: row!.codes,
    dataLanguages: names.languages,
  };
}

export type FindInput = {
  scope: SearchScope;
  prepared: Prepared;
  filters: SearchFilters;
  lang: Language;
  sort: SearchSort;
  page: number;
};

type Facet<K> = { value: K; count: number };

function filterSql({ delegation, language, status, dimension }: SearchFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (delegation) parts.push(Prisma.sql`m."delegationId" = (SELECT id FROM "Delegation" WHERE code = ${delegation})`);
  if (language) parts.push(Prisma.sql`m.language = ${language}`);
  if (status) {
    const [kind, value] = status.split(":") as [string, string];
    if (kind === "proposal") parts.push(Prisma.sql`m.kind = 'proposal' AND p.status::text = ${value}`);
    else if (kind === "strategy") parts.push(Prisma.sql`m.kind = 'strategy' AND s.status::text = ${value}`);
    else parts.push(Prisma.sql`m.kind = 'amendment' AND m.status = ${value}`);
  }
  if (dimension) {
    parts.push(Prisma.sql`((m.kind = 'proposal' AND ${dimension}::"DsiDimension" = ANY(p.topics)) OR (m.kind = 'strategy' AND ${dimension}::"DsiDimension" = ANY(s.dimensions)))`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
}

type MatchRow = { page: unknown; kinds: unknown; years: unknown };

/** Conditions on the entry itself (`alias`) that the filters imply, applied before anything is ranked. */
function entryFilterSql({ delegation, language, status, dimension, year }: SearchFilters, alias: string, { withYear }: { withYear: boolean }): Prisma.Sql {
  const a = Prisma.raw(alias);
  const parts: Prisma.Sql[] = [];
  if (delegation) parts.push(Prisma.sql`${a}."delegationId" = (SELECT id FROM "Delegation" WHERE code = ${delegation})`);
  if (language) parts.push(Prisma.sql`${a}.language = ${language}`);
  if (status) parts.push(Prisma.sql`${a}.kind = ${status.split(":")[0]}`);
  if (dimension) parts.push(Prisma.sql`${a}.kind IN ('proposal', 'strategy')`);
  // The year of what is not a proposal or a strategy is its entry's own.
  if (year && withYear) {
    parts.push(Prisma.sql`${a}.at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'UTC') AND ${a}.at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'UTC')`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
}

/**
 * The statement finding the page of matching entries the viewer may see, with
 * counts per kind and per year. Everything but comments is ranked in full (it
 * is bounded by the size of the catalogue); comments, bounded only by how much
 * is said, are ranked among the COMMENT_CANDIDATES most recent that match
 * (docs/decisions/012-search-in-postgresql.md).
 */
export function matchSql({ scope, prepared, filters, lang, sort, page }: FindInput): Prisma.Sql {
  const { queries, anyQuery, fuzzyWords, ownerIds, dataLanguages } = prepared;
  const groupQuery = queryForGroup(Prisma.sql`e.config`, queries);
  const columns = Prisma.sql`e.kind, e."sourceId", e."objectId", e.version, e.language, e.config, e."delegationId", e.status, e.at`;
  const exact = Prisma.sql`CROSS JOIN LATERAL (SELECT y.qq, e.doc @@ y.qq AS fts FROM (SELECT ${groupQuery} AS qq) y) x`;
  // The kinds this viewer may not see, as an exclusion: a list of kinds allowed would make
  // the planner intersect with the primary key for nothing.
  const excludedKinds = ENTRY_KINDS.filter((k) => k === "comment" || !scope.kinds.includes(k));
  const fullText = anyQuery ? Prisma.sql`e.doc @@ ${anyQuery}::tsquery` : Prisma.sql`false`;
  // Every word close to a word of the title or name (the trigram index finds them).
  const fuzzy = fuzzyWords.length
    ? Prisma.sql`(e.name IS NOT NULL AND ${Prisma.join(
        fuzzyWords.map((w) => Prisma.sql`${w} <% e.name`),
        " AND ",
      )})`
    : Prisma.sql`false`;
  const fuzzyScore = fuzzyWords.length
    ? Prisma.sql`(${Prisma.join(
        fuzzyWords.map((w) => Prisma.sql`word_similarity(${w}, e.name)`),
        " + ",
      )}) / ${fuzzyWords.length}`
    : Prisma.sql`0`;
  const ownerParts: Prisma.Sql[] = [];
  if (ownerIds.length) ownerParts.push(Prisma.sql`(e."delegationId" = ANY(${ownerIds}::uuid[]) AND e.kind IN ('proposal', 'strategy', 'dataset', 'model'))`);
  if (dataLanguages.length) {
    ownerParts.push(Prisma.sql`(e.kind = 'dataset' AND e."objectId" = ANY(ARRAY(SELECT id FROM "Dataset" WHERE languages && ${dataLanguages}::text[])))`);
  }
  const owned = ownerParts.length ? Prisma.sql`(${Prisma.join(ownerParts, " OR ")})` : Prisma.sql`false`;
  const entryFilter = entryFilterSql(filters, "e", { withYear: false });
  const searchComments = scope.kinds.includes("comment") && anyQuery !== "" && !filters.status && !filters.dimension;
  // Comments: the newest COMMENT_CANDIDATES that match, whatever their number.
  // Rare words: the full-text index gives every match, sorted by date. Common
  // words (by the planner's statistics, see matchesManyComments): walking the
  // newest COMMENT_WINDOW comments finds enough quickly; only if it does not
  // are older ones asked of the index. Ranked afterwards, by the same rules
  // (docs/decisions/012-search-in-postgresql.md).
  const commentFilter = (alias: string) => Prisma.sql`${Prisma.raw(alias)}.doc @@ ${anyQuery}::tsquery AND ${entryFilterSql(filters, alias, { withYear: true })}`;
  const candidates = prepared.commonInComments
    ? Prisma.sql`
       boundary AS MATERIALIZED (
         SELECT coalesce(min(w.at), '-infinity') AS at FROM (SELECT at FROM "SearchEntry" WHERE kind = 'comment' ORDER BY at DESC LIMIT ${COMMENT_WINDOW}) w),
       -- The window's LIMIT keeps the planner walking it newest first, stopping at enough matches.
       recent AS MATERIALIZED (
         SELECT w."sourceId", w.at
         FROM (SELECT c.* FROM "SearchEntry" c WHERE c.kind = 'comment' ORDER BY c.at DESC LIMIT ${COMMENT_WINDOW}) w
         WHERE ${commentFilter("w")} LIMIT ${COMMENT_CANDIDATES}),
       -- The window held fewer: all its matches are in "recent"; the rest are older (or as old as its last).
       older AS MATERIALIZED (
         SELECT c."sourceId", c.at FROM "SearchEntry" c, boundary b
         WHERE (SELECT count(*) FROM recent) < ${COMMENT_CANDIDATES} AND c.kind = 'comment' AND c.at <= b.at AND ${commentFilter("c")}
           AND c."sourceId" NOT IN (SELECT "sourceId" FROM recent)
         ORDER BY c.at DESC LIMIT ${COMMENT_CANDIDATES}),
       candidates AS (
         SELECT "sourceId" FROM recent
         UNION ALL
         (SELECT "sourceId" FROM older ORDER BY at DESC LIMIT greatest(0, ${COMMENT_CANDIDATES} - (SELECT count(*) FROM recent))))`
    : Prisma.sql`
       candidates AS (
         SELECT c."sourceId" FROM "SearchEntry" c WHERE c.kind = 'comment' AND ${commentFilter("c")} ORDER BY c.at DESC LIMIT ${COMMENT_CANDIDATES})`;
  const comments = searchComments
    ? Prisma.sql`
      UNION ALL
      (WITH ${candidates}
       SELECT ${columns}, x.fts, false AS fuzzy, false AS owned, ts_rank(e.doc, x.qq, 1) AS rank
       FROM candidates k JOIN "SearchEntry" e ON e.kind = 'comment' AND e."sourceId" = k."sourceId" ${exact})`
    : Prisma.empty;
  const versioned = Prisma.sql`('proposal', 'position', 'strategy', 'dataset')`;
  const kindFilter = filters.kind ? Prisma.sql`"resultKind" = ${filters.kind}` : Prisma.sql`true`;
  const yearFilter = filters.year ? Prisma.sql`year = ${filters.year}` : Prisma.sql`true`;
  const order = sort === "newest" ? Prisma.sql`recency DESC, "sourceId"` : Prisma.sql`rank DESC, recency DESC, "sourceId"`;
  return Prisma.sql`
    WITH matched AS MATERIALIZED (
      (SELECT ${columns}, x.fts, f.fuzzy, ${owned} AS owned,
              (CASE WHEN x.fts THEN ts_rank(e.doc, x.qq, 1) ELSE 0 END)
                + (CASE WHEN f.fuzzy THEN ${FUZZY_RANK_WEIGHT}::float4 * ${fuzzyScore} ELSE 0 END)
                + (CASE WHEN ${owned} THEN ${OWNER_RANK}::float4 ELSE 0 END) AS rank
       FROM "SearchEntry" e ${exact}
       -- Trigrams cost more than the text match: only for what the text did not match.
       CROSS JOIN LATERAL (SELECT (NOT x.fts AND ${fuzzy}) AS fuzzy) f
       WHERE e.kind <> ALL(${excludedKinds}::text[]) AND (${fullText} OR ${fuzzy} OR ${owned}) AND ${entryFilter})
      ${comments}
    ),
    visible AS (
      SELECT m."sourceId", m."objectId", m.version, m.language, m.config, m.fts, m.fuzzy, m.owned, m.rank,
             CASE WHEN m.kind = 'proposal' AND p.status = 'ADOPTED' THEN 'position' ELSE m.kind END AS "resultKind",
             CASE m.kind WHEN 'proposal' THEN p."lastActivityAt" WHEN 'strategy' THEN s."lastActivityAt" ELSE m.at END AS recency,
             CASE WHEN m.kind = 'strategy' AND s."adoptedOn" IS NOT NULL THEN extract(year FROM s."adoptedOn")
                  ELSE extract(year FROM (CASE m.kind WHEN 'proposal' THEN p."lastActivityAt" WHEN 'strategy' THEN s."lastActivityAt" ELSE m.at END) AT TIME ZONE 'UTC')
             END::int AS year
      FROM matched m
      ${ownerJoins("m")}
      WHERE (m.fts OR m.fuzzy OR m.owned) AND ${visibleSql("m", scope)} AND ${filterSql(filters)}
    ),
    ranked AS (
      (SELECT DISTINCT ON ("resultKind", "objectId") * FROM visible WHERE "resultKind" IN ${versioned}
       ORDER BY "resultKind", "objectId", (language = ${lang} AND fts) DESC, rank DESC)
      UNION ALL
      (SELECT * FROM visible WHERE "resultKind" NOT IN ${versioned})
    )
    SELECT
      (SELECT coalesce(json_agg(r), '[]'::json) FROM (
         SELECT row_number() OVER (ORDER BY ${order}) AS ord, "resultKind" AS kind, "sourceId", "objectId", version, language, config, fts, fuzzy, owned
         FROM ranked WHERE ${kindFilter} AND ${yearFilter}
         ORDER BY ${order} LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}) r) AS page,
      (SELECT coalesce(json_agg(k), '[]'::json) FROM (SELECT "resultKind" AS value, count(*)::int AS count FROM ranked WHERE ${yearFilter} GROUP BY 1) k) AS kinds,
      (SELECT coalesce(json_agg(y), '[]'::json) FROM (SELECT year AS value, count(*)::int AS count FROM ranked WHERE ${kindFilter} GROUP BY 1 ORDER BY 1 DESC) y) AS years`;
}

const matchStatement = (input: FindInput) => prisma.$queryRaw<MatchRow[]>(matchSql(input));

async function findMatches(input: FindInput) {
  // Typo tolerance asks pg_trgm for a lower word-similarity threshold than its default (0.6), in this transaction only.
  const [row] = input.prepared.fuzzyWords.length ? await withThreshold(FUZZY_THRESHOLD, () => matchStatement(input)) : await matchStatement(input);
  const parse = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
  const entries = parse<(MatchedEntry & { ord: number })[]>(row!.page).sort((a, b) => a.ord - b.ord);
  return {
    entries: entries.map(({ ord: _ord, ...entry }) => entry as MatchedEntry),
    kinds: parse<Facet<ResultKind>[]>(row!.kinds),
    years: parse<Facet<number>[]>(row!.years),
  };
}

export type SearchOutcome = {
  query: string;
  /** Nothing to search: an empty query, or only exclusions. */
  empty: boolean;
  results: SearchResult[];
  /** Every result, delegations included. */
  total: number;
  /** The results that are paged (delegations are shown above them, on the first page). */
  pagedTotal: number;
  /** More comments match than are ranked (COMMENT_CANDIDATES): the total is a lower bound. */
  capped: boolean;
  pageSize: number;
  kinds: Facet<ResultKind>[];
  years: Facet<number>[];
  /** Delegations named by the query (for signed-in readers), shown above the results. */
  delegations: { code: string; status: string }[];
  /** Corrected queries when nothing matched. */
  suggestions: string[];
};

export async function search({
  viewer,
  lang,
  query,
  filters,
  sort,
  page,
}: {
  viewer: CurrentUser | null;
  lang: Language;
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
}): Promise<SearchOutcome> {
  const parsed = parseQuery(query);
  const nothing: SearchOutcome = {
    query: parsed.text,
    empty: true,
    results: [],
    total: 0,
    pagedTotal: 0,
    capped: false,
    pageSize: SEARCH_PAGE_SIZE,
    kinds: [],
    years: [],
    delegations: [],
    suggestions: [],
  };
  if (!parsed.terms.some((t) => t.type !== "or" && !t.negated)) return nothing;
  const scope = searchScope(viewer);
  const prepared = await prepare(parsed, recogniseNames(parsed.nameCandidate));
  // Delegations found by name: for signed-in readers, when no filter excludes them.
  const otherFilters = filters.delegation || filters.language || filters.status || filters.dimension || filters.year;
  const delegations =
    scope.delegations && !otherFilters && prepared.delegationCodes.length && (!filters.kind || filters.kind === "delegation")
      ? await prisma.delegation.findMany({ where: { code: { in: prepared.delegationCodes } }, select: { code: true, status: true }, orderBy: { code: "asc" } })
      : [];
  const match = filters.kind === "delegation" ? { entries: [], kinds: [], years: [] } : await findMatches({ scope, prepared, filters, lang, sort, page });
  const pagedTotal = filters.kind ? (match.kinds.find((k) => k.value === filters.kind)?.count ?? 0) : match.kinds.reduce((n, k) => n + k.count, 0);
  const kinds = [...match.kinds];
  if (delegations.length) kinds.push({ value: "delegation", count: delegations.length });
  kinds.sort((a, b) => RESULT_KINDS.indexOf(a.value) - RESULT_KINDS.indexOf(b.value));
  const total = filters.kind ? (kinds.find((k) => k.value === filters.kind)?.count ?? 0) : kinds.reduce((n, k) => n + k.count, 0);
  const results = await loadDetails({ entries: match.entries, queries: prepared.queries, lang, cjkTerms: parsed.cjkTerms });
  const suggestions = total === 0 && parsed.fuzzyWords.length ? await suggestCorrections({ parsed, scope }) : [];
  return {
    query: parsed.text,
    empty: false,
    results,
    total,
    pagedTotal,
    capped: (match.kinds.find((k) => k.value === "comment")?.count ?? 0) >= COMMENT_CANDIDATES,
    pageSize: SEARCH_PAGE_SIZE,
    kinds,
    years: match.years,
    delegations: page === 1 ? delegations : [],
    suggestions,
  };
}

/** The delegations the filter offers (codes only: names come from Intl). */
export async function delegationCodes(): Promise<string[]> {
  const rows = await prisma.delegation.findMany({ select: { code: true } });
  return rows.map((r) => r.code);
}
