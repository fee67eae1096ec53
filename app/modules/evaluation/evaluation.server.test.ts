// Results entered by hand, withdrawals, and the stored leaderboards (each
// model's best full-sample result per board and audience, rank ranges,
// summaries) kept exactly equal to what the results say — after withdrawals,
// and when several submissions for the same board arrive at the same moment.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { delegationActor, modelFields, uploadBytes } from "../../../test/factories";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { registerModel } from "~/modules/model/model.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { openStoredFile, setStorageBackend, storeUpload } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { EVALUATION_LIMITS, LM_EVAL_FILE_TYPES } from "./constants";
import { recordManualResult, recordResults, withdrawRun } from "./evaluation.server";
import { importLmEvalResults } from "./import.server";
import { getLeaderboard } from "./leaderboard.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-eval-files-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const unique = () => Math.random().toString(36).slice(2, 8);

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** The stored leaderboards, in a stable order. */
async function storedBoards() {
  const [entries, summaries] = await Promise.all([
    prisma.leaderboardEntry.findMany({ orderBy: [{ audience: "asc" }, { leaderboardId: "asc" }, { modelId: "asc" }] }),
    prisma.leaderboardSummary.findMany({ orderBy: [{ audience: "asc" }, { leaderboardId: "asc" }] }),
  ]);
  return { entries, summaries };
}

/**
 * What the stored leaderboards hold equals a rebuild from the results: the
 * rebuild runs in a transaction that is rolled back, so the stored rows are
 * compared without being touched.
 */
async function expectBoardsMatchResults() {
  const stored = await storedBoards();
  const rebuilt = await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT concord_refresh_leaderboards(ARRAY(SELECT id FROM "Leaderboard"), NULL)`;
      const [entries, summaries] = await Promise.all([
        tx.leaderboardEntry.findMany({ orderBy: [{ audience: "asc" }, { leaderboardId: "asc" }, { modelId: "asc" }] }),
        tx.leaderboardSummary.findMany({ orderBy: [{ audience: "asc" }, { leaderboardId: "asc" }] }),
      ]);
      throw Object.assign(new Error("rollback"), { rebuilt: { entries, summaries } });
    })
    .catch((e: { rebuilt?: Awaited<ReturnType<typeof storedBoards>> }) => {
      if (!e.rebuilt) throw e;
      return e.rebuilt;
    });
  expect(stored.entries).toEqual(rebuilt.entries);
  expect(stored.summaries).toEqual(rebuilt.summaries);
}

describe("results entered by hand", () => {
  it("are recorded as a group or a task, at a version written one way, and keep a benchmark's direction as first set", async () => {
    const expert = await delegationActor("EG", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields() });
    const input = {
      modelId: model.id,
      task: "arabicmmlu",
      metric: "acc",
      kind: "group" as const,
      taskVersion: "0.0",
      score: 0.48,
      higherIsBetter: true,
      nShot: 0,
      language: "ar" as const,
      harness: "lm-evaluation-harness",
      evaluatedOn: "2025-03-01",
      visibility: "PUBLIC" as const,
    };
    const run = await recordManualResult({ actor: expert, input });
    await recordManualResult({ actor: expert, input: { ...input, higherIsBetter: false, score: 0.5 } });
    const result = await prisma.evaluationResult.findFirstOrThrow({ where: { runId: run.id }, include: { benchmark: true, leaderboard: true } });
    expect(result.benchmark).toMatchObject({ task: "arabicmmlu", isGroup: true, higherIsBetter: true });
    expect(result.leaderboard).toMatchObject({ taskVersion: "0", nShot: 0 });
    expect(result).toMatchObject({ isLimited: false, samplesEffective: null, evaluatedAt: new Date("2025-03-01T00:00:00Z") });
    // The same task name as a task is another benchmark.
    await recordManualResult({ actor: expert, input: { ...input, kind: "task" } });
    expect(await prisma.benchmark.count({ where: { task: "arabicmmlu", metric: "acc" } })).toBe(2);
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect((await errorOf(recordManualResult({ actor: expert, input: { ...input, evaluatedOn: future } }))).messageKey).toBe("research:errors.dateInFuture");
    await expectBoardsMatchResults();
  });
});

describe("withdrawing a submission", () => {
  it("is for the submitter's delegation or the secretariat; the results, their places on boards and the file go", async () => {
    const expert = await delegationActor("CN", "EXPERT");
    const colleague = await delegationActor("CN", "DELEGATE");
    const stranger = await delegationActor("BR", "HEAD");
    const model = await registerModel({ actor: expert, input: modelFields() });
    const rival = await registerModel({ actor: expert, input: modelFields() });
    const data = await fs.readFile(path.resolve("test/fixtures/lm-eval/deepseek-r1-distill-qwen-7b.json"));
    const stored = await storeUpload({ data: uploadBytes(data), filename: "r.json", maxBytes: EVALUATION_LIMITS.fileBytes, allowedTypes: LM_EVAL_FILE_TYPES });
    const outcome = await importLmEvalResults({ actor: expert, file: { ...stored, filename: "r.json" }, modelId: model.id, language: "en", visibility: "PUBLIC" });
    if (outcome.kind !== "imported") throw new Error(outcome.kind);
    // The rival trails on gsm8k (5-shot, version 3, strict-match).
    await recordResults({
      actor: expert,
      modelId: rival.id,
      harness: "lm-evaluation-harness",
      evaluatedAt: new Date("2025-02-01"),
      visibility: "PUBLIC",
      results: [{ task: "gsm8k", metric: "exact_match", filter: "strict-match", higherIsBetter: true, score: 0.5, stderr: 0.01, nShot: 5, taskVersion: "3", language: "en" }],
    });
    const board = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task: "gsm8k", filter: "strict-match" }, taskVersion: "3", nShot: 5 } });
    expect((await getLeaderboard({ viewer: null, leaderboardId: board.id, page: 1 })).rows.map((r) => r.score)).toEqual([0.8203, 0.5]);

    expect((await errorOf(withdrawRun({ actor: stranger, runId: outcome.runId }))).status).toBe(403);
    await withdrawRun({ actor: colleague, runId: outcome.runId });
    expect(await prisma.evaluationRun.findUnique({ where: { id: outcome.runId } })).toBeNull();
    expect(await prisma.evaluationResult.count({ where: { runId: outcome.runId } })).toBe(0);
    await expect(openStoredFile(stored.key)).rejects.toMatchObject({ status: 404 });
    expect(await prisma.auditEvent.count({ where: { act: "evaluation.withdrawn", objectId: outcome.runId } })).toBe(1);
    // The board is up to date at once: the rival leads alone.
    const after = await getLeaderboard({ viewer: null, leaderboardId: board.id, page: 1 });
    expect(after.rows.map((r) => [r.score, r.rankLow, r.rankHigh])).toEqual([[0.5, 1, 1]]);
    expect(await prisma.leaderboardSummary.findUniqueOrThrow({ where: { audience_leaderboardId: { audience: "PUBLIC", leaderboardId: board.id } } })).toMatchObject({
      modelCount: 1,
      resultCount: 1,
      leaderModelId: rival.id,
      leaderScore: 0.5,
      firstCount: 1,
    });
    await expectBoardsMatchResults();
  });
});

describe("submissions at the same moment", () => {
  it("never lose a best score: the same model's concurrent submissions on one board keep the best", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields() });
    const task = `race_${unique()}`;
    const scores = [0.41, 0.77, 0.52, 0.69, 0.73, 0.58, 0.61, 0.49];
    await Promise.all(
      scores.map((score, i) =>
        recordResults({
          actor: expert,
          modelId: model.id,
          harness: "lm-evaluation-harness",
          evaluatedAt: new Date(Date.UTC(2025, 0, 1 + i)),
          visibility: i % 2 ? "MEMBERS" : "PUBLIC",
          results: [{ task, metric: "acc", higherIsBetter: true, score, stderr: 0.01, nShot: 0, taskVersion: "1", language: "en" }],
        }),
      ),
    );
    const board = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task } } });
    const entries = await prisma.leaderboardEntry.findMany({ where: { leaderboardId: board.id }, orderBy: { audience: "asc" } });
    expect(entries.map((e) => [e.audience, e.score])).toEqual([
      ["PUBLIC", 0.73],
      ["MEMBERS", 0.77],
    ]);
    const summaries = await prisma.leaderboardSummary.findMany({ where: { leaderboardId: board.id }, orderBy: { audience: "asc" } });
    expect(summaries.map((s) => [s.audience, s.resultCount, s.modelCount])).toEqual([
      ["PUBLIC", 4, 1],
      ["MEMBERS", 8, 1],
    ]);
    await expectBoardsMatchResults();
  });

  it("keep every model, its rank range and the summary right when many models submit and withdraw on one board at once", async () => {
    const expert = await delegationActor("RU", "EXPERT");
    const task = `crowd_${unique()}`;
    const models = await Promise.all(Array.from({ length: 10 }, () => registerModel({ actor: expert, input: modelFields() })));
    const submit = (modelId: string, score: number) =>
      recordResults({
        actor: expert,
        modelId,
        harness: "lm-evaluation-harness",
        evaluatedAt: new Date("2025-04-01"),
        visibility: "PUBLIC",
        results: [
          { task, metric: "acc", higherIsBetter: true, score, stderr: 0.02, nShot: 5, taskVersion: "2", language: "en" },
          { task: `${task}_b`, metric: "acc", higherIsBetter: true, score: 1 - score, stderr: 0.02, nShot: 5, taskVersion: "2", language: "en" },
        ],
      });
    const first = await Promise.all(models.map((m, i) => submit(m.id, (30 + i * 5) / 100)));
    // Half of them withdraw while the others submit again.
    await Promise.all([...models.slice(0, 5).map((_, i) => withdrawRun({ actor: expert, runId: first[i]!.id })), ...models.slice(5).map((m, i) => submit(m.id, (20 + i) / 100))]);
    const board = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task } } });
    const rows = (await getLeaderboard({ viewer: null, leaderboardId: board.id, page: 1 })).rows;
    expect(rows.map((r) => r.score)).toEqual([0.75, 0.7, 0.65, 0.6, 0.55]);
    expect(await prisma.leaderboardSummary.findUniqueOrThrow({ where: { audience_leaderboardId: { audience: "PUBLIC", leaderboardId: board.id } } })).toMatchObject({
      modelCount: 5,
      resultCount: 10,
      leaderScore: 0.75,
    });
    await expectBoardsMatchResults();
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
