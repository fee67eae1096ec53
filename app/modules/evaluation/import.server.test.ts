// Importing lm-evaluation-harness files against a real database: what is
// stored (provenance as the file states it, groups, sample counts, limited
// runs), the typed outcomes (imported, duplicate with the earlier run's id,
// no model with the likely ones, a conflicting choice), and that a refused or
// repeated file leaves nothing behind — neither rows nor the stored file.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, delegationActor, modelFields, uploadBytes } from "../../../test/factories";
import { registerModel } from "~/modules/model/model.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { openStoredFile, setStorageBackend, storeUpload } from "~/modules/storage/storage.server";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { EVALUATION_LIMITS, LM_EVAL_FILE_TYPES } from "./constants";
import { insertResults, recordResults } from "./evaluation.server";
import { importLmEvalResults, type ImportOutcome } from "./import.server";
import { refreshLeaderboards } from "./leaderboard-store.server";
import { rederiveImportedRun } from "./rederive.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-import-files-"));
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
  return out.sort();
}

async function upload(content: Uint8Array | string, filename = "results.json") {
  const stored = await storeUpload({ data: uploadBytes(content), filename, maxBytes: EVALUATION_LIMITS.fileBytes, allowedTypes: LM_EVAL_FILE_TYPES });
  return { ...stored, filename };
}

async function importFixture(actor: CurrentUser, name: string, options: { modelId?: string; visibility?: "PUBLIC" | "MEMBERS" } = {}) {
  const file = await upload(await fixture(name), name);
  const outcome = await importLmEvalResults({ actor, file, language: "en", visibility: options.visibility ?? "PUBLIC", modelId: options.modelId });
  return { file, outcome };
}

/** The registry entry with this repository, registered if it is not yet. */
async function modelWithRepository(actor: CurrentUser, repository: string) {
  return (
    (await prisma.aiModel.findFirst({ where: { repository }, select: { id: true, slug: true, name: true } })) ??
    (await registerModel({ actor, input: modelFields({ name: repository.split("/")[1], repository }) }))
  );
}

function imported(outcome: ImportOutcome) {
  if (outcome.kind !== "imported") throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  return outcome;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("an imported file", () => {
  it("keeps one result per task, metric and filter with its leaderboard, the provenance, the file and the audit event", async () => {
    const expert = await delegationActor("CN", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields({ name: "DeepSeek-R1-Distill-Qwen-7B", repository: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" }) });
    const bytes = await fixture("deepseek-r1-distill-qwen-7b.json");
    const file = await upload(bytes, "results_2025-01-29.json");
    // No model chosen: found by the repository the file names.
    const outcome = imported(await importLmEvalResults({ actor: expert, file, language: "en", visibility: "PUBLIC", notes: "first run" }));
    expect(outcome).toMatchObject({ modelSlug: model.slug, resultCount: 24, limitedCount: 0, groupCount: 1 });

    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run).toMatchObject({
      source: "LM_EVAL_IMPORT",
      harness: "lm-evaluation-harness",
      harnessVersion: "0.4.7",
      fileFormat: "0.4",
      gitHash: "8138fd52",
      modelBackend: "hf",
      modelName: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
      modelRevision: "main",
      modelSha: "916b56a44061fd5cd7d6a8fb632557ed4f724f60",
      hasConfig: true,
      sampleLimit: null,
      fileName: "results_2025-01-29.json",
      fileSha256: file.sha256,
      fileSize: bytes.length,
      resultCount: 24,
      limitedCount: 0,
      delegationId: expert.delegation!.id,
      notes: "first run",
    });
    expect(run.evaluatedAt?.toISOString()).toBe("2025-01-29T15:00:00.000Z");
    expect((run.groupSubtasks as Record<string, string[]>).mmlu).toHaveLength(12);
    const { stream } = await openStoredFile(run.fileKey!);
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);

    const results = await prisma.evaluationResult.findMany({ where: { runId: run.id }, include: { benchmark: true, leaderboard: true } });
    const find = (task: string, metric: string, filter = "none") =>
      results.find((r) => r.benchmark.task === task && r.benchmark.metric === metric && r.benchmark.filter === filter)!;
    expect(find("gsm8k", "exact_match", "strict-match")).toMatchObject({ score: 0.8203, stderr: 0.0106, nShot: 5, samplesEffective: 100, samplesOriginal: 100, isLimited: false });
    expect(find("gsm8k", "exact_match", "strict-match").leaderboard).toMatchObject({ taskVersion: "3", nShot: 5 });
    expect(find("mmlu", "acc").benchmark.isGroup).toBe(true);
    expect(find("mmlu", "acc").leaderboard).toMatchObject({ taskVersion: "2", nShot: 5 });
    expect(find("wikitext", "word_perplexity")).toMatchObject({ stderr: null });
    expect(find("wikitext", "word_perplexity").benchmark.higherIsBetter).toBe(false);
    // The language a task's name says wins over the form's.
    expect(find("belebele_hin_Deva", "acc").language).toBe("hi");
    // Every result is on its board's stored entries, for both audiences.
    expect(await prisma.leaderboardEntry.count({ where: { resultId: { in: results.map((r) => r.id) } } })).toBe(48);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { act: "evaluation.imported", objectId: run.id } });
    expect(audit.data).toMatchObject({ model: model.slug, results: 24, sha256: file.sha256 });
  });

  it("stores a group run's groups apart from its tasks, never with sample_len or other bookkeeping", async () => {
    const expert = await delegationActor("CN", "EXPERT");
    await modelWithRepository(expert, "Qwen/Qwen2.5-14B");
    const outcome = imported((await importFixture(expert, "group-mmlu-qwen2.5-14b.json")).outcome);
    expect(outcome).toMatchObject({ resultCount: 11, groupCount: 3 });
    const results = await prisma.evaluationResult.findMany({ where: { runId: outcome.runId }, include: { benchmark: true } });
    expect(
      results
        .filter((r) => r.benchmark.isGroup)
        .map((r) => r.benchmark.task)
        .sort(),
    ).toEqual(["mmlu", "mmlu_humanities", "mmlu_stem"]);
    expect(results.some((r) => ["sample_len", "sample_count", "name", "alias"].includes(r.benchmark.metric))).toBe(false);
    expect(await prisma.benchmark.count({ where: { metric: { in: ["sample_len", "sample_count"] } } })).toBe(0);
    expect(results.find((r) => r.benchmark.task === "mmlu")).toMatchObject({ samplesEffective: 849, samplesOriginal: 849, isLimited: false });
  });

  it("marks a --limit run's results limited, with effective and original sample counts", async () => {
    const expert = await delegationActor("BR", "EXPERT");
    await modelWithRepository(expert, "meta-llama/Llama-3.1-8B");
    const outcome = imported((await importFixture(expert, "limited-llama-3.1-8b.json")).outcome);
    expect(outcome).toMatchObject({ resultCount: 4, limitedCount: 4 });
    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: outcome.runId }, include: { results: { include: { benchmark: true } } } });
    expect(run).toMatchObject({ sampleLimit: 10, limitedCount: 4, harnessVersion: "0.4.8" });
    expect(run.results.find((r) => r.benchmark.task === "arc_easy" && r.benchmark.metric === "acc")).toMatchObject({
      samplesEffective: 10,
      samplesOriginal: 2376,
      isLimited: true,
    });
    // Kept off every board: no stored best for them.
    expect(await prisma.leaderboardEntry.count({ where: { runId: run.id } })).toBe(0);
  });

  it("invents no provenance: no date, no config, as the file says", async () => {
    const expert = await delegationActor("EG", "EXPERT");
    await registerModel({ actor: expert, input: modelFields({ name: "Jais-13b-chat", repository: "inceptionai/jais-13b-chat" }) });
    const outcome = imported((await importFixture(expert, "no-date-no-config.json")).outcome);
    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: outcome.runId }, include: { results: true } });
    expect(run).toMatchObject({ evaluatedAt: null, hasConfig: false, modelBackend: null, modelArgs: null, modelSha: null, harnessVersion: null, gitHash: null });
    expect(run.results.every((r) => r.evaluatedAt === null)).toBe(true);
  });

  it("imports a file from before 0.4, on boards of its own version", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    await registerModel({ actor: expert, input: modelFields({ name: "Pythia-1.4B", repository: "EleutherAI/pythia-1.4b" }) });
    const outcome = imported((await importFixture(expert, "legacy-0.3-pythia.json")).outcome);
    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: outcome.runId }, include: { results: { include: { leaderboard: true, benchmark: true } } } });
    expect(run.fileFormat).toBe("legacy");
    expect(run.modelRevision).toBe("step143000");
    const arc = run.results.find((r) => r.benchmark.task === "arc_challenge" && r.benchmark.metric === "acc")!;
    expect(arc.leaderboard).toMatchObject({ taskVersion: "0", nShot: 0 });
    expect(arc.benchmark.filter).toBe("none");
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

  it("is refused to observers, and their stored file does not stay", async () => {
    const delegation = await createDelegation({ code: "LK", status: "OBSERVER" });
    const observer = await actorFor(await createUser({ role: "OBSERVER", delegationId: delegation.id }));
    const file = await upload(await fixture("bloomz-7b1-indic.json"));
    const error = await errorOf(importLmEvalResults({ actor: observer, file, language: "en", visibility: "PUBLIC" }));
    expect(error.status).toBe(403);
    await expect(openStoredFile(file.key)).rejects.toMatchObject({ status: 404 });
  });
});

describe("the same file twice", () => {
  it("is a duplicate carrying the earlier run's id, whether the model is found or chosen; nothing is doubled", async () => {
    const expert = await delegationActor("ZA", "EXPERT");
    const model = await modelWithRepository(expert, "mistralai/Mistral-7B-v0.1");
    const first = imported((await importFixture(expert, "early-0.4-alias-groups.json")).outcome);
    const filesAfterFirst = await storedFiles();
    const results = await prisma.evaluationResult.count();

    const again = await importFixture(expert, "early-0.4-alias-groups.json");
    expect(again.outcome).toEqual({ kind: "duplicate", runId: first.runId, modelSlug: model.slug });
    const chosen = await importFixture(expert, "early-0.4-alias-groups.json", { modelId: model.id });
    expect(chosen.outcome).toEqual({ kind: "duplicate", runId: first.runId, modelSlug: model.slug });

    expect(await prisma.evaluationRun.count({ where: { modelId: model.id } })).toBe(1);
    expect(await prisma.evaluationResult.count()).toBe(results);
    expect(await storedFiles()).toEqual(filesAfterFirst);
  });

  it("imported at the same moment twice gives one run; the other import is its duplicate", async () => {
    const expert = await delegationActor("ID", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields({ repository: "bigscience/bloomz-7b1" }) });
    const bytes = await fixture("bloomz-7b1-indic.json");
    const [a, b] = await Promise.all([upload(bytes), upload(bytes)]);
    const outcomes = await Promise.all([a, b].map((file) => importLmEvalResults({ actor: expert, file, modelId: model.id, language: "en", visibility: "PUBLIC" })));
    const runs = await prisma.evaluationRun.findMany({ where: { modelId: model.id }, select: { id: true } });
    expect(runs).toHaveLength(1);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["duplicate", "imported"]);
    expect(outcomes.map((o) => (o.kind === "imported" || o.kind === "duplicate" ? o.runId : null))).toEqual([runs[0]!.id, runs[0]!.id]);
  });

  it("may be imported for another model (the rule is per model)", async () => {
    const expert = await delegationActor("ET", "EXPERT");
    const one = await registerModel({ actor: expert, input: modelFields() });
    const two = await registerModel({ actor: expert, input: modelFields() });
    const bytes = await fixture("steered-gemma-2-2b.json");
    for (const model of [one, two]) {
      const file = await upload(bytes);
      // The file names google/gemma-2-2b, registered nowhere here: the chosen model is taken.
      expect((await importLmEvalResults({ actor: expert, file, modelId: model.id, language: "en", visibility: "PUBLIC" })).kind).toBe("imported");
    }
  });
});

describe("finding the model a file is about", () => {
  it("explains when nothing is registered under what the file names, and proposes models of a similar name", async () => {
    const expert = await delegationActor("BR", "EXPERT");
    const before = await storedFiles();
    const { outcome } = await importFixture(expert, "steered-gemma-2-2b.json");
    // base_name=, not the harness's model_name (a local CSV path).
    expect(outcome).toEqual({ kind: "modelNotMatched", named: "google/gemma-2-2b", namedKind: "repository", candidates: [] });
    expect(await storedFiles()).toEqual(before);

    const gemma = await registerModel({ actor: expert, input: modelFields({ name: "Gemma-2-2B (vendor mirror)", repository: "mirror/gemma-2-2b-it" }) });
    const second = await importFixture(expert, "steered-gemma-2-2b.json");
    expect(second.outcome).toMatchObject({ kind: "modelNotMatched", candidates: [{ id: gemma.id, reason: "similarName" }] });
    expect(await prisma.evaluationRun.count({ where: { submittedById: expert.id } })).toBe(0);
  });

  it("proposes the base model of an adapter (peft=)", async () => {
    const expert = await delegationActor("KE", "EXPERT");
    const qwen = await modelWithRepository(expert, "Qwen/Qwen2.5-14B");
    const root = JSON.parse((await fixture("peft-llama-3.1-8b-swahili.json")).toString("utf8"));
    root.config.model_args.pretrained = "Qwen/Qwen2.5-14B";
    root.config.model_sha = "0123456789abcdef0123456789abcdef01234567";
    const file = await upload(JSON.stringify(root));
    const outcome = await importLmEvalResults({ actor: expert, file, language: "en", visibility: "PUBLIC" });
    expect(outcome).toMatchObject({ kind: "modelNotMatched", named: "nairobi-nlp/llama-3.1-8b-swahili-lora", namedKind: "repository" });
    expect(outcome.kind === "modelNotMatched" ? outcome.candidates.map((c) => [c.id, c.reason]) : null).toEqual([[qwen.id, "baseModel"]]);
  });

  it("proposes first the models that have results of the same revision of the weights (model_sha)", async () => {
    const expert = await delegationActor("KE", "EXPERT");
    const llama = await modelWithRepository(expert, "meta-llama/Llama-3.1-8B");
    if (!(await prisma.evaluationRun.count({ where: { modelId: llama.id, modelSha: "d04e592bb4f6aa9cfee91e2e20afa771667e1d4b" } }))) {
      imported((await importFixture(expert, "limited-llama-3.1-8b.json")).outcome);
    }
    const other = await registerModel({ actor: expert, input: modelFields({ name: "Llama rerun" }) });
    const manual = await recordResults({
      actor: expert,
      modelId: other.id,
      harness: "lm-evaluation-harness",
      evaluatedAt: new Date("2025-06-01"),
      visibility: "PUBLIC",
      results: [{ task: "rev_task", metric: "acc", higherIsBetter: true, score: 0.5, language: "en" }],
    });
    // A run of another model that evaluated the same weights.
    await prisma.evaluationRun.update({ where: { id: manual.id }, data: { modelSha: "d04e592bb4f6aa9cfee91e2e20afa771667e1d4b" } });
    const { outcome } = await importFixture(expert, "peft-llama-3.1-8b-swahili.json");
    const proposed = outcome.kind === "modelNotMatched" ? outcome.candidates.map((c) => [c.slug, c.reason]) : null;
    expect(proposed).toEqual(
      expect.arrayContaining([
        [other.slug, "sameRevision"],
        [llama.slug, "sameRevision"],
      ]),
    );
    // The base is proposed once, for the strongest reason.
    expect(proposed?.filter(([slug]) => slug === llama.slug)).toHaveLength(1);
  });

  it("refuses a chosen model when the file names another registered one", async () => {
    const expert = await delegationActor("MY", "EXPERT");
    const named = await modelWithRepository(expert, "bigscience/bloomz-7b1");
    const chosen = await registerModel({ actor: expert, input: modelFields() });
    const { outcome } = await importFixture(expert, "bloomz-7b1-indic.json", { modelId: chosen.id });
    expect(outcome).toEqual({ kind: "modelConflict", named: "bigscience/bloomz-7b1", registered: { id: named.id, slug: named.slug, name: named.name } });
    expect(await prisma.evaluationRun.count({ where: { modelId: chosen.id } })).toBe(0);
  });

  it("refuses a chosen model that does not exist", async () => {
    const expert = await delegationActor("UY", "EXPERT");
    const file = await upload(await fixture("bloomz-7b1-indic.json"));
    const error = await errorOf(importLmEvalResults({ actor: expert, file, modelId: "00000000-0000-4000-8000-000000000000", language: "en", visibility: "PUBLIC" }));
    expect(error.messageKey).toBe("research:errors.unknownModel");
    await expect(openStoredFile(file.key)).rejects.toMatchObject({ status: 404 });
  });
});

describe("reading an earlier import again", () => {
  it("replaces what an older reader made of the file by what the file says, boards and audit included", async () => {
    const expert = await delegationActor("ID", "EXPERT");
    const model = await modelWithRepository(expert, "Qwen/Qwen2.5-14B");
    // Another run of the group file (another git hash, so another file).
    const root = JSON.parse((await fixture("group-mmlu-qwen2.5-14b.json")).toString("utf8"));
    root.git_hash = "f00dfeed";
    const outcome = imported(await importLmEvalResults({ actor: expert, file: await upload(JSON.stringify(root)), language: "en", visibility: "PUBLIC" }));
    const fresh = await prisma.evaluationResult.findMany({
      where: { runId: outcome.runId },
      select: { score: true, leaderboardId: true, isLimited: true },
      orderBy: { score: "asc" },
    });
    // As an import made before this reader: bookkeeping stored as a score, no version, the import time as the date.
    await prisma.$transaction(async (tx) => {
      await tx.evaluationResult.deleteMany({ where: { runId: outcome.runId } });
      const boards = await insertResults(tx, { id: outcome.runId, modelId: model.id, visibility: "PUBLIC", evaluatedAt: new Date() }, [
        {
          task: "mmlu",
          metric: "sample_len",
          filter: "none",
          isGroup: false,
          higherIsBetter: true,
          version: null,
          nShot: null,
          score: 849,
          stderr: null,
          samples: null,
          limited: false,
          language: "en",
        },
        {
          task: "mmlu",
          metric: "acc",
          filter: "none",
          isGroup: false,
          higherIsBetter: true,
          version: null,
          nShot: null,
          score: 0.752638,
          stderr: 0.014817,
          samples: null,
          limited: false,
          language: "en",
        },
      ]);
      await tx.evaluationRun.update({ where: { id: outcome.runId }, data: { fileFormat: null, evaluatedAt: new Date(), resultCount: 2, groupSubtasks: {} } });
      await refreshLeaderboards(tx, boards, model.id);
    });
    const oldBoards = (await prisma.evaluationResult.findMany({ where: { runId: outcome.runId }, select: { leaderboardId: true } })).map((r) => r.leaderboardId);

    expect(await rederiveImportedRun({ runId: outcome.runId })).toEqual({ kind: "rederived", resultsBefore: 2, resultCount: 11, limitedCount: 0 });
    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run).toMatchObject({ fileFormat: "0.4", resultCount: 11, evaluatedAt: new Date("2025-05-30T10:40:00.339Z") });
    expect((run.groupSubtasks as Record<string, string[]>).mmlu).toEqual(["mmlu_humanities", "mmlu_stem"]);
    const again = await prisma.evaluationResult.findMany({
      where: { runId: outcome.runId },
      select: { score: true, leaderboardId: true, isLimited: true },
      orderBy: { score: "asc" },
    });
    expect(again).toEqual(fresh);
    // The boards it left no longer hold it; the audit log says what happened, by no one.
    expect(await prisma.leaderboardEntry.count({ where: { leaderboardId: { in: oldBoards }, modelId: model.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { act: "evaluation.rederived", objectId: outcome.runId } });
    expect(audit).toMatchObject({ actorId: null, data: expect.objectContaining({ resultsBefore: 2, results: 11 }) });
    // A manual run has no file to read.
    const manual = await recordResults({
      actor: expert,
      modelId: model.id,
      harness: "h",
      evaluatedAt: new Date("2025-01-01"),
      visibility: "PUBLIC",
      results: [{ task: "x_task", metric: "acc", higherIsBetter: true, score: 0.5, language: "en" }],
    });
    expect(await rederiveImportedRun({ runId: manual.id })).toEqual({ kind: "noFile" });
  });
});
