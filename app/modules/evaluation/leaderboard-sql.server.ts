// SQL shared by the evaluation pages. Unfiltered pages read what the writes
// keep up to date (LeaderboardEntry: each model's best full-sample result per
// leaderboard and audience, with its rank range; LeaderboardSummary). A filter
// on the language of results changes which result is a model's best, so those
// pages compute the same from the results themselves, for the boards shown.
import { Prisma } from "~/generated/prisma/client";
import type { ResultVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { visibleTo } from "./permissions";

/** The audience whose best scores a viewer reads: members see public and members-only results. */
export function audienceOf(viewer: CurrentUser | null): ResultVisibility {
  return visibleTo(viewer).includes("MEMBERS") ? "MEMBERS" : "PUBLIC";
}

/** Conditions on `r` (EvaluationResult) for a viewer and a language. */
export function resultConditions(viewer: CurrentUser | null, language?: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`r.visibility::text = ANY(${visibleTo(viewer)}::text[])`];
  if (language) parts.push(Prisma.sql`r.language = ${language}`);
  return Prisma.join(parts, " AND ");
}

/** A task-name search as an ILIKE pattern where % and _ are letters. */
export const taskPattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * Each model's best full-sample result per leaderboard among the results a
 * viewer may see in a language, as a subquery with the columns of
 * LeaderboardEntry (without ranks) plus "higherIsBetter". `where` narrows the
 * results further (by leaderboard, model…), on `r`.
 */
export function bestOfResults(viewer: CurrentUser | null, language: string | undefined, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT DISTINCT ON (r."leaderboardId", r."modelId")
           r."leaderboardId", r."modelId", r.id AS "resultId", r."runId", r.score, r.stderr, r.language, r."evaluatedAt", b."higherIsBetter"
    FROM "EvaluationResult" r JOIN "Benchmark" b ON b.id = r."benchmarkId"
    WHERE NOT r."isLimited" AND ${resultConditions(viewer, language)} AND ${where}
    ORDER BY r."leaderboardId", r."modelId", CASE WHEN b."higherIsBetter" THEN -r.score ELSE r.score END,
             r.stderr ASC NULLS LAST, r."evaluatedAt" DESC NULLS LAST, r.id
  )`;
}

/**
 * Rank ranges (concord_rank_ranges, the rule the stored entries follow) of the
 * rows of a best-results subquery, per leaderboard: rows of ("leaderboardId",
 * "modelId", "rankLow", "rankHigh").
 */
export function rankRangesOf(best: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT g."leaderboardId", g.models[x.idx] AS "modelId", x.rank_low AS "rankLow", x.rank_high AS "rankHigh"
    FROM (
      SELECT "leaderboardId", array_agg("modelId" ORDER BY "modelId") AS models,
             array_agg(CASE WHEN "higherIsBetter" THEN score ELSE -score END ORDER BY "modelId") AS v,
             array_agg(stderr ORDER BY "modelId") AS se
      FROM ${best} AS best GROUP BY "leaderboardId"
    ) g
    CROSS JOIN LATERAL concord_rank_ranges(g.v, g.se) x
  )`;
}

/** Best first: descending when higher is better. */
export const bestFirst = (higherIsBetter: boolean) => Prisma.raw(higherIsBetter ? "DESC" : "ASC");
