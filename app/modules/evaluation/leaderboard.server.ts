// Reading leaderboards. A leaderboard ranks the results of one benchmark
// (task or group, metric, filter) at one task version and one n-shot, on full
// sample sets only; limited runs are listed apart, on request. Unfiltered
// pages read what each write keeps up to date (LeaderboardSummary,
// LeaderboardEntry), so their cost does not grow with the number of results;
// a filter on the results' language or the models' family is computed from
// the results, for the boards shown. Every query is limited to the
// visibilities the viewer may see.
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { LEADERBOARD_PAGE_SIZE, LEADERBOARDS_PAGE_SIZE, LIMITED_RESULTS_SHOWN } from "./constants";
import { audienceOf, bestFirst, bestOfResults, rankRangesOf, resultConditions, taskPattern } from "./leaderboard-sql.server";
import { visibleTo } from "./permissions";

export type Filters = { language?: string; family?: string; q?: string; limited?: boolean };

export type BoardIdentity = {
  id: string;
  benchmarkId: string;
  task: string;
  metric: string;
  filter: string;
  isGroup: boolean;
  higherIsBetter: boolean;
  taskVersion: string | null;
  nShot: number | null;
};

export type LeaderboardListItem = BoardIdentity & {
  models: number;
  results: number;
  limited: number;
  leader: { slug: string; name: string; score: number; stderr: number | null } | null;
  /** Models that could rank first (the leader and those statistically tied with it). */
  firstCount: number;
};

const BOARD_ORDER = Prisma.sql`b.task, b.metric, b.filter, b."isGroup", l."taskVersion" NULLS LAST, l."nShot" NULLS LAST, l.id`;

type ListRow = BoardIdentity & {
  models: number;
  results: number;
  limited: number;
  leaderSlug: string | null;
  leaderName: string | null;
  leaderScore: number | null;
  leaderStderr: number | null;
  firstCount: number;
};

function toItem(r: ListRow): LeaderboardListItem {
  const { leaderSlug, leaderName, leaderScore, leaderStderr, ...rest } = r;
  return { ...rest, leader: leaderSlug && leaderName && leaderScore !== null ? { slug: leaderSlug, name: leaderName, score: leaderScore, stderr: leaderStderr } : null };
}

/** Leaderboards with results the viewer may see, most models first, each with its leader. */
export async function listLeaderboards({ viewer, page, ...filters }: { viewer: CurrentUser | null; page: number } & Filters) {
  const offset = (page - 1) * LEADERBOARDS_PAGE_SIZE;
  const task = filters.q ? Prisma.sql`AND b.task ILIKE ${taskPattern(filters.q)}` : Prisma.empty;
  const shown = Prisma.sql`(models > 0 OR (${filters.limited === true}::boolean AND limited > 0))`;

  if (!filters.language && !filters.family) {
    const from = Prisma.sql`
      FROM (SELECT s.*, s."modelCount" AS models, s."limitedCount" AS limited FROM "LeaderboardSummary" s WHERE s.audience = ${audienceOf(viewer)}::"ResultVisibility") s
      JOIN "Leaderboard" l ON l.id = s."leaderboardId"
      JOIN "Benchmark" b ON b.id = l."benchmarkId"
      LEFT JOIN "AiModel" m ON m.id = s."leaderModelId"
      WHERE ${shown} ${task}`;
    const [rows, totals] = await Promise.all([
      prisma.$queryRaw<ListRow[]>`
        SELECT l.id, l."benchmarkId", b.task, b.metric, b.filter, b."isGroup", b."higherIsBetter", l."taskVersion", l."nShot",
               s.models, s."resultCount" AS results, s.limited, m.slug AS "leaderSlug", m.name AS "leaderName",
               s."leaderScore", s."leaderStderr", s."firstCount"
        ${from}
        ORDER BY s.models DESC, ${BOARD_ORDER}
        LIMIT ${LEADERBOARDS_PAGE_SIZE} OFFSET ${offset}`,
      prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`,
    ]);
    return { items: rows.map(toItem), total: totals[0]?.total ?? 0, pageSize: LEADERBOARDS_PAGE_SIZE };
  }

  // Filtered: counts from the results the filters keep, then leaders and ties for the boards shown.
  const family = filters.family ? Prisma.sql`AND r."modelId" IN (SELECT id FROM "AiModel" WHERE family = ${filters.family})` : Prisma.empty;
  const counted = Prisma.sql`
    FROM (
      SELECT r."leaderboardId", count(DISTINCT r."modelId") FILTER (WHERE NOT r."isLimited")::int AS models,
             count(*) FILTER (WHERE NOT r."isLimited")::int AS results, count(*) FILTER (WHERE r."isLimited")::int AS limited
      FROM "EvaluationResult" r JOIN "Benchmark" b ON b.id = r."benchmarkId"
      WHERE ${resultConditions(viewer, filters.language)} ${family} ${task}
      GROUP BY r."leaderboardId"
    ) c
    JOIN "Leaderboard" l ON l.id = c."leaderboardId"
    JOIN "Benchmark" b ON b.id = l."benchmarkId"
    WHERE ${shown}`;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<Omit<ListRow, "leaderSlug" | "leaderName" | "leaderScore" | "leaderStderr" | "firstCount">[]>`
      SELECT l.id, l."benchmarkId", b.task, b.metric, b.filter, b."isGroup", b."higherIsBetter", l."taskVersion", l."nShot", c.models, c.results, c.limited
      ${counted}
      ORDER BY c.models DESC, ${BOARD_ORDER}
      LIMIT ${LEADERBOARDS_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${counted}`,
  ]);
  const ids = rows.map((r) => r.id);
  const best = bestOfResults(viewer, filters.language, Prisma.sql`r."leaderboardId" = ANY(${ids}::uuid[]) ${family}`);
  const leaders = ids.length
    ? await prisma.$queryRaw<{ leaderboardId: string; slug: string; name: string; score: number; stderr: number | null; firstCount: number }[]>`
        WITH best AS ${best},
             firsts AS (SELECT "leaderboardId", count(*) FILTER (WHERE "rankLow" = 1)::int AS "firstCount" FROM ${rankRangesOf(Prisma.sql`best`)} ranked GROUP BY "leaderboardId"),
             leaders AS (
               SELECT DISTINCT ON (best."leaderboardId") best."leaderboardId", m.slug, m.name, best.score, best.stderr
               FROM best JOIN "AiModel" m ON m.id = best."modelId"
               ORDER BY best."leaderboardId", CASE WHEN best."higherIsBetter" THEN -best.score ELSE best.score END, best.stderr ASC NULLS LAST, m.name, m.id
             )
        SELECT leaders.*, firsts."firstCount" FROM leaders JOIN firsts ON firsts."leaderboardId" = leaders."leaderboardId"`
    : [];
  const byId = new Map(leaders.map((l) => [l.leaderboardId, l]));
  const items = rows.map((r) => {
    const l = byId.get(r.id);
    return toItem({
      ...r,
      leaderSlug: l?.slug ?? null,
      leaderName: l?.name ?? null,
      leaderScore: l?.score ?? null,
      leaderStderr: l?.stderr ?? null,
      firstCount: l?.firstCount ?? 0,
    });
  });
  return { items, total: totals[0]?.total ?? 0, pageSize: LEADERBOARDS_PAGE_SIZE };
}

/** A board with its benchmark, or 404. */
export async function getBoard(id: string): Promise<BoardIdentity> {
  const board = await prisma.leaderboard.findUnique({
    where: { id },
    select: { id: true, benchmarkId: true, taskVersion: true, nShot: true, benchmark: { select: { task: true, metric: true, filter: true, isGroup: true, higherIsBetter: true } } },
  });
  if (!board) throw notFound();
  const { benchmark, ...rest } = board;
  return { ...rest, ...benchmark };
}

/** The leaderboard a benchmark's page opens on: the one with most models the viewer may see (or limited runs only). */
export async function defaultLeaderboardOf({ viewer, benchmarkId }: { viewer: CurrentUser | null; benchmarkId: string }): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "Leaderboard" l
    JOIN "LeaderboardSummary" s ON s."leaderboardId" = l.id AND s.audience = ${audienceOf(viewer)}::"ResultVisibility"
    WHERE l."benchmarkId" = ${benchmarkId}::uuid AND (s."modelCount" > 0 OR s."limitedCount" > 0)
    ORDER BY s."modelCount" DESC, s."limitedCount" DESC, l."taskVersion" NULLS LAST, l."nShot" NULLS LAST, l.id
    LIMIT 1`;
  return rows[0]?.id ?? null;
}

export type LeaderboardRow = {
  /** Place in the table (best first), from 1. */
  position: number;
  /** Best and worst rank given the 95 % intervals; different when statistically tied with another model. */
  rankLow: number;
  rankHigh: number;
  resultId: string;
  runId: string;
  modelSlug: string;
  modelName: string;
  family: string;
  openWeights: boolean;
  score: number;
  stderr: number | null;
  samplesEffective: number | null;
  samplesOriginal: number | null;
  language: string;
  evaluatedAt: Date | null;
  harness: string;
  harnessVersion: string | null;
  isDemo: boolean;
  delegationCode: string | null;
  submitterName: string;
};

export type LimitedRow = Omit<LeaderboardRow, "position" | "rankLow" | "rankHigh" | "family" | "openWeights" | "delegationCode" | "submitterName"> & {
  sampleLimit: number | null;
};

export type BoardSetting = { id: string; taskVersion: string | null; nShot: number | null; models: number; limited: number };

/**
 * One leaderboard: its rows (each model's best full-sample result, best first,
 * with rank ranges), the other settings (version, n-shot) of the same
 * benchmark, its limited runs when asked for, and a group's member tasks.
 */
export async function getLeaderboard({ viewer, leaderboardId, page, ...filters }: { viewer: CurrentUser | null; leaderboardId: string; page: number } & Filters) {
  const board = await getBoard(leaderboardId);
  const audience = audienceOf(viewer);
  const order = bestFirst(board.higherIsBetter);
  const offset = (page - 1) * LEADERBOARD_PAGE_SIZE;
  const family = filters.family ? Prisma.sql`AND m.family = ${filters.family}` : Prisma.empty;

  // Each model's best: stored (with its rank on the whole board), or computed for a language.
  const best = filters.language
    ? Prisma.sql`(
        SELECT best.*, ranked."rankLow", ranked."rankHigh"
        FROM ${bestOfResults(viewer, filters.language, Prisma.sql`r."leaderboardId" = ${leaderboardId}::uuid`)} best
        JOIN ${rankRangesOf(bestOfResults(viewer, filters.language, Prisma.sql`r."leaderboardId" = ${leaderboardId}::uuid`))} ranked
          ON ranked."modelId" = best."modelId"
      )`
    : Prisma.sql`(SELECT * FROM "LeaderboardEntry" WHERE audience = ${audience}::"ResultVisibility" AND "leaderboardId" = ${leaderboardId}::uuid)`;

  const [rows, totals, settings, limited, members] = await Promise.all([
    prisma.$queryRaw<Omit<LeaderboardRow, "position">[]>`
      SELECT e."rankLow", e."rankHigh", e."resultId", e."runId", m.slug AS "modelSlug", m.name AS "modelName", m.family, m."openWeights",
             e.score, e.stderr, r."samplesEffective", r."samplesOriginal", e.language, e."evaluatedAt",
             run.harness, run."harnessVersion", run."isDemo", d.code AS "delegationCode", u.name AS "submitterName"
      FROM ${best} e
      JOIN "AiModel" m ON m.id = e."modelId"
      JOIN "EvaluationResult" r ON r.id = e."resultId"
      JOIN "EvaluationRun" run ON run.id = e."runId"
      JOIN "User" u ON u.id = run."submittedById"
      LEFT JOIN "Delegation" d ON d.id = run."delegationId"
      WHERE true ${family}
      ORDER BY e.score ${order}, e.stderr ASC NULLS LAST, m.name, m.id
      LIMIT ${LEADERBOARD_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: number; ranked: number }[]>`
      SELECT count(*) FILTER (WHERE true ${family})::int AS total, count(*)::int AS ranked
      FROM ${best} e JOIN "AiModel" m ON m.id = e."modelId"`,
    prisma.$queryRaw<BoardSetting[]>`
      SELECT l.id, l."taskVersion", l."nShot", COALESCE(s."modelCount", 0) AS models, COALESCE(s."limitedCount", 0) AS limited
      FROM "Leaderboard" l
      LEFT JOIN "LeaderboardSummary" s ON s."leaderboardId" = l.id AND s.audience = ${audience}::"ResultVisibility"
      WHERE l."benchmarkId" = ${board.benchmarkId}::uuid AND (l.id = ${leaderboardId}::uuid OR s."modelCount" > 0 OR s."limitedCount" > 0)
      ORDER BY COALESCE(s."modelCount", 0) DESC, l."taskVersion" NULLS LAST, l."nShot" NULLS LAST, l.id
      LIMIT 50`,
    limitedResults({ viewer, leaderboardId, higherIsBetter: board.higherIsBetter, language: filters.language, family: filters.family }),
    board.isGroup ? groupMembers({ viewer, leaderboardId, task: board.task }) : Promise.resolve(null),
  ]);
  return {
    board,
    rows: rows.map((r, i) => ({ ...r, position: offset + i + 1 })),
    total: totals[0]?.total ?? 0,
    /** Models ranked on the whole board (ranks are among these, whatever the family filter). */
    rankedModels: totals[0]?.ranked ?? 0,
    pageSize: LEADERBOARD_PAGE_SIZE,
    settings,
    limited: { count: limited.count, rows: filters.limited ? limited.rows : [] },
    members,
  };
}

/** Results of runs made on part of the samples, never ranked: how many, and the first ones. */
async function limitedResults({
  viewer,
  leaderboardId,
  higherIsBetter,
  language,
  family,
}: {
  viewer: CurrentUser | null;
  leaderboardId: string;
  higherIsBetter: boolean;
  language?: string;
  family?: string;
}): Promise<{ count: number; rows: LimitedRow[] }> {
  const where = Prisma.sql`r."leaderboardId" = ${leaderboardId}::uuid AND r."isLimited" AND ${resultConditions(viewer, language)}
    ${family ? Prisma.sql`AND m.family = ${family}` : Prisma.empty}`;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<LimitedRow[]>`
      SELECT r.id AS "resultId", r."runId", m.slug AS "modelSlug", m.name AS "modelName", r.score, r.stderr, r."samplesEffective", r."samplesOriginal",
             r.language, r."evaluatedAt", run.harness, run."harnessVersion", run."isDemo", run."sampleLimit"
      FROM "EvaluationResult" r JOIN "AiModel" m ON m.id = r."modelId" JOIN "EvaluationRun" run ON run.id = r."runId"
      WHERE ${where}
      ORDER BY r.score ${bestFirst(higherIsBetter)}, m.name, r.id
      LIMIT ${LIMITED_RESULTS_SHOWN}`,
    prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "EvaluationResult" r JOIN "AiModel" m ON m.id = r."modelId" WHERE ${where}`,
  ]);
  return { count: totals[0]?.count ?? 0, rows };
}

/** A group's member tasks, as the latest visible run that scored the group lists them. */
async function groupMembers({ viewer, leaderboardId, task }: { viewer: CurrentUser | null; leaderboardId: string; task: string }): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ members: unknown }[]>`
    SELECT run."groupSubtasks" -> ${task} AS members
    FROM "EvaluationRun" run
    WHERE run.id IN (SELECT r."runId" FROM "EvaluationResult" r WHERE r."leaderboardId" = ${leaderboardId}::uuid AND ${resultConditions(viewer)})
      AND run."groupSubtasks" ? ${task}
    ORDER BY run."createdAt" DESC
    LIMIT 1`;
  const members = rows[0]?.members;
  return Array.isArray(members) ? members.filter((m): m is string => typeof m === "string") : [];
}

/** For a delegation's profile: how many submissions of it the viewer may see. */
export async function countDelegationRuns({ viewer, delegationId }: { viewer: CurrentUser | null; delegationId: string }) {
  return prisma.evaluationRun.count({ where: { delegationId, visibility: { in: visibleTo(viewer) } } });
}
