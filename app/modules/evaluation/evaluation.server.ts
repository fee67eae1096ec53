// Submitting evaluation results: one run with its results (shared by imports
// of lm-eval files, see import.server.ts, and by results entered by hand), and
// withdrawing a run. Each is one transaction with its audit event, and keeps
// the leaderboards (best score per model, ranks, summaries) up to date in it.
import type { ResultVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { DomainError, forbidden, notFound, FieldError } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeEvaluationResults } from "~/modules/notification/research-events.server";
import { deleteStoredFile } from "~/modules/storage/storage.server";
import { EVALUATION_LIMITS } from "./constants";
import { lockLeaderboards, placeResults, placementKey, refreshLeaderboards, type ComparabilityKey } from "./leaderboard-store.server";
import { canonicalVersion, type SampleCounts } from "./lm-eval";
import { mayWithdrawRun } from "./permissions";
import type { ManualResultInput } from "./schemas";

/** One score to store, with what it is compared on. */
export type ResultToStore = ComparabilityKey & {
  score: number;
  stderr: number | null;
  samples: SampleCounts | null;
  limited: boolean;
  language: string;
};

export type StoredResultsFile = { key: string; filename: string; size: number; sha256: string };

/** A run's own facts (its provenance); what is not known stays null. */
export type RunToStore = {
  modelId: string;
  source: "LM_EVAL_IMPORT" | "MANUAL";
  harness: string;
  harnessVersion?: string | null;
  fileFormat?: string | null;
  gitHash?: string | null;
  modelBackend?: string | null;
  modelArgs?: string | null;
  modelSha?: string | null;
  modelName?: string | null;
  modelRevision?: string | null;
  hasConfig?: boolean | null;
  sampleLimit?: number | null;
  durationSeconds?: number | null;
  taskHashes?: Record<string, string>;
  groupSubtasks?: Record<string, string[]>;
  evaluatedAt: Date | null;
  notes: string;
  visibility: ResultVisibility;
  isDemo: boolean;
  file?: StoredResultsFile;
};

/**
 * Writes a run and its results, and brings the leaderboards they belong to up
 * to date (before the caller's audit event, in the caller's transaction).
 * This is where results are published: anything that must happen when new
 * results of a model appear (telling the people who follow the model) belongs
 * here, in the same transaction.
 */
export async function writeRun(tx: Transaction, actor: CurrentUser, run: RunToStore, results: ResultToStore[]): Promise<{ id: string }> {
  const { file, ...facts } = run;
  const created = await tx.evaluationRun.create({
    data: {
      ...facts,
      taskHashes: facts.taskHashes ?? {},
      groupSubtasks: facts.groupSubtasks ?? {},
      fileKey: file?.key ?? null,
      fileName: file?.filename ?? null,
      fileSize: file?.size ?? null,
      fileSha256: file?.sha256 ?? null,
      resultCount: results.length,
      limitedCount: results.filter((r) => r.limited).length,
      submittedById: actor.id,
      delegationId: actor.delegation?.id ?? null,
    },
    select: { id: true },
  });
  const boards = await insertResults(tx, { id: created.id, modelId: run.modelId, visibility: run.visibility, evaluatedAt: run.evaluatedAt }, results);
  await refreshLeaderboards(tx, boards, run.modelId);
  await noticeEvaluationResults(tx, {
    actor,
    modelId: run.modelId,
    runId: created.id,
    count: results.length,
    membersOnly: run.visibility === "MEMBERS",
  });
  return created;
}

/** Inserts a run's results on their benchmarks and leaderboards (creating those that are new); returns the leaderboards. */
export async function insertResults(
  tx: Transaction,
  run: { id: string; modelId: string; visibility: ResultVisibility; evaluatedAt: Date | null },
  results: ResultToStore[],
): Promise<string[]> {
  const places = await placeResults(tx, results);
  await tx.evaluationResult.createMany({
    data: results.map((r) => {
      const place = places.get(placementKey(r))!;
      return {
        runId: run.id,
        modelId: run.modelId,
        benchmarkId: place.benchmarkId,
        leaderboardId: place.leaderboardId,
        score: r.score,
        stderr: r.stderr,
        nShot: r.nShot,
        samplesEffective: r.samples?.effective ?? null,
        samplesOriginal: r.samples?.original ?? null,
        isLimited: r.limited,
        language: r.language,
        visibility: run.visibility,
        evaluatedAt: run.evaluatedAt,
      };
    }),
  });
  return [...places.values()].map((p) => p.leaderboardId);
}

export type ResultEntry = {
  task: string;
  metric: string;
  filter?: string;
  /** An aggregate of tasks (such as mmlu in lm-eval 0.4), ranked apart from tasks. */
  isGroup?: boolean;
  higherIsBetter: boolean;
  score: number;
  stderr?: number | null;
  nShot?: number | null;
  taskVersion?: string | null;
  language: string;
};

const keyOf = (r: { task: string; metric: string; filter: string; isGroup: boolean }) => `${r.task}\u0000${r.metric}\u0000${r.filter}\u0000${r.isGroup}`;

/**
 * Results entered by hand (a paper's table, a closed model's report), as one
 * run: one result per task (or group), metric and filter, each on the full
 * sample set.
 */
export async function recordResults({
  actor,
  modelId,
  harness,
  harnessVersion,
  evaluatedAt,
  visibility,
  notes = "",
  results,
  isDemo = false,
}: {
  actor: CurrentUser;
  modelId: string;
  harness: string;
  harnessVersion?: string | null;
  evaluatedAt: Date;
  visibility: ResultVisibility;
  notes?: string;
  results: ResultEntry[];
  isDemo?: boolean;
}) {
  if (!can(actor, "submitResearch")) throw forbidden();
  if (Number.isNaN(evaluatedAt.getTime()) || evaluatedAt.getTime() > Date.now() + 86_400_000) throw new DomainError(400, "research:errors.dateInFuture");
  const rows: ResultToStore[] = results.map((r) => ({
    task: r.task,
    metric: r.metric,
    filter: r.filter ?? "none",
    isGroup: r.isGroup ?? false,
    higherIsBetter: r.higherIsBetter,
    version: canonicalVersion(r.taskVersion ?? null),
    nShot: r.nShot ?? null,
    score: r.score,
    stderr: r.stderr ?? null,
    samples: null,
    limited: false,
    language: r.language,
  }));
  if (new Set(rows.map(keyOf)).size !== rows.length) throw new DomainError(400, "research:errors.duplicateResult");
  if (rows.length === 0 || rows.length > EVALUATION_LIMITS.resultsPerFile) throw new DomainError(400, "research:errors.noResults");
  return prisma.$transaction(
    async (tx) => {
      const model = await tx.aiModel.findUnique({ where: { id: modelId }, select: { id: true, slug: true } });
      if (!model) throw new FieldError(400, { modelId: "research:errors.unknownModel" });
      const run = await writeRun(tx, actor, { modelId: model.id, source: "MANUAL", harness, harnessVersion: harnessVersion ?? null, evaluatedAt, notes, visibility, isDemo }, rows);
      const one = rows.length === 1 ? rows[0]! : null;
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: actor.delegation?.id,
        act: "evaluation.recorded",
        objectType: "evaluationRun",
        objectId: run.id,
        data: one
          ? { model: model.slug, task: one.task, metric: one.metric, filter: one.filter, score: one.score, visibility }
          : { model: model.slug, results: rows.length, visibility },
      });
      return { id: run.id, modelSlug: model.slug };
    },
    { timeout: 30_000 },
  );
}

/** One result entered by hand: a run of its own. */
export async function recordManualResult({ actor, input }: { actor: CurrentUser; input: ManualResultInput }) {
  return recordResults({
    actor,
    modelId: input.modelId,
    harness: input.harness,
    harnessVersion: input.harnessVersion,
    evaluatedAt: new Date(`${input.evaluatedOn}T00:00:00.000Z`),
    visibility: input.visibility,
    notes: input.notes,
    results: [
      {
        task: input.task,
        metric: input.metric,
        filter: input.filter,
        isGroup: input.kind === "group",
        higherIsBetter: input.higherIsBetter,
        score: input.score,
        stderr: input.stderr,
        nShot: input.nShot,
        taskVersion: input.taskVersion,
        language: input.language,
      },
    ],
  });
}

/** Removes a submission and all its results (the audit log keeps that it existed); its leaderboards are brought up to date. */
export async function withdrawRun({ actor, runId }: { actor: CurrentUser; runId: string }) {
  const fileKey = await prisma.$transaction(
    async (tx) => {
      const run = await tx.evaluationRun.findUnique({
        where: { id: runId },
        select: { id: true, modelId: true, submittedById: true, delegationId: true, fileKey: true, fileSha256: true, resultCount: true, model: { select: { slug: true } } },
      });
      if (!run) throw notFound();
      if (!mayWithdrawRun(actor, run)) throw forbidden();
      const boards = await tx.evaluationResult.findMany({ where: { runId }, distinct: ["leaderboardId"], select: { leaderboardId: true } });
      await lockLeaderboards(
        tx,
        boards.map((b) => b.leaderboardId),
      );
      await tx.evaluationResult.deleteMany({ where: { runId } });
      await tx.evaluationRun.delete({ where: { id: runId } });
      await refreshLeaderboards(
        tx,
        boards.map((b) => b.leaderboardId),
        run.modelId,
      );
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: actor.delegation?.id,
        act: "evaluation.withdrawn",
        objectType: "evaluationRun",
        objectId: runId,
        data: { model: run.model.slug, results: run.resultCount, sha256: run.fileSha256 },
      });
      return run.fileKey;
    },
    { timeout: 30_000 },
  );
  // After the commit: a file is never gone while rows still point at it.
  if (fileKey) await deleteStoredFile(fileKey).catch(() => undefined);
}
