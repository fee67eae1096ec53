// Reading one submission: its provenance (what the file stated, and nothing
// it did not), a page of its results with what they are compared on, and the
// submitted file.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/errors";
import { RUN_RESULTS_PAGE_SIZE } from "./constants";
import { mayReadRun, mayWithdrawRun } from "./permissions";

/** One submission with its provenance, and a page of its results. */
export async function getRun({ viewer, runId, page }: { viewer: CurrentUser | null; runId: string; page: number }) {
  const run = await prisma.evaluationRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      source: true,
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
      evaluatedAt: true,
      notes: true,
      visibility: true,
      isDemo: true,
      fileKey: true,
      fileName: true,
      fileSize: true,
      fileSha256: true,
      resultCount: true,
      limitedCount: true,
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
  return { run, results, total: run.resultCount, pageSize: RUN_RESULTS_PAGE_SIZE, mayWithdraw: mayWithdrawRun(viewer, run) };
}

/** The submitted lm-eval file of a run, for download (same visibility as the run). */
export async function getRunFile({ viewer, runId }: { viewer: CurrentUser | null; runId: string }) {
  const run = await prisma.evaluationRun.findUnique({ where: { id: runId }, select: { visibility: true, fileKey: true, fileName: true, fileSha256: true } });
  if (!run || !run.fileKey || !run.fileName || !run.fileSha256) throw notFound();
  if (!mayReadRun(viewer, run)) throw viewer ? forbidden() : notFound();
  return { key: run.fileKey, filename: run.fileName, sha256: run.fileSha256, contentType: "application/json" };
}
