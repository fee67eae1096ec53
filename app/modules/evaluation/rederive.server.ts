// Reading an imported run's stored file again with the current reader: its
// results and provenance are replaced by what the file says, and the
// leaderboards they leave and join are brought up to date, in one transaction
// with its audit event. For runs imported before the reader knew groups,
// versions, sample counts and limited runs (docs/decisions/015-evaluation-comparability.md);
// `npm run evaluations:rederive` runs it over them.
import { prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { EVALUATION_LIMITS } from "./constants";
import { insertResults } from "./evaluation.server";
import { provenanceOf, readStoredText, resultsOf } from "./import.server";
import { lockLeaderboards, refreshLeaderboards } from "./leaderboard-store.server";
import { parseLmEvalResults } from "./lm-eval";

export type RederiveOutcome = { kind: "rederived"; resultsBefore: number; resultCount: number; limitedCount: number } | { kind: "noFile" };

/** The run's results' language per task, and the most common one (for tasks it did not have). */
function languagesOf(results: { language: string; benchmark: { task: string } }[]) {
  const byTask = new Map(results.map((r) => [r.benchmark.task, r.language]));
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "en";
  return (task: string) => byTask.get(task) ?? common;
}

/** A maintenance act (no acting person): recorded in the audit log with the counts before and after. */
export async function rederiveImportedRun({ runId }: { runId: string }): Promise<RederiveOutcome> {
  const run = await prisma.evaluationRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      source: true,
      fileKey: true,
      fileSha256: true,
      modelId: true,
      visibility: true,
      delegationId: true,
      model: { select: { slug: true } },
      results: { select: { leaderboardId: true, language: true, benchmark: { select: { task: true } } } },
    },
  });
  if (!run || run.source !== "LM_EVAL_IMPORT" || !run.fileKey) return { kind: "noFile" };
  const parsed = parseLmEvalResults(await readStoredText(run.fileKey, EVALUATION_LIMITS.fileBytes));
  const results = resultsOf(parsed, languagesOf(run.results));
  const provenance = provenanceOf(parsed);
  const before = [...new Set(run.results.map((r) => r.leaderboardId))];
  await prisma.$transaction(
    async (tx) => {
      await lockLeaderboards(tx, before);
      await tx.evaluationResult.deleteMany({ where: { runId } });
      const after = await insertResults(tx, { id: run.id, modelId: run.modelId, visibility: run.visibility, evaluatedAt: provenance.evaluatedAt }, results);
      await tx.evaluationRun.update({
        where: { id: runId },
        data: { ...provenance, resultCount: results.length, limitedCount: results.filter((r) => r.limited).length },
      });
      await refreshLeaderboards(tx, [...before, ...after], run.modelId);
      await recordAuditEvent(tx, {
        actorId: null,
        delegationId: run.delegationId,
        act: "evaluation.rederived",
        objectType: "evaluationRun",
        objectId: runId,
        data: { model: run.model.slug, resultsBefore: run.results.length, results: results.length, sha256: run.fileSha256 },
      });
    },
    { timeout: 60_000 },
  );
  return { kind: "rederived", resultsBefore: run.results.length, resultCount: results.length, limitedCount: results.filter((r) => r.limited).length };
}
