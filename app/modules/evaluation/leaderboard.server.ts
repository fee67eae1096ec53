// Reading evaluation results: benchmarks with their leaders, a leaderboard per
// benchmark, a model's best results, a comparison of chosen models, and one
// submission with its provenance. Everything is aggregated and paginated in
// SQL over indexed columns (EvaluationResult (benchmarkId, modelId, score) and
// (modelId, benchmarkId, score)): pages stay fast with tens of thousands of
// results, and only a page of rows is ever read into memory. Every query is
// limited to the visibilities the viewer may see.
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/errors";
import {
  BENCHMARKS_PAGE_SIZE,
  COMPARE_MAX_BENCHMARKS,
  COMPARE_MAX_MODELS,
  LEADERBOARD_PAGE_SIZE,
  MODEL_RESULTS_PAGE_SIZE,
  RUN_RESULTS_PAGE_SIZE,
} from "./constants";
import { mayReadRun, mayWithdrawRun, visibleTo } from "./permissions";

type Filters = { language?: string; family?: string; q?: string };

/** Conditions on `r` (EvaluationResult), `m` (AiModel) and `b` (Benchmark) for a viewer and filters. */
function conditions(viewer: CurrentUser | null, { language, family, q }: Filters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`r.visibility::text = ANY(${visibleTo(viewer)}::text[])`];
  if (language) parts.push(Prisma.sql`r.language = ${language}`);
  if (family) parts.push(Prisma.sql`m.family = ${family}`);
  if (q) parts.push(Prisma.sql`b.task ILIKE ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`);
  return Prisma.join(parts, " AND ");
}

/** Best first: descending when higher is better. */
const bestFirst = (higherIsBetter: boolean) => Prisma.raw(higherIsBetter ? "DESC" : "ASC");

export type BenchmarkSummary = {
  id: string;
  task: string;
  metric: string;
  filter: string;
  higherIsBetter: boolean;
  results: number;
  models: number;
  leader: { slug: string; name: string; score: number } | null;
};

/** Benchmarks that have results the viewer may see, most-covered first, each with its leading model. */
export async function listBenchmarks({ viewer, page, ...filters }: { viewer: CurrentUser | null; page: number } & Filters) {
  const where = conditions(viewer, filters);
  // The model table is only needed to filter by family.
  const models = filters.family ? Prisma.sql`JOIN "AiModel" m ON m.id = r."modelId"` : Prisma.empty;
  const offset = (page - 1) * BENCHMARKS_PAGE_SIZE;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<Omit<BenchmarkSummary, "leader">[]>`
      SELECT b.id, b.task, b.metric, b.filter, b."higherIsBetter", count(*)::int AS results, count(DISTINCT r."modelId")::int AS models
      FROM "EvaluationResult" r
      JOIN "Benchmark" b ON b.id = r."benchmarkId"
      ${models}
      WHERE ${where}
      GROUP BY b.id
      ORDER BY count(DISTINCT r."modelId") DESC, b.task, b.metric, b.filter
      LIMIT ${BENCHMARKS_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(DISTINCT r."benchmarkId")::int AS total
      FROM "EvaluationResult" r
      JOIN "Benchmark" b ON b.id = r."benchmarkId"
      ${models}
      WHERE ${where}`,
  ]);
  const ids = rows.map((r) => r.id);
  const leaders = ids.length
    ? await prisma.$queryRaw<{ benchmarkId: string; slug: string; name: string; score: number }[]>`
        SELECT DISTINCT ON (r."benchmarkId") r."benchmarkId", m.slug, m.name, r.score
        FROM "EvaluationResult" r
        JOIN "Benchmark" b ON b.id = r."benchmarkId"
        JOIN "AiModel" m ON m.id = r."modelId"
        WHERE r."benchmarkId" = ANY(${ids}::uuid[]) AND ${where}
        ORDER BY r."benchmarkId", CASE WHEN b."higherIsBetter" THEN -r.score ELSE r.score END, m.name`
    : [];
  const byId = new Map(leaders.map((l) => [l.benchmarkId, l]));
  const items: BenchmarkSummary[] = rows.map((r) => {
    const l = byId.get(r.id);
    return { ...r, leader: l ? { slug: l.slug, name: l.name, score: l.score } : null };
  });
  return { items, total: totals[0]?.total ?? 0, pageSize: BENCHMARKS_PAGE_SIZE };
}

export async function getBenchmark(id: string) {
  const benchmark = await prisma.benchmark.findUnique({ where: { id }, select: { id: true, task: true, metric: true, filter: true, higherIsBetter: true } });
  if (!benchmark) throw notFound();
  return benchmark;
}

export type LeaderboardRow = {
  rank: number;
  resultId: string;
  runId: string;
  modelSlug: string;
  modelName: string;
  family: string;
  openWeights: boolean;
  score: number;
  stderr: number | null;
  nShot: number | null;
  language: string;
  evaluatedAt: Date;
  harness: string;
  harnessVersion: string | null;
  isDemo: boolean;
  delegationCode: string | null;
  submitterName: string;
};

/** One row per model: its best visible result on the benchmark, ranked best first (respecting higher-is-better). */
export async function leaderboard({ viewer, benchmarkId, page, ...filters }: { viewer: CurrentUser | null; benchmarkId: string; page: number } & Filters) {
  const benchmark = await getBenchmark(benchmarkId);
  const where = conditions(viewer, { language: filters.language, family: filters.family });
  const order = bestFirst(benchmark.higherIsBetter);
  const offset = (page - 1) * LEADERBOARD_PAGE_SIZE;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<Omit<LeaderboardRow, "rank">[]>`
      WITH best AS (
        SELECT DISTINCT ON (r."modelId") r.id, r."modelId", r."runId", r.score, r.stderr, r."nShot", r.language, r."evaluatedAt"
        FROM "EvaluationResult" r
        JOIN "AiModel" m ON m.id = r."modelId"
        WHERE r."benchmarkId" = ${benchmarkId}::uuid AND ${where}
        ORDER BY r."modelId", r.score ${order}, r."evaluatedAt" DESC
      )
      SELECT best.id AS "resultId", best."runId", m.slug AS "modelSlug", m.name AS "modelName", m.family, m."openWeights",
             best.score, best.stderr, best."nShot", best.language, best."evaluatedAt",
             run.harness, run."harnessVersion", run."isDemo", d.code AS "delegationCode", u.name AS "submitterName"
      FROM best
      JOIN "AiModel" m ON m.id = best."modelId"
      JOIN "EvaluationRun" run ON run.id = best."runId"
      JOIN "User" u ON u.id = run."submittedById"
      LEFT JOIN "Delegation" d ON d.id = run."delegationId"
      ORDER BY best.score ${order}, m.name, m.id
      LIMIT ${LEADERBOARD_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(DISTINCT r."modelId")::int AS total
      FROM "EvaluationResult" r JOIN "AiModel" m ON m.id = r."modelId"
      WHERE r."benchmarkId" = ${benchmarkId}::uuid AND ${where}`,
  ]);
  return {
    benchmark,
    rows: rows.map((r, i) => ({ ...r, rank: offset + i + 1 })),
    total: totals[0]?.total ?? 0,
    pageSize: LEADERBOARD_PAGE_SIZE,
  };
}

export type ModelResultRow = {
  benchmarkId: string;
  task: string;
  metric: string;
  filter: string;
  higherIsBetter: boolean;
  score: number;
  stderr: number | null;
  nShot: number | null;
  language: string;
  runId: string;
  isDemo: boolean;
};

/** A model's best visible result on each benchmark, by task name. */
export async function modelResults({ viewer, modelId, page, q }: { viewer: CurrentUser | null; modelId: string; page: number; q?: string }) {
  const where = conditions(viewer, { q });
  const offset = (page - 1) * MODEL_RESULTS_PAGE_SIZE;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<ModelResultRow[]>`
      WITH best AS (
        SELECT DISTINCT ON (r."benchmarkId") r."benchmarkId", b.task, b.metric, b.filter, b."higherIsBetter",
               r.score, r.stderr, r."nShot", r.language, r."runId"
        FROM "EvaluationResult" r JOIN "Benchmark" b ON b.id = r."benchmarkId"
        WHERE r."modelId" = ${modelId}::uuid AND ${where}
        ORDER BY r."benchmarkId", CASE WHEN b."higherIsBetter" THEN -r.score ELSE r.score END
      )
      SELECT best.*, run."isDemo" FROM best JOIN "EvaluationRun" run ON run.id = best."runId"
      ORDER BY best.task, best.metric, best.filter
      LIMIT ${MODEL_RESULTS_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(DISTINCT r."benchmarkId")::int AS total
      FROM "EvaluationResult" r JOIN "Benchmark" b ON b.id = r."benchmarkId"
      WHERE r."modelId" = ${modelId}::uuid AND ${where}`,
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
      resultCount: true,
      visibility: true,
      isDemo: true,
      delegation: { select: { code: true } },
      submittedBy: { select: { name: true } },
    },
  });
}

export type ComparedBenchmark = { id: string; task: string; metric: string; filter: string; higherIsBetter: boolean; covered: number };

/**
 * Chosen models side by side: the benchmarks most of them have visible
 * results on (at most COMPARE_MAX_BENCHMARKS), and each model's best score there.
 */
export async function compareModels({ viewer, slugs, language, q }: { viewer: CurrentUser | null; slugs: string[]; language?: string; q?: string }) {
  const models = slugs.length
    ? await prisma.aiModel.findMany({ where: { slug: { in: slugs.slice(0, COMPARE_MAX_MODELS) } }, select: { id: true, slug: true, name: true, family: true } })
    : [];
  // In the order chosen.
  models.sort((a, b) => slugs.indexOf(a.slug) - slugs.indexOf(b.slug));
  if (models.length === 0) return { models, benchmarks: [] as ComparedBenchmark[], scores: [] as { modelId: string; benchmarkId: string; score: number; stderr: number | null }[] };
  const ids = models.map((m) => m.id);
  const where = conditions(viewer, { language, q });
  const benchmarks = await prisma.$queryRaw<ComparedBenchmark[]>`
    SELECT b.id, b.task, b.metric, b.filter, b."higherIsBetter", count(DISTINCT r."modelId")::int AS covered
    FROM "EvaluationResult" r JOIN "Benchmark" b ON b.id = r."benchmarkId"
    WHERE r."modelId" = ANY(${ids}::uuid[]) AND ${where}
    GROUP BY b.id
    ORDER BY covered DESC, count(*) DESC, b.task, b.metric, b.filter
    LIMIT ${COMPARE_MAX_BENCHMARKS}`;
  const benchmarkIds = benchmarks.map((b) => b.id);
  const scores = benchmarkIds.length
    ? await prisma.$queryRaw<{ modelId: string; benchmarkId: string; score: number; stderr: number | null }[]>`
        SELECT DISTINCT ON (r."modelId", r."benchmarkId") r."modelId", r."benchmarkId", r.score, r.stderr
        FROM "EvaluationResult" r JOIN "Benchmark" b ON b.id = r."benchmarkId"
        WHERE r."modelId" = ANY(${ids}::uuid[]) AND r."benchmarkId" = ANY(${benchmarkIds}::uuid[]) AND ${where}
        ORDER BY r."modelId", r."benchmarkId", CASE WHEN b."higherIsBetter" THEN -r.score ELSE r.score END`
    : [];
  // Shown by task name, so the same benchmarks line up from one comparison to the next.
  benchmarks.sort((a, b) => a.task.localeCompare(b.task) || a.metric.localeCompare(b.metric) || a.filter.localeCompare(b.filter));
  return { models, benchmarks, scores };
}

/** One submission with its provenance, and a page of its results. */
export async function getRun({ viewer, runId, page }: { viewer: CurrentUser | null; runId: string; page: number }) {
  const run = await prisma.evaluationRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      source: true,
      harness: true,
      harnessVersion: true,
      gitHash: true,
      modelBackend: true,
      modelArgs: true,
      modelSha: true,
      taskHashes: true,
      evaluatedAt: true,
      notes: true,
      visibility: true,
      isDemo: true,
      fileKey: true,
      fileName: true,
      fileSize: true,
      fileSha256: true,
      resultCount: true,
      createdAt: true,
      submittedById: true,
      delegationId: true,
      submittedBy: { select: { name: true } },
      delegation: { select: { code: true } },
      model: { select: { slug: true, name: true } },
    },
  });
  if (!run) throw notFound();
  // A members-only submission does not exist for those who may not see it.
  if (!mayReadRun(viewer, run)) throw viewer ? forbidden() : notFound();
  const results = await prisma.evaluationResult.findMany({
    where: { runId },
    orderBy: [{ benchmark: { task: "asc" } }, { benchmark: { metric: "asc" } }, { benchmark: { filter: "asc" } }],
    skip: (page - 1) * RUN_RESULTS_PAGE_SIZE,
    take: RUN_RESULTS_PAGE_SIZE,
    select: {
      id: true,
      score: true,
      stderr: true,
      nShot: true,
      language: true,
      benchmark: { select: { id: true, task: true, metric: true, filter: true, higherIsBetter: true } },
    },
  });
  return { run, results, total: run.resultCount, pageSize: RUN_RESULTS_PAGE_SIZE, mayWithdraw: mayWithdrawRun(viewer, run) };
}

/** The submitted lm-eval file of a run, for download (same visibility as the run). */
export async function getRunFile({ viewer, runId }: { viewer: CurrentUser | null; runId: string }) {
  const run = await prisma.evaluationRun.findUnique({ where: { id: runId }, select: { visibility: true, fileKey: true, fileName: true, fileSha256: true } });
  if (!run || !run.fileKey || !run.fileName || !run.fileSha256) throw notFound();
  if (!mayReadRun(viewer, run)) throw viewer ? forbidden() : notFound();
  return { key: run.fileKey, filename: run.fileName, sha256: run.fileSha256, contentType: "application/json" };
}

/** For a delegation's profile: how many submissions of it the viewer may see. */
export async function countDelegationRuns({ viewer, delegationId }: { viewer: CurrentUser | null; delegationId: string }) {
  return prisma.evaluationRun.count({ where: { delegationId, visibility: { in: visibleTo(viewer) } } });
}
