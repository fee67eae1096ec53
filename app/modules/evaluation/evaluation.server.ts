// Submitting evaluation results: importing an lm-evaluation-harness results
// file (kept as submitted, with its checksum), entering one result by hand,
// and withdrawing a submission. Each is one transaction with its audit event;
// a refused file leaves nothing behind, neither rows nor the stored file.
import type { ResultVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeEvaluationResults } from "~/modules/notification/research-events.server";
import { findModelByRepository } from "~/modules/model/model.server";
import { deleteStoredFile, openStoredFile } from "~/modules/storage/storage.server";
import { EVALUATION_LANGUAGES, EVALUATION_LIMITS, HARNESS_LM_EVAL } from "./constants";
import { parseLmEvalResults, taskLanguage } from "./lm-eval";
import { mayWithdrawRun } from "./permissions";
import type { ManualResultInput } from "./schemas";

type BenchmarkKey = { task: string; metric: string; filter: string; higherIsBetter: boolean };

/**
 * The ids of these benchmarks, creating those that are new. A benchmark's
 * direction (higher or lower is better) is set by whoever names it first.
 */
async function benchmarkIds(tx: Transaction, keys: BenchmarkKey[]): Promise<Map<string, string>> {
  const tasks = keys.map((k) => k.task);
  const metrics = keys.map((k) => k.metric);
  const filters = keys.map((k) => k.filter);
  const better = keys.map((k) => k.higherIsBetter);
  await tx.$executeRaw`
    INSERT INTO "Benchmark" (id, task, metric, filter, "higherIsBetter")
    SELECT gen_random_uuid(), t, m, f, h FROM unnest(${tasks}::text[], ${metrics}::text[], ${filters}::text[], ${better}::boolean[]) AS x(t, m, f, h)
    ON CONFLICT (task, metric, filter) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string; task: string; metric: string; filter: string }[]>`
    SELECT b.id, b.task, b.metric, b.filter FROM "Benchmark" b
    JOIN unnest(${tasks}::text[], ${metrics}::text[], ${filters}::text[]) AS x(t, m, f) ON b.task = x.t AND b.metric = x.m AND b.filter = x.f`;
  return new Map(rows.map((r) => [`${r.task}\u0000${r.metric}\u0000${r.filter}`, r.id]));
}

const keyOf = (k: { task: string; metric: string; filter: string }) => `${k.task}\u0000${k.metric}\u0000${k.filter}`;

async function readStoredText(key: string, maxBytes: number): Promise<string> {
  const { stream, size } = await openStoredFile(key);
  if (size > maxBytes) {
    stream.destroy();
    throw new DomainError(413, "errors.fileTooLarge");
  }
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

const KNOWN_LANGUAGES = new Set<string>(EVALUATION_LANGUAGES);

export type StoredResultsFile = { key: string; filename: string; size: number; sha256: string };

/**
 * Imports an lm-eval results file already streamed into storage: each task,
 * metric and filter becomes a result of one run that keeps the file's
 * provenance. Anything wrong (not such a file, no model) deletes the stored
 * file and saves nothing.
 */
export async function importLmEvalResults({
  actor,
  file,
  modelId,
  language,
  visibility,
  notes = "",
  isDemo = false,
}: {
  actor: CurrentUser;
  file: StoredResultsFile;
  modelId?: string;
  language: string;
  visibility: ResultVisibility;
  notes?: string;
  isDemo?: boolean;
}) {
  try {
    if (!can(actor, "submitResearch")) throw forbidden();
    const parsed = parseLmEvalResults(await readStoredText(file.key, EVALUATION_LIMITS.fileBytes));
    const model = modelId
      ? await prisma.aiModel.findUnique({ where: { id: modelId }, select: { id: true, slug: true } })
      : parsed.modelRepository
        ? await findModelByRepository(parsed.modelRepository)
        : null;
    if (!model) {
      throw modelId
        ? new DomainError(400, "research:errors.unknownModel")
        : new DomainError(422, "research:errors.modelNotDetected", { repository: parsed.modelRepository ?? "—" });
    }
    const evaluatedAt = parsed.evaluatedAt ?? new Date();
    return await prisma.$transaction(
      async (tx) => {
        const ids = await benchmarkIds(tx, parsed.scores);
        const run = await tx.evaluationRun.create({
          data: {
            modelId: model.id,
            source: "LM_EVAL_IMPORT",
            harness: HARNESS_LM_EVAL,
            harnessVersion: parsed.harnessVersion,
            gitHash: parsed.gitHash,
            modelBackend: parsed.modelBackend,
            modelArgs: parsed.modelArgs,
            modelSha: parsed.modelSha,
            taskHashes: parsed.taskHashes,
            evaluatedAt,
            notes,
            visibility,
            isDemo,
            fileKey: file.key,
            fileName: file.filename,
            fileSize: file.size,
            fileSha256: file.sha256,
            resultCount: parsed.scores.length,
            submittedById: actor.id,
            delegationId: actor.delegation?.id ?? null,
          },
          select: { id: true },
        });
        await tx.evaluationResult.createMany({
          data: parsed.scores.map((s) => {
            const fromTask = taskLanguage(s.task);
            return {
              runId: run.id,
              modelId: model.id,
              benchmarkId: ids.get(keyOf(s))!,
              score: s.score,
              stderr: s.stderr,
              nShot: s.nShot,
              language: fromTask && KNOWN_LANGUAGES.has(fromTask) ? fromTask : language,
              visibility,
              evaluatedAt,
            };
          }),
        });
        await recordAuditEvent(tx, {
          actorId: actor.id,
          delegationId: actor.delegation?.id,
          act: "evaluation.imported",
          objectType: "evaluationRun",
          objectId: run.id,
          data: { model: model.slug, results: parsed.scores.length, sha256: file.sha256, visibility },
        });
        await noticeEvaluationResults(tx, { actor, modelId: model.id, runId: run.id, count: parsed.scores.length, membersOnly: visibility === "MEMBERS" });
        return { id: run.id, modelSlug: model.slug, resultCount: parsed.scores.length };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    await deleteStoredFile(file.key).catch(() => undefined);
    throw error;
  }
}

export type ResultEntry = {
  task: string;
  metric: string;
  filter?: string;
  higherIsBetter: boolean;
  score: number;
  stderr?: number | null;
  nShot?: number | null;
  language: string;
};

/**
 * Results entered by hand (a paper's table, a closed model's report), as one
 * run: one result per task, metric and filter.
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
  const keys = results.map((r) => ({ task: r.task, metric: r.metric, filter: r.filter ?? "none", higherIsBetter: r.higherIsBetter }));
  if (new Set(keys.map(keyOf)).size !== keys.length) throw new DomainError(400, "research:errors.duplicateResult");
  if (keys.length === 0 || keys.length > EVALUATION_LIMITS.resultsPerFile) throw new DomainError(400, "research:errors.noResults");
  return prisma.$transaction(async (tx) => {
    const model = await tx.aiModel.findUnique({ where: { id: modelId }, select: { id: true, slug: true } });
    if (!model) throw new DomainError(400, "research:errors.unknownModel");
    const ids = await benchmarkIds(tx, keys);
    const run = await tx.evaluationRun.create({
      data: {
        modelId: model.id,
        source: "MANUAL",
        harness,
        harnessVersion: harnessVersion ?? null,
        evaluatedAt,
        notes,
        visibility,
        isDemo,
        resultCount: results.length,
        submittedById: actor.id,
        delegationId: actor.delegation?.id ?? null,
      },
      select: { id: true },
    });
    await tx.evaluationResult.createMany({
      data: results.map((r, i) => ({
        runId: run.id,
        modelId: model.id,
        benchmarkId: ids.get(keyOf(keys[i]!))!,
        score: r.score,
        stderr: r.stderr ?? null,
        nShot: r.nShot ?? null,
        language: r.language,
        visibility,
        evaluatedAt,
      })),
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "evaluation.recorded",
      objectType: "evaluationRun",
      objectId: run.id,
      data:
        results.length === 1
          ? { model: model.slug, task: keys[0]!.task, metric: keys[0]!.metric, filter: keys[0]!.filter, score: results[0]!.score, visibility }
          : { model: model.slug, results: results.length, visibility },
    });
    await noticeEvaluationResults(tx, { actor, modelId: model.id, runId: run.id, count: results.length, membersOnly: visibility === "MEMBERS" });
    return { id: run.id, modelSlug: model.slug };
  });
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
        higherIsBetter: input.higherIsBetter,
        score: input.score,
        stderr: input.stderr,
        nShot: input.nShot,
        language: input.language,
      },
    ],
  });
}

/** Removes a submission and all its results (the audit log keeps that it existed). */
export async function withdrawRun({ actor, runId }: { actor: CurrentUser; runId: string }) {
  const fileKey = await prisma.$transaction(async (tx) => {
    const run = await tx.evaluationRun.findUnique({
      where: { id: runId },
      select: { id: true, submittedById: true, delegationId: true, fileKey: true, fileSha256: true, resultCount: true, model: { select: { slug: true } } },
    });
    if (!run) throw notFound();
    if (!mayWithdrawRun(actor, run)) throw forbidden();
    await tx.evaluationResult.deleteMany({ where: { runId } });
    await tx.evaluationRun.delete({ where: { id: runId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id,
      act: "evaluation.withdrawn",
      objectType: "evaluationRun",
      objectId: runId,
      data: { model: run.model.slug, results: run.resultCount, sha256: run.fileSha256 },
    });
    return run.fileKey;
  });
  // After the commit: a file is never gone while rows still point at it.
  if (fileKey) await deleteStoredFile(fileKey).catch(() => undefined);
}

