// A model's results and models side by side: each model's best full-sample
// result per leaderboard (one benchmark at one task version and n-shot, so
// what is shown side by side is comparable), read from the stored entries;
// with a language filter, computed from the results. Limited to what the
// viewer may see.
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { COMPARE_MAX_BENCHMARKS, COMPARE_MAX_MODELS, MODEL_RESULTS_PAGE_SIZE } from "./constants";
import type { BoardIdentity } from "./leaderboard.server";
import { audienceOf, bestOfResults, taskPattern } from "./leaderboard-sql.server";
import { visibleTo } from "./permissions";

export type ModelResultRow = BoardIdentity & {
  score: number;
  stderr: number | null;
  rankLow: number;
  rankHigh: number;
  /** Models ranked on that leaderboard. */
  rankedModels: number;
  language: string;
  runId: string;
  isDemo: boolean;
};

/** A model's best visible result on each leaderboard, with its rank there, by task name. */
export async function modelResults({ viewer, modelId, page, q }: { viewer: CurrentUser | null; modelId: string; page: number; q?: string }) {
  const audience = audienceOf(viewer);
  const task = q ? Prisma.sql`AND b.task ILIKE ${taskPattern(q)}` : Prisma.empty;
  const from = Prisma.sql`
    FROM "LeaderboardEntry" e
    JOIN "Leaderboard" l ON l.id = e."leaderboardId"
    JOIN "Benchmark" b ON b.id = l."benchmarkId"
    JOIN "LeaderboardSummary" s ON s."leaderboardId" = e."leaderboardId" AND s.audience = e.audience
    JOIN "EvaluationRun" run ON run.id = e."runId"
    WHERE e.audience = ${audience}::"ResultVisibility" AND e."modelId" = ${modelId}::uuid ${task}`;
  const offset = (page - 1) * MODEL_RESULTS_PAGE_SIZE;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<ModelResultRow[]>`
      SELECT l.id, l."benchmarkId", b.task, b.metric, b.filter, b."isGroup", b."higherIsBetter", l."taskVersion", l."nShot",
             e.score, e.stderr, e."rankLow", e."rankHigh", s."modelCount" AS "rankedModels", e.language, e."runId", run."isDemo"
      ${from}
      ORDER BY b.task, b.metric, b.filter, b."isGroup", l."taskVersion" NULLS LAST, l."nShot" NULLS LAST, l.id
      LIMIT ${MODEL_RESULTS_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`,
  ]);
  return { rows, total: totals[0]?.total ?? 0, pageSize: MODEL_RESULTS_PAGE_SIZE };
}

export const MODEL_RUNS_SHOWN = 10;

/** A model's latest submissions the viewer may see. */
export async function latestRuns({ viewer, modelId }: { viewer: CurrentUser | null; modelId: string }) {
  return prisma.evaluationRun.findMany({
    where: { modelId, visibility: { in: visibleTo(viewer) } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MODEL_RUNS_SHOWN,
    select: {
      id: true,
      source: true,
      harness: true,
      harnessVersion: true,
      evaluatedAt: true,
      createdAt: true,
      resultCount: true,
      limitedCount: true,
      visibility: true,
      isDemo: true,
      delegation: { select: { code: true } },
      submittedBy: { select: { name: true } },
    },
  });
}

export type ComparedBoard = BoardIdentity & { covered: number };
export type ComparedScore = { modelId: string; leaderboardId: string; score: number; stderr: number | null };

/**
 * Chosen models side by side: the leaderboards most of them are on (at most
 * COMPARE_MAX_BENCHMARKS), and each model's best score there.
 */
export async function compareModels({ viewer, slugs, language, q }: { viewer: CurrentUser | null; slugs: string[]; language?: string; q?: string }) {
  const models = slugs.length
    ? await prisma.aiModel.findMany({ where: { slug: { in: slugs.slice(0, COMPARE_MAX_MODELS) } }, select: { id: true, slug: true, name: true, family: true } })
    : [];
  // In the order chosen.
  models.sort((a, b) => slugs.indexOf(a.slug) - slugs.indexOf(b.slug));
  if (models.length === 0) return { models, boards: [] as ComparedBoard[], scores: [] as ComparedScore[] };
  const ids = models.map((m) => m.id);
  const best = language
    ? bestOfResults(viewer, language, Prisma.sql`r."modelId" = ANY(${ids}::uuid[])`)
    : Prisma.sql`(SELECT * FROM "LeaderboardEntry" WHERE audience = ${audienceOf(viewer)}::"ResultVisibility" AND "modelId" = ANY(${ids}::uuid[]))`;
  const task = q ? Prisma.sql`AND b.task ILIKE ${taskPattern(q)}` : Prisma.empty;
  const [boards, scores] = await Promise.all([
    prisma.$queryRaw<ComparedBoard[]>`
      SELECT l.id, l."benchmarkId", b.task, b.metric, b.filter, b."isGroup", b."higherIsBetter", l."taskVersion", l."nShot", count(*)::int AS covered
      FROM ${best} e JOIN "Leaderboard" l ON l.id = e."leaderboardId" JOIN "Benchmark" b ON b.id = l."benchmarkId"
      WHERE true ${task}
      GROUP BY l.id, b.id
      ORDER BY covered DESC, b.task, b.metric, b.filter, b."isGroup", l."taskVersion" NULLS LAST, l."nShot" NULLS LAST, l.id
      LIMIT ${COMPARE_MAX_BENCHMARKS}`,
    prisma.$queryRaw<ComparedScore[]>`SELECT e."modelId", e."leaderboardId", e.score, e.stderr FROM ${best} e`,
  ]);
  const shown = new Set(boards.map((b) => b.id));
  // Shown by task name, so the same leaderboards line up from one comparison to the next.
  boards.sort(
    (a, b) =>
      a.task.localeCompare(b.task) ||
      a.metric.localeCompare(b.metric) ||
      a.filter.localeCompare(b.filter) ||
      Number(a.isGroup) - Number(b.isGroup) ||
      (a.nShot ?? -1) - (b.nShot ?? -1),
  );
  return { models, boards, scores: scores.filter((s) => shown.has(s.leaderboardId)) };
}
