// Models, evaluation runs, results and leaderboards as the API gives them. Who
// sees which results is the evaluation domain's rule (visibleTo); leaderboards
// are read through the evaluation domain's own service, so the API ranks
// exactly as the pages do.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { LEADERBOARD_PAGE_SIZE, LEADERBOARDS_PAGE_SIZE, RUN_RESULTS_PAGE_SIZE } from "~/modules/evaluation/constants";
import { getLeaderboard, listLeaderboards } from "~/modules/evaluation/leaderboard.server";
import { visibleTo } from "~/modules/evaluation/permissions";
import { getModelBySlug } from "~/modules/model/model.server";
import type { Links } from "../links.server";
import { afterAscending, afterDescending, decodeCursor, encodeCursor, KeyCursor, TimeCursor, pageOf } from "../pagination";
import { z } from "../contract/zod";
import { delegationRef, PAGE_LANGUAGE } from "./shapes";

/** Lists read by position (a ranking, or a run's fixed results): the cursor is the next page's number. */
const PageNumberCursor = z.tuple([z.literal("page"), z.number().int().min(2).max(1_000_000)]);
const pageNumber = (cursor: string | undefined) => decodeCursor(cursor, PageNumberCursor)?.[1] ?? 1;
const nextPageCursor = (page: number, pageSize: number, total: number) => (page * pageSize < total ? encodeCursor(["page", page + 1]) : null);

const modelRef = (m: { slug: string; name: string }, links: Links) => ({ slug: m.slug, name: m.name, apiUrl: links.api(`/models/${m.slug}`) });

const MODEL_SUMMARY_SELECT = {
  id: true,
  slug: true,
  name: true,
  family: true,
  parameterCount: true,
  license: true,
  openWeights: true,
  developer: true,
  originCountry: true,
  repository: true,
} as const satisfies Prisma.AiModelSelect;

type ModelRow = Prisma.AiModelGetPayload<{ select: typeof MODEL_SUMMARY_SELECT }>;

function modelSummary(m: ModelRow, links: Links) {
  return {
    slug: m.slug,
    name: m.name,
    family: m.family,
    parameterCount: m.parameterCount === null ? null : Number(m.parameterCount),
    license: m.license,
    openWeights: m.openWeights,
    developer: m.developer,
    originCountry: m.originCountry,
    repository: m.repository,
    apiUrl: links.api(`/models/${m.slug}`),
    pageUrl: links.page(PAGE_LANGUAGE, `/models/${m.slug}`),
  };
}

export async function listModelsPage({ links, limit, cursor, family, openWeights }: { links: Links; limit: number; cursor?: string; family?: string; openWeights?: boolean }) {
  const after = decodeCursor(cursor, KeyCursor);
  const rows = await prisma.aiModel.findMany({
    where: {
      AND: [family ? { family } : {}, openWeights === undefined ? {} : { openWeights }, afterAscending<Prisma.AiModelWhereInput>("name", after)],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: MODEL_SUMMARY_SELECT,
  });
  const { items, nextCursor } = pageOf(rows, limit, (m) => [m.name, m.id]);
  return { data: items.map((m) => modelSummary(m, links)), nextCursor };
}

export async function getModelResource({ slug, links }: { slug: string; links: Links }) {
  const m = await getModelBySlug(slug);
  return {
    ...modelSummary(m, links),
    homepage: m.url,
    description: m.description,
    baseModel: m.baseModel ? modelRef(m.baseModel, links) : null,
    derived: m.derived.map((d) => modelRef(d, links)),
    delegation: m.delegation ? delegationRef(m.delegation.code, links) : null,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    evaluationsUrl: links.api(`/evaluations?model=${m.slug}`),
  };
}

const RUN_SUMMARY_SELECT = {
  id: true,
  source: true,
  visibility: true,
  isDemo: true,
  evaluatedAt: true,
  createdAt: true,
  resultCount: true,
  limitedCount: true,
  model: { select: { slug: true, name: true } },
  delegation: { select: { code: true } },
} as const satisfies Prisma.EvaluationRunSelect;

type RunRow = Prisma.EvaluationRunGetPayload<{ select: typeof RUN_SUMMARY_SELECT }>;

function runSummary(r: RunRow, links: Links) {
  return {
    id: r.id,
    model: modelRef(r.model, links),
    source: r.source,
    visibility: r.visibility,
    isDemo: r.isDemo,
    evaluatedAt: r.evaluatedAt,
    createdAt: r.createdAt,
    resultCount: r.resultCount,
    limitedCount: r.limitedCount,
    delegation: r.delegation ? delegationRef(r.delegation.code, links) : null,
    apiUrl: links.api(`/evaluations/${r.id}`),
    pageUrl: links.page(PAGE_LANGUAGE, `/evaluations/runs/${r.id}`),
  };
}

export async function listEvaluationsPage({ reader, links, limit, cursor, model }: { reader: CurrentUser | null; links: Links; limit: number; cursor?: string; model?: string }) {
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await prisma.evaluationRun.findMany({
    where: {
      AND: [{ visibility: { in: visibleTo(reader) } }, model ? { model: { slug: model } } : {}, afterDescending<Prisma.EvaluationRunWhereInput>("createdAt", after)],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: RUN_SUMMARY_SELECT,
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: items.map((r) => runSummary(r, links)), nextCursor };
}

/** A run the reader may see, or 404 (a members-only run does not exist for the others). */
async function visibleRun<S extends Prisma.EvaluationRunSelect>(reader: CurrentUser | null, id: string, select: S) {
  const run = await prisma.evaluationRun.findFirst({ where: { id, visibility: { in: visibleTo(reader) } }, select });
  if (!run) throw notFound();
  return run;
}

const stringRecord = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(value && typeof value === "object" ? value : {}).filter((e): e is [string, string] => typeof e[1] === "string"));
const listRecord = (value: unknown): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(value && typeof value === "object" ? value : {})
      .filter((e): e is [string, unknown[]] => Array.isArray(e[1]))
      .map(([k, v]) => [k, v.filter((x): x is string => typeof x === "string")]),
  );

export async function getEvaluationResource({ reader, id, links }: { reader: CurrentUser | null; id: string; links: Links }) {
  const run = await visibleRun(reader, id, {
    ...RUN_SUMMARY_SELECT,
    notes: true,
    harness: true,
    harnessVersion: true,
    fileFormat: true,
    gitHash: true,
    modelBackend: true,
    modelArgs: true,
    modelSha: true,
    modelName: true,
    modelRevision: true,
    hasConfig: true,
    sampleLimit: true,
    durationSeconds: true,
    taskHashes: true,
    groupSubtasks: true,
    fileName: true,
    fileSize: true,
    fileSha256: true,
    submittedBy: { select: { name: true } },
  });
  return {
    ...runSummary(run, links),
    notes: run.notes,
    submittedBy: { name: run.submittedBy.name },
    provenance: {
      harness: run.harness,
      harnessVersion: run.harnessVersion,
      fileFormat: run.fileFormat,
      gitHash: run.gitHash,
      modelBackend: run.modelBackend,
      modelArgs: run.modelArgs,
      modelSha: run.modelSha,
      modelName: run.modelName,
      modelRevision: run.modelRevision,
      hasConfig: run.hasConfig,
      sampleLimit: run.sampleLimit,
      durationSeconds: run.durationSeconds,
      taskHashes: stringRecord(run.taskHashes),
      groupSubtasks: listRecord(run.groupSubtasks),
      file:
        run.fileName && run.fileSize !== null && run.fileSha256
          ? { name: run.fileName, size: run.fileSize, sha256: run.fileSha256, downloadUrl: links.page(PAGE_LANGUAGE, `/evaluations/runs/${run.id}/file`) }
          : null,
    },
    resultsUrl: links.api(`/evaluations/${run.id}/results`),
  };
}

export async function listResultsPage({ reader, id, links, cursor }: { reader: CurrentUser | null; id: string; links: Links; cursor?: string }) {
  const run = await visibleRun(reader, id, { id: true, resultCount: true });
  const page = pageNumber(cursor);
  // A run's results never change once imported: reading them by position is stable.
  const rows = await prisma.evaluationResult.findMany({
    where: { runId: run.id },
    orderBy: [{ benchmark: { task: "asc" } }, { benchmark: { metric: "asc" } }, { benchmark: { filter: "asc" } }, { id: "asc" }],
    skip: (page - 1) * RUN_RESULTS_PAGE_SIZE,
    take: RUN_RESULTS_PAGE_SIZE,
    select: {
      id: true,
      score: true,
      stderr: true,
      nShot: true,
      language: true,
      samplesEffective: true,
      samplesOriginal: true,
      isLimited: true,
      leaderboard: { select: { id: true, taskVersion: true } },
      benchmark: { select: { task: true, metric: true, filter: true, isGroup: true, higherIsBetter: true } },
    },
  });
  return {
    data: rows.map((r) => ({
      id: r.id,
      ...r.benchmark,
      taskVersion: r.leaderboard.taskVersion,
      nShot: r.nShot,
      score: r.score,
      stderr: r.stderr,
      samplesEffective: r.samplesEffective,
      samplesOriginal: r.samplesOriginal,
      isLimited: r.isLimited,
      language: r.language,
      leaderboardUrl: links.api(`/leaderboards/${r.leaderboard.id}`),
    })),
    nextCursor: nextPageCursor(page, RUN_RESULTS_PAGE_SIZE, run.resultCount),
  };
}

const boardLinks = (id: string, links: Links) => ({
  apiUrl: links.api(`/leaderboards/${id}`),
  pageUrl: links.page(PAGE_LANGUAGE, `/evaluations/leaderboards/${id}`),
  csvUrl: links.page(PAGE_LANGUAGE, `/evaluations/leaderboards/${id}/results.csv`),
});

export async function listLeaderboardsPage({
  reader,
  links,
  cursor,
  language,
  family,
  q,
}: {
  reader: CurrentUser | null;
  links: Links;
  cursor?: string;
  language?: string;
  family?: string;
  q?: string;
}) {
  const page = pageNumber(cursor);
  const result = await listLeaderboards({ viewer: reader, page, language, family, q });
  return {
    data: result.items.map((b) => ({
      id: b.id,
      task: b.task,
      metric: b.metric,
      filter: b.filter,
      isGroup: b.isGroup,
      higherIsBetter: b.higherIsBetter,
      taskVersion: b.taskVersion,
      nShot: b.nShot,
      models: b.models,
      results: b.results,
      limited: b.limited,
      leader: b.leader ? { model: modelRef(b.leader, links), score: b.leader.score, stderr: b.leader.stderr } : null,
      firstCount: b.firstCount,
      ...boardLinks(b.id, links),
    })),
    nextCursor: nextPageCursor(page, LEADERBOARDS_PAGE_SIZE, result.total),
  };
}

export async function getLeaderboardResource({
  reader,
  id,
  links,
  cursor,
  language,
  family,
}: {
  reader: CurrentUser | null;
  id: string;
  links: Links;
  cursor?: string;
  language?: string;
  family?: string;
}) {
  const page = pageNumber(cursor);
  const result = await getLeaderboard({ viewer: reader, leaderboardId: id, page, language, family });
  const { board } = result;
  const { pageUrl, csvUrl } = boardLinks(board.id, links);
  return {
    id: board.id,
    task: board.task,
    metric: board.metric,
    filter: board.filter,
    isGroup: board.isGroup,
    higherIsBetter: board.higherIsBetter,
    taskVersion: board.taskVersion,
    nShot: board.nShot,
    rankedModels: result.rankedModels,
    rows: result.rows.map((r) => ({
      position: r.position,
      rankLow: r.rankLow,
      rankHigh: r.rankHigh,
      model: { ...modelRef({ slug: r.modelSlug, name: r.modelName }, links), family: r.family, openWeights: r.openWeights },
      score: r.score,
      stderr: r.stderr,
      samplesEffective: r.samplesEffective,
      samplesOriginal: r.samplesOriginal,
      language: r.language,
      evaluatedAt: r.evaluatedAt,
      harness: r.harness,
      harnessVersion: r.harnessVersion,
      isDemo: r.isDemo,
      delegation: r.delegationCode ? delegationRef(r.delegationCode, links) : null,
      run: { id: r.runId, apiUrl: links.api(`/evaluations/${r.runId}`) },
    })),
    nextCursor: nextPageCursor(page, LEADERBOARD_PAGE_SIZE, result.total),
    limitedCount: result.limited.count,
    members: result.members,
    settings: result.settings.map((s) => ({ id: s.id, taskVersion: s.taskVersion, nShot: s.nShot, models: Number(s.models), apiUrl: links.api(`/leaderboards/${s.id}`) })),
    pageUrl,
    csvUrl,
  };
}
