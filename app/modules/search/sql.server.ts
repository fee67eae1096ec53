// SQL shared by the search queries: the query of each configuration group, who
// may see an entry (the rules of the pages, see permissions.ts), and snippet
// options. Fragments only; every value is a bound parameter, names of our own
// constants are the only raw SQL.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { CONFIG_GROUPS, type ConfigGroup } from "./constants";
import type { SearchScope } from "./permissions";

/** The tsquery of every configuration group, as text (PostgreSQL's own output, read back with ::tsquery). */
export type GroupQueries = Record<ConfigGroup, string>;

/** The query matching the configuration group in `group` (an SQL expression). */
export function queryForGroup(group: Prisma.Sql, queries: GroupQueries): Prisma.Sql {
  const branches = CONFIG_GROUPS.filter((g) => g !== "simple").map((g) => Prisma.sql`WHEN ${Prisma.raw(`'${g}'`)} THEN ${queries[g]}::tsquery`);
  return Prisma.sql`(CASE ${group} ${Prisma.join(branches, " ")} ELSE ${queries.simple}::tsquery END)`;
}

/** The proposal (`p`) and strategy (`s`) an entry (`alias`) belongs to, for the rules below. */
export function ownerJoins(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`
    LEFT JOIN "Proposal" p ON ${a}.kind = 'proposal' AND p.id = ${a}."objectId"
    LEFT JOIN (SELECT "proposalId", max("versionNumber") AS version FROM "Vote" WHERE outcome = 'ADOPTED' GROUP BY 1) adopted
      ON ${a}.kind = 'proposal' AND p.status = 'ADOPTED' AND adopted."proposalId" = p.id
    LEFT JOIN "Strategy" s ON ${a}.kind = 'strategy' AND s.id = ${a}."objectId"`;
}

/**
 * Whether the viewer may see the entry (`alias`, joined as in ownerJoins; `adopted` is the adopted vote's version):
 * - proposal texts: the adopted version of an adopted proposal (a public
 *   position); else, for those who read members-only content, the current
 *   version at any stage (proposal.server assertMayRead);
 * - strategy texts: the version the reader may read (strategy/permissions
 *   readableVersion), of a strategy they may see (visibleStrategies);
 * - comments (never hidden ones: they are not indexed), amendments, people:
 *   members-only content;
 * - benchmarks: when they have results the viewer may see (listBenchmarks);
 * - datasets and models: the public catalogue and registry.
 */
export function visibleSql(alias: string, scope: SearchScope): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(CASE ${a}.kind
    WHEN 'proposal' THEN
      (p.status = 'ADOPTED' AND ${a}.version = adopted.version)
      OR (${scope.members} AND p.status <> 'ADOPTED' AND ${a}.version = p."currentVersion")
    WHEN 'strategy' THEN
      CASE WHEN ${scope.members} AND s."delegationId" = ${scope.ownDelegationId}::uuid THEN ${a}.version = s."currentVersion"
           ELSE ${a}.version = s."publishedVersion" AND (s.visibility = 'PUBLIC' OR ${scope.members}) END
    WHEN 'comment' THEN ${scope.members}
    WHEN 'amendment' THEN ${scope.members}
    WHEN 'person' THEN ${scope.members}
    WHEN 'benchmark' THEN EXISTS (
      SELECT 1 FROM "EvaluationResult" r WHERE r."benchmarkId" = ${a}."objectId" AND r.visibility::text = ANY(${scope.resultVisibilities}::text[]))
    WHEN 'dataset' THEN true
    WHEN 'model' THEN true
    ELSE false END)`;
}

// Snippets: ts_headline marks matches with two private-use characters, which
// the server turns into <mark> elements (highlight.ts); no HTML is ever built from text.
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
const OPTIONS_TITLE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const OPTIONS_SNIPPET = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Markdown as plain text for a snippet: links keep their text, emphasis and line markers go. */
export function plainMarkdown(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`regexp_replace(regexp_replace(regexp_replace(regexp_replace(${text},
      '\\[([^\\]]*)\\]\\([^)]*\\)', '\\1', 'g'),
      '^[ \\t]*(#{1,6}|>|[-+*]|[0-9]+[.)])[ \\t]+', '', 'gn'),
      '\\*\\*|__|\`+', '', 'g'),
      '\\*([^*\\n]+)\\*', '\\1', 'g')`;
}

/** A title or name with every match marked. */
export function headlineTitle(group: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_headline(concord_search_config(${group}), concord_search_prepare(${group}, ${text}), ${query}, ${OPTIONS_TITLE})`;
}

/** The best fragments of a longer text, matches marked. */
export function headlineSnippet(group: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_headline(concord_search_config(${group}), concord_search_prepare(${group}, ${plainMarkdown(text)}), ${query}, ${OPTIONS_SNIPPET})`;
}

/** How well a piece of text matches (to pick the section a snippet comes from). */
export function rankOf(group: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_rank(to_tsvector(concord_search_config(${group}), concord_search_prepare(${group}, ${text})), ${query})`;
}

/** Runs the statement with pg_trgm's word-similarity threshold set for its transaction only. */
export async function withThreshold<T>(threshold: number, run: () => Prisma.PrismaPromise<T>): Promise<T> {
  const [, result] = await prisma.$transaction([prisma.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`, run()]);
  return result;
}
