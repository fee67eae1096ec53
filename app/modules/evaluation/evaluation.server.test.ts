// Evaluation services against a real database: importing lm-eval files
// (provenance kept, nothing saved on refusal), visibility, leaderboards that
// respect higher- or lower-is-better, comparisons, withdrawals — and speed
// with tens of thousands of results.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, delegationActor, modelFields, uploadBytes } from "../../../test/factories";
import { registerModel } from "~/modules/model/model.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { openStoredFile, setStorageBackend, storeUpload } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { EVALUATION_LIMITS, LM_EVAL_FILE_TYPES } from "./constants";
import { importLmEvalResults, recordManualResult, recordResults, withdrawRun } from "./evaluation.server";
import { compareModels, getRun, leaderboard, listBenchmarks, modelResults } from "./leaderboard.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-eval-files-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const fixture = (name: string) => fs.readFile(path.resolve("test/fixtures/lm-eval", name));

async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of await fs.readdir(root)) {
    if (dir === ".partial") continue;
    for (const f of await fs.readdir(path.join(root, dir))) out.push(`${dir}/${f}`);
  }
  return out;
}

async function upload(content: Uint8Array | string, filename = "results.json") {
  const stored = await storeUpload({ data: uploadBytes(content), filename, maxBytes: EVALUATION_LIMITS.fileBytes, allowedTypes: LM_EVAL_FILE_TYPES });
  return { ...stored, filename };
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const anonymous = null;

describe("importing an lm-eval results file", () => {
  it("makes one result per task, metric and filter, keeps the provenance and the file, and records the act", async () => {
    const expert = await delegationActor("CN", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields({ name: "DeepSeek-R1-Distill-Qwen-7B", repository: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" }) });
    const bytes = await fixture("deepseek-r1-distill-qwen-7b.json");
    const file = await upload(bytes, "results_2025-01-29.json");
    // No model chosen: found by the repository the file names.
    const imported = await importLmEvalResults({ actor: expert, file, language: "en", visibility: "PUBLIC", notes: "first run" });
    expect(imported).toMatchObject({ modelSlug: model.slug, resultCount: 24 });

    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: imported.id } });
    expect(run).toMatchObject({
      source: "LM_EVAL_IMPORT",
      harness: "lm-evaluation-harness",
      harnessVersion: "0.4.7",
      gitHash: "8138fd52",
      modelBackend: "hf",
      modelSha: "916b56a44061fd5cd7d6a8fb632557ed4f724f60",
      fileName: "results_2025-01-29.json",
      fileSha256: file.sha256,
      fileSize: bytes.length,
      resultCount: 24,
      delegationId: expert.delegation!.id,
      notes: "first run",
    });
    expect(run.evaluatedAt.toISOString()).toBe("2025-01-29T15:00:00.000Z");
    expect(Object.keys(run.taskHashes as object)).toContain("arc_challenge");
    // The submitted file is kept as it was.
    const { stream } = await openStoredFile(run.fileKey!);
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);

    const results = await prisma.evaluationResult.findMany({ where: { runId: run.id }, include: { benchmark: true } });
    expect(results).toHaveLength(24);
    const find = (task: string, metric: string, filter = "none") => results.find((r) => r.benchmark.task === task && r.benchmark.metric === metric && r.benchmark.filter === filter)!;
    expect(find("gsm8k", "exact_match", "strict-match")).toMatchObject({ score: 0.8203, stderr: 0.0106, nShot: 5, language: "en" });
    // The language a task's name says wins over the form's.
    expect(find("belebele_hin_Deva", "acc").language).toBe("hi");
    expect(find("cmmlu_chinese_history", "acc").language).toBe("zh");
    expect(find("wikitext", "word_perplexity").benchmark.higherIsBetter).toBe(false);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { act: "evaluation.imported", objectId: run.id } });
    expect(audit.data).toMatchObject({ model: model.slug, results: 24, sha256: file.sha256 });
  });

  it("refuses a file that is not lm-eval results: nothing saved, the stored file deleted", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    await registerModel({ actor: expert, input: modelFields() });
    const runsBefore = await prisma.evaluationRun.count();
    const filesBefore = await storedFiles();
    for (const [name, key] of [
      ["broken-truncated.json", "research:errors.lmEvalInvalidJson"],
      ["broken-not-results.json", "research:errors.lmEvalNotResults"],
      ["broken-no-scores.json", "research:errors.lmEvalNoScores"],
    ] as const) {
      const file = await upload(await fixture(name), name);
      const error = await errorOf(importLmEvalResults({ actor: expert, file, language: "en", visibility: "PUBLIC" }));
      expect(error.messageKey).toBe(key);
      expect(error.status).toBe(422);
    }
    expect(await prisma.evaluationRun.count()).toBe(runsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("refuses a file naming no registered model unless one is chosen", async () => {
    const expert = await delegationActor("BR", "EXPERT");
    const file = await upload(await fixture("bloomz-7b1-indic.json"));
    const error = await errorOf(importLmEvalResults({ actor: expert, file, language: "en", visibility: "PUBLIC" }));
    expect(error.messageKey).toBe("research:errors.modelNotDetected");
    expect(error.values).toEqual({ repository: "bigscience/bloomz-7b1" });
    expect(await prisma.evaluationRun.count({ where: { submittedById: expert.id } })).toBe(0);

    const model = await registerModel({ actor: expert, input: modelFields({ name: "BLOOMZ under another name" }) });
    const again = await upload(await fixture("bloomz-7b1-indic.json"));
    const run = await importLmEvalResults({ actor: expert, file: again, modelId: model.id, language: "en", visibility: "MEMBERS" });
    expect(run.resultCount).toBe(5);
  });

  it("is refused to observers, and their stored file does not stay", async () => {
    const delegation = await createDelegation({ code: "LK", status: "OBSERVER" });
    const observer = await actorFor(await createUser({ role: "OBSERVER", delegationId: delegation.id }));
    const file = await upload(await fixture("bloomz-7b1-indic.json"));
    const error = await errorOf(importLmEvalResults({ actor: observer, file, language: "en", visibility: "PUBLIC" }));
    expect(error.status).toBe(403);
    await expect(openStoredFile(file.key)).rejects.toMatchObject({ status: 404 });
  });
});

describe("leaderboards", () => {
  async function scenario() {
    const expert = await delegationActor("ZA", "EXPERT");
    const family = `fam-${Math.random().toString(36).slice(2, 8)}`;
    const a = await registerModel({ actor: expert, input: modelFields({ name: "Alpha", family }) });
    const b = await registerModel({ actor: expert, input: modelFields({ name: "Beta", family }) });
    const c = await registerModel({ actor: expert, input: modelFields({ name: "Gamma", family: `${family}-other` }) });
    const task = `task_${Math.random().toString(36).slice(2, 8)}`;
    const entry = (score: number, language = "en") => ({ task, metric: "acc", higherIsBetter: true, score, language });
    const ppl = (score: number) => ({ task: `${task}_ppl`, metric: "word_perplexity", higherIsBetter: false, score, language: "en" });
    const at = new Date("2025-02-01T00:00:00Z");
    const common = { actor: expert, harness: "lm-evaluation-harness", evaluatedAt: at };
    await recordResults({ ...common, modelId: a.id, visibility: "PUBLIC", results: [entry(0.61), ppl(12.5)] });
    // A's better result is members-only: anonymous readers see 0.61, members see 0.72.
    await recordResults({ ...common, modelId: a.id, visibility: "MEMBERS", results: [entry(0.72, "sw")] });
    await recordResults({ ...common, modelId: b.id, visibility: "PUBLIC", results: [entry(0.66), ppl(9.1)] });
    await recordResults({ ...common, modelId: c.id, visibility: "PUBLIC", results: [entry(0.5), ppl(30)] });
    const benchmark = await prisma.benchmark.findFirstOrThrow({ where: { task, metric: "acc" } });
    const perplexity = await prisma.benchmark.findFirstOrThrow({ where: { task: `${task}_ppl` } });
    return { expert, family, a, b, c, task, benchmark, perplexity };
  }

  it("ranks each model by its best visible result, best first", async () => {
    const { expert, benchmark } = await scenario();
    const pub = await leaderboard({ viewer: anonymous, benchmarkId: benchmark.id, page: 1 });
    expect(pub.rows.map((r) => [r.rank, r.modelName, r.score])).toEqual([
      [1, "Beta", 0.66],
      [2, "Alpha", 0.61],
      [3, "Gamma", 0.5],
    ]);
    const members = await leaderboard({ viewer: expert, benchmarkId: benchmark.id, page: 1 });
    expect(members.rows.map((r) => [r.modelName, r.score, r.language])).toEqual([
      ["Alpha", 0.72, "sw"],
      ["Beta", 0.66, "en"],
      ["Gamma", 0.5, "en"],
    ]);
    expect(members.total).toBe(3);
  });

  it("puts the lowest first when lower is better", async () => {
    const { perplexity } = await scenario();
    const board = await leaderboard({ viewer: anonymous, benchmarkId: perplexity.id, page: 1 });
    expect(board.benchmark.higherIsBetter).toBe(false);
    expect(board.rows.map((r) => r.modelName)).toEqual(["Beta", "Alpha", "Gamma"]);
  });

  it("filters by language and by model family", async () => {
    const { expert, benchmark, family } = await scenario();
    const swahili = await leaderboard({ viewer: expert, benchmarkId: benchmark.id, page: 1, language: "sw" });
    expect(swahili.rows.map((r) => r.modelName)).toEqual(["Alpha"]);
    const fam = await leaderboard({ viewer: anonymous, benchmarkId: benchmark.id, page: 1, family });
    expect(fam.rows.map((r) => r.modelName)).toEqual(["Beta", "Alpha"]);
  });

  it("lists benchmarks with their leader, each within what the reader may see", async () => {
    const { expert, task } = await scenario();
    const pub = await listBenchmarks({ viewer: anonymous, page: 1, q: task });
    const acc = pub.items.find((b) => b.metric === "acc")!;
    expect(acc).toMatchObject({ models: 3, results: 3, leader: { name: "Beta", score: 0.66 } });
    const ppl = pub.items.find((b) => b.metric === "word_perplexity")!;
    expect(ppl.leader).toMatchObject({ name: "Beta", score: 9.1 });
    const members = await listBenchmarks({ viewer: expert, page: 1, q: task });
    expect(members.items.find((b) => b.metric === "acc")).toMatchObject({ results: 4, leader: { name: "Alpha", score: 0.72 } });
    // "%" and "_" in a search are letters, not patterns.
    expect((await listBenchmarks({ viewer: anonymous, page: 1, q: "%" })).total).toBe(0);
  });

  it("gives a model's best result per benchmark, and compares chosen models", async () => {
    const { a, b, c, task } = await scenario();
    const results = await modelResults({ viewer: anonymous, modelId: a.id, page: 1, q: task });
    expect(results.rows.map((r) => [r.metric, r.score])).toEqual([
      ["acc", 0.61],
      ["word_perplexity", 12.5],
    ]);
    const slugOf = async (id: string) => (await prisma.aiModel.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug;
    const comparison = await compareModels({ viewer: anonymous, slugs: [await slugOf(c.id), await slugOf(a.id), await slugOf(b.id)], q: task });
    expect(comparison.models.map((m) => m.name)).toEqual(["Gamma", "Alpha", "Beta"]);
    expect(comparison.benchmarks.map((x) => x.metric)).toEqual(["acc", "word_perplexity"]);
    const score = (model: string, metric: string) =>
      comparison.scores.find((s) => s.modelId === model && s.benchmarkId === comparison.benchmarks.find((x) => x.metric === metric)!.id)?.score;
    expect(score(a.id, "acc")).toBe(0.61);
    expect(score(b.id, "word_perplexity")).toBe(9.1);
  });

  it("hides a members-only submission from anonymous readers", async () => {
    const { a } = await scenario();
    const run = await prisma.evaluationRun.findFirstOrThrow({ where: { modelId: a.id, visibility: "MEMBERS" } });
    await expect(getRun({ viewer: anonymous, runId: run.id, page: 1 })).rejects.toMatchObject({ status: 404 });
    const member = await delegationActor("RU");
    expect((await getRun({ viewer: member, runId: run.id, page: 1 })).results).toHaveLength(1);
  });
});

describe("manual results and withdrawal", () => {
  it("records a result by hand, and keeps a benchmark's direction as first set", async () => {
    const expert = await delegationActor("EG", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields() });
    const input = {
      modelId: model.id,
      task: "arabicmmlu",
      metric: "acc",
      score: 0.48,
      higherIsBetter: true,
      language: "ar" as const,
      harness: "lm-evaluation-harness",
      evaluatedOn: "2025-03-01",
      visibility: "PUBLIC" as const,
    };
    const run = await recordManualResult({ actor: expert, input });
    await recordManualResult({ actor: expert, input: { ...input, higherIsBetter: false, score: 0.5 } });
    const benchmark = await prisma.benchmark.findUniqueOrThrow({ where: { task_metric_filter: { task: "arabicmmlu", metric: "acc", filter: "none" } } });
    expect(benchmark.higherIsBetter).toBe(true);
    expect(await prisma.evaluationResult.count({ where: { runId: run.id } })).toBe(1);
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect((await errorOf(recordManualResult({ actor: expert, input: { ...input, evaluatedOn: future } }))).messageKey).toBe("research:errors.dateInFuture");
  });

  it("lets the submitter's delegation or the secretariat withdraw, no one else; the file goes too", async () => {
    const expert = await delegationActor("CN", "EXPERT");
    const colleague = await delegationActor("CN", "DELEGATE");
    const stranger = await delegationActor("BR", "HEAD");
    await registerModel({ actor: expert, input: modelFields({ repository: `org/m-${Date.now()}` }) });
    const model = await prisma.aiModel.findFirstOrThrow({ where: { registeredById: expert.id } });
    const file = await upload(await fixture("deepseek-r1-distill-qwen-7b.json"));
    const run = await importLmEvalResults({ actor: expert, file, modelId: model.id, language: "en", visibility: "PUBLIC" });
    expect((await errorOf(withdrawRun({ actor: stranger, runId: run.id }))).status).toBe(403);
    await withdrawRun({ actor: colleague, runId: run.id });
    expect(await prisma.evaluationRun.findUnique({ where: { id: run.id } })).toBeNull();
    expect(await prisma.evaluationResult.count({ where: { runId: run.id } })).toBe(0);
    await expect(openStoredFile(file.key)).rejects.toMatchObject({ status: 404 });
    expect(await prisma.auditEvent.count({ where: { act: "evaluation.withdrawn", objectId: run.id } })).toBe(1);
  });
});

describe("with tens of thousands of results", () => {
  it("answers leaderboards, benchmark lists and comparisons quickly, aggregating in SQL", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    const models: { id: string; slug: string }[] = [];
    for (let i = 0; i < 50; i++) models.push(await registerModel({ actor: expert, input: modelFields({ name: `Scale-${String(i).padStart(2, "0")}`, family: `scale-${i % 5}` }) }));
    // 40 000 results: 50 models × 200 benchmarks × 4 submissions each, written in SQL.
    await prisma.$executeRaw`
      INSERT INTO "Benchmark" (id, task, metric, filter, "higherIsBetter")
      SELECT gen_random_uuid(), 'scale_task_' || g, 'acc', 'none', g % 10 <> 0 FROM generate_series(1, 200) g`;
    const ids = models.map((m) => m.id);
    await prisma.$executeRaw`
      INSERT INTO "EvaluationRun" (id, "modelId", source, harness, "evaluatedAt", visibility, "resultCount", "submittedById")
      SELECT gen_random_uuid(), m.id, 'MANUAL', 'lm-evaluation-harness', now(),
             CASE WHEN r % 3 = 0 THEN 'MEMBERS'::"ResultVisibility" ELSE 'PUBLIC'::"ResultVisibility" END, 200, ${expert.id}::uuid
      FROM unnest(${ids}::uuid[]) AS m(id) CROSS JOIN generate_series(1, 4) r`;
    await prisma.$executeRaw`
      INSERT INTO "EvaluationResult" (id, "runId", "modelId", "benchmarkId", score, language, visibility, "evaluatedAt")
      SELECT gen_random_uuid(), run.id, run."modelId", b.id, random(), (ARRAY['en','zh','hi','ar'])[1 + (abs(hashtext(b.task)) % 4)], run.visibility, now()
      FROM "EvaluationRun" run
      CROSS JOIN (SELECT id, task FROM "Benchmark" WHERE task LIKE 'scale_task_%') b
      WHERE run."modelId" = ANY(${ids}::uuid[])`;
    await prisma.$executeRaw`ANALYZE "EvaluationResult"`;
    expect(await prisma.evaluationResult.count()).toBeGreaterThanOrEqual(40_000);

    const timed = async <T>(run: () => Promise<T>) => {
      const started = performance.now();
      const value = await run();
      return { value, ms: performance.now() - started };
    };
    const target = await prisma.benchmark.findFirstOrThrow({ where: { task: "scale_task_7" } });
    const board = await timed(() => leaderboard({ viewer: expert, benchmarkId: target.id, page: 2 }));
    expect(board.value.total).toBe(50);
    expect(board.value.rows).toHaveLength(20);
    expect(board.value.rows[0]!.rank).toBe(21);
    const scores = board.value.rows.map((r) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    const list = await timed(() => listBenchmarks({ viewer: null, page: 3, q: "scale_task" }));
    expect(list.value.total).toBe(200);
    expect(list.value.items).toHaveLength(30);
    const compared = await timed(() => compareModels({ viewer: expert, slugs: models.slice(0, 5).map((m) => m.slug) }));
    expect(compared.value.benchmarks).toHaveLength(12);
    // Generous bounds for a shared CI machine: each is a few tens of milliseconds here.
    if (process.env.SHOW_TIMINGS) console.log("timings ms", board.ms, list.ms, compared.ms);
    for (const t of [board, list, compared]) expect(t.ms).toBeLessThan(2_000);
  });
});
