// The lm-evaluation-harness results parser, on files in the shapes the harness
// writes (test/fixtures/lm-eval: a group run of 0.4.9 with name, alias,
// sample_len and sample_count beside the scores; a --limit run; an early 0.4
// file whose groups show only in the aliases; a file without date or config; a
// file from before 0.4; a steered model and a LoRA adapter) and on broken ones.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/errors";
import { canonicalVersion, parseLmEvalResults, parsePythonJson, type LmEvalScore } from "./lm-eval";
import { nameHint, parseModelArgs, referenceKind } from "./lm-eval-model";
import { taskLanguage } from "./task-language";

const fixture = (name: string) => fs.readFileSync(path.resolve("test/fixtures/lm-eval", name), "utf8");
const parse = (name: string) => parseLmEvalResults(fixture(name));

function refusal(text: string): string {
  try {
    parseLmEvalResults(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).messageKey;
  }
  throw new Error("expected the file to be refused");
}

const finder =
  (scores: LmEvalScore[]) =>
  (task: string, metric: string, filter = "none") =>
    scores.find((s) => s.task === task && s.metric === metric && s.filter === filter);

describe("a single-model 0.4 file (DeepSeek-R1-Distill-Qwen-7B)", () => {
  const parsed = parse("deepseek-r1-distill-qwen-7b.json");
  const find = finder(parsed.scores);

  it("keeps the provenance: harness version, git hash, model, its revision, date and task hashes", () => {
    expect(parsed.format).toBe("0.4");
    expect(parsed.harnessVersion).toBe("0.4.7");
    expect(parsed.gitHash).toBe("8138fd52");
    expect(parsed.modelBackend).toBe("hf");
    expect(parsed.modelArgs).toBe("pretrained=deepseek-ai/DeepSeek-R1-Distill-Qwen-7B,dtype=bfloat16,trust_remote_code=True");
    expect(parsed.model).toMatchObject({
      repository: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
      namedBy: "pretrained",
      revision: "main",
      sha: "916b56a44061fd5cd7d6a8fb632557ed4f724f60",
    });
    expect(parsed.evaluatedAt?.toISOString()).toBe("2025-01-29T15:00:00.000Z");
    expect(parsed.hasConfig).toBe(true);
    expect(parsed.sampleLimit).toBeNull();
    expect(parsed.taskHashes.gsm8k).toMatch(/^[0-9a-f]{64}$/);
  });

  it("makes one result per task, metric and filter, with its stderr, shots, version, samples and direction", () => {
    expect(find("arc_challenge", "acc_norm")).toEqual({
      task: "arc_challenge",
      metric: "acc_norm",
      filter: "none",
      isGroup: false,
      score: 0.4863,
      stderr: 0.0146,
      nShot: 25,
      higherIsBetter: true,
      version: "1",
      samples: { effective: 100, original: 100 },
      limited: false,
    });
    expect(find("gsm8k", "exact_match", "strict-match")).toMatchObject({ score: 0.8203, stderr: 0.0106, nShot: 5, version: "3" });
    expect(find("gsm8k", "exact_match", "flexible-extract")).toMatchObject({ score: 0.8347, stderr: 0.0102 });
    // Perplexities are lower-is-better, as the file says; their "N/A" stderr is unknown, not zero.
    expect(find("wikitext", "word_perplexity")).toMatchObject({ score: 14.1828, stderr: null, higherIsBetter: false });
    // A NaN written by Python becomes a missing stderr, not a refusal.
    expect(find("cmmlu_chinese_history", "acc_norm")).toMatchObject({ score: 0.7152, stderr: null });
    expect(parsed.scores.some((s) => s.metric === "alias" || s.metric.endsWith("_stderr"))).toBe(false);
    expect(parsed.scores).toHaveLength(1 + 12 + 2 + 2 + 2 + 2 + 3);
  });

  it("shows mmlu as a group of its tasks, with their n-shot and summed samples", () => {
    expect(find("mmlu", "acc")).toMatchObject({ isGroup: true, score: 0.5561, stderr: 0.004, nShot: 5, version: "2", samples: { effective: 1200, original: 1200 } });
    expect(find("mmlu_anatomy", "acc")).toMatchObject({ isGroup: false });
    expect(parsed.groups).toEqual({ mmlu: expect.arrayContaining(["mmlu_abstract_algebra", "mmlu_virology"]) });
    expect(parsed.groups.mmlu).toHaveLength(12);
  });

  it("reads model_args given as an object (vllm) and a Unix date with a fraction", () => {
    const other = parse("bloomz-7b1-indic.json");
    expect(other.modelBackend).toBe("vllm");
    expect(other.model.repository).toBe("bigscience/bloomz-7b1");
    expect(other.modelArgs).toContain('"pretrained":"bigscience/bloomz-7b1"');
    expect(other.model.sha).toBeNull();
    expect(other.evaluatedAt?.getTime()).toBe(1731412800500);
    expect(other.scores.filter((s) => s.task.startsWith("belebele"))).toHaveLength(3);
  });
});

describe("a group run as lm-eval 0.4.9 writes it", () => {
  const parsed = parse("group-mmlu-qwen2.5-14b.json");
  const find = finder(parsed.scores);

  it("never makes scores of name, alias, sample_len or sample_count", () => {
    expect(parsed.scores.map((s) => s.metric).sort()).toEqual(["acc", "acc", "acc", "acc", "acc", "acc", "acc", "acc", "acc", "acc", "acc_norm"]);
    expect(parsed.scores.some((s) => ["sample_len", "sample_count", "name", "alias"].includes(s.metric))).toBe(false);
  });

  it("marks the groups (listed under `groups`) and nests them as group_subtasks says", () => {
    expect(parsed.scores.filter((s) => s.isGroup).map((s) => s.task)).toEqual(["mmlu", "mmlu_humanities", "mmlu_stem"]);
    expect(parsed.groups).toEqual({
      mmlu: ["mmlu_humanities", "mmlu_stem"],
      mmlu_humanities: ["mmlu_formal_logic", "mmlu_high_school_european_history", "mmlu_world_religions"],
      mmlu_stem: ["mmlu_abstract_algebra", "mmlu_anatomy", "mmlu_astronomy"],
    });
    // A group's samples are its tasks' (through its member groups); its n-shot theirs.
    expect(find("mmlu", "acc")).toMatchObject({ score: 0.752638, stderr: 0.014817, nShot: 5, version: "2", samples: { effective: 849, original: 849 }, limited: false });
    expect(find("mmlu_stem", "acc")).toMatchObject({ samples: { effective: 387, original: 387 } });
    expect(find("arc_easy", "acc")).toMatchObject({ isGroup: false, nShot: 0, samples: { effective: 2376, original: 2376 } });
  });

  it("keeps what the file says about the model and the run", () => {
    expect(parsed.harnessVersion).toBe("0.4.9");
    expect(parsed.modelName).toBe("Qwen/Qwen2.5-14B");
    expect(parsed.model).toMatchObject({ repository: "Qwen/Qwen2.5-14B", revision: "main", sha: "97e1e76335b7017d8f67c08a19d103c0504298c9" });
    expect(parsed.durationSeconds).toBeCloseTo(4361.571);
    expect(parsed.evaluatedAt?.toISOString()).toBe("2025-05-30T10:40:00.339Z");
  });
});

describe("a run made with --limit", () => {
  const parsed = parse("limited-llama-3.1-8b.json");
  const find = finder(parsed.scores);

  it("keeps effective and original sample counts and marks every result limited", () => {
    expect(parsed.sampleLimit).toBe(10);
    expect(find("arc_easy", "acc")).toMatchObject({ samples: { effective: 10, original: 2376 }, limited: true, stderr: 0.1 });
    expect(find("gsm8k", "exact_match", "strict-match")).toMatchObject({ samples: { effective: 10, original: 1319 }, limited: true, version: "3" });
    expect(parsed.scores.every((s) => s.limited)).toBe(true);
  });

  it("takes a task the limit did not cut as full, and a limit without sample counts as limited", () => {
    const root = JSON.parse(fixture("limited-llama-3.1-8b.json"));
    root["n-samples"].arc_easy = { original: 8, effective: 8 };
    expect(finder(parseLmEvalResults(JSON.stringify(root)).scores)("arc_easy", "acc")).toMatchObject({ limited: false });
    delete root["n-samples"];
    expect(parseLmEvalResults(JSON.stringify(root)).scores.every((s) => s.limited && s.samples === null)).toBe(true);
  });
});

describe("an early 0.4 file whose groups show only in the aliases", () => {
  const parsed = parse("early-0.4-alias-groups.json");
  const find = finder(parsed.scores);

  it("finds the groups from the indented aliases, in file order", () => {
    expect(parsed.groups).toEqual({
      mmlu: ["mmlu_humanities", "mmlu_stem"],
      mmlu_humanities: ["mmlu_formal_logic", "mmlu_jurisprudence"],
      mmlu_stem: ["mmlu_anatomy", "mmlu_virology"],
    });
    expect(find("mmlu", "acc")).toMatchObject({ isGroup: true, version: null });
    expect(find("lambada_openai", "acc")).toMatchObject({ isGroup: false });
  });

  it("takes a group's n-shot from its tasks (the file says 0) and its 'N/A' stderr as unknown", () => {
    expect(find("mmlu", "acc")).toMatchObject({ nShot: 5, stderr: null, samples: null, limited: false });
    expect(find("mmlu_formal_logic", "acc")).toMatchObject({ nShot: 5, stderr: 0.0443, version: "0" });
  });

  it("sorts perplexity and bits per byte as lower-is-better", () => {
    expect(find("lambada_openai", "perplexity")).toMatchObject({ higherIsBetter: false, stderr: 0.0812 });
    expect(find("wikitext", "bits_per_byte")).toMatchObject({ higherIsBetter: false, stderr: null });
    expect(find("wikitext", "word_perplexity")).toMatchObject({ higherIsBetter: false });
  });

  it("states no date and no harness version when the file has none", () => {
    expect(parsed.evaluatedAt).toBeNull();
    expect(parsed.harnessVersion).toBeNull();
    expect(parsed.gitHash).toBe("0e0a4e7");
  });
});

describe("a file without date or config", () => {
  const parsed = parse("no-date-no-config.json");

  it("invents nothing: no date, no backend, no arguments, no revision", () => {
    expect(parsed.evaluatedAt).toBeNull();
    expect(parsed.hasConfig).toBe(false);
    expect(parsed).toMatchObject({ modelBackend: null, modelArgs: null, gitHash: null, harnessVersion: null, sampleLimit: null, durationSeconds: null });
    expect(parsed.model).toMatchObject({ repository: "inceptionai/jais-13b-chat", namedBy: "model_name", revision: null, sha: null });
    expect(parsed.scores[0]).toMatchObject({ task: "hellaswag", nShot: 10, samples: { effective: 10042, original: 10042 } });
  });
});

describe("a file from before 0.4", () => {
  const parsed = parse("legacy-0.3-pythia.json");
  const find = finder(parsed.scores);

  it("is read: metrics with their _stderr partners, no filter, the n-shot of its config", () => {
    expect(parsed.format).toBe("legacy");
    expect(find("arc_challenge", "acc_norm")).toEqual({
      task: "arc_challenge",
      metric: "acc_norm",
      filter: "none",
      isGroup: false,
      score: 0.2841,
      stderr: 0.0132,
      nShot: 0,
      higherIsBetter: true,
      version: "0",
      samples: null,
      limited: false,
    });
    expect(find("lambada_openai", "ppl")).toMatchObject({ higherIsBetter: false, stderr: 0.1621 });
    expect(find("wikitext", "bits_per_byte")).toMatchObject({ higherIsBetter: false, stderr: null, version: "1" });
    expect(parsed.scores).toHaveLength(4 + 2 + 3);
    expect(parsed.model).toMatchObject({ repository: "EleutherAI/pythia-1.4b", revision: "step143000" });
  });

  it("leaves the n-shot unknown when the config does not state it", () => {
    const root = JSON.parse(fixture("legacy-0.3-pythia.json"));
    delete root.config;
    expect(parseLmEvalResults(JSON.stringify(root)).scores.every((s) => s.nShot === null)).toBe(true);
  });
});

describe("the model a file names", () => {
  it("takes base_name= over the harness's model_name when that is a local path", () => {
    const parsed = parse("steered-gemma-2-2b.json");
    expect(parsed.modelName).toBe("examples/dog_steer.csv");
    expect(parsed.model).toMatchObject({ named: "google/gemma-2-2b", namedKind: "repository", namedBy: "base_name", repository: "google/gemma-2-2b", sha: null });
  });

  it("takes a LoRA adapter (peft=) as the evaluated model, with its base", () => {
    const parsed = parse("peft-llama-3.1-8b-swahili.json");
    expect(parsed.model).toMatchObject({ repository: "nairobi-nlp/llama-3.1-8b-swahili-lora", namedBy: "peft", baseRepository: "meta-llama/Llama-3.1-8B" });
  });

  it("tells repositories from local paths and bare names", () => {
    expect(referenceKind("Qwen/Qwen2.5-7B")).toBe("repository");
    expect(referenceKind("examples/dog_steer.csv")).toBe("path");
    expect(referenceKind("/data/models/llama")).toBe("path");
    expect(referenceKind("./out/checkpoint-500")).toBe("path");
    expect(referenceKind("runs/exp1/final")).toBe("path");
    expect(referenceKind("gpt-4o-mini")).toBe("name");
    expect(nameHint({ named: "/models/Qwen2.5-7B/", namedKind: "path" })).toBe("Qwen2.5-7B");
    expect(nameHint({ named: "google/gemma-2-2b", namedKind: "repository" })).toBe("gemma-2-2b");
  });

  it("reads model_args by exact keys, so steer_path= is not path=", () => {
    const args = parseModelArgs("pretrained=org/m,steer_path=x.csv,revision=abc=1");
    expect(args.get("pretrained")).toBe("org/m");
    expect(args.get("path")).toBeUndefined();
    expect(args.get("revision")).toBe("abc=1");
  });
});

describe("files that are not lm-eval results", () => {
  it("refuses a truncated file as invalid JSON", () => {
    expect(refusal(fixture("broken-truncated.json"))).toBe("research:errors.lmEvalInvalidJson");
    expect(refusal("")).toBe("research:errors.lmEvalInvalidJson");
  });

  it("refuses JSON of another kind", () => {
    expect(refusal(fixture("broken-not-results.json"))).toBe("research:errors.lmEvalNotResults");
    expect(refusal(fixture("broken-results-array.json"))).toBe("research:errors.lmEvalNotResults");
    expect(refusal("[1, 2, 3]")).toBe("research:errors.lmEvalNotResults");
    // `results` alone, without anything else the harness writes beside it.
    expect(refusal('{"results": {"mmlu": {"acc,none": 0.5}}}')).toBe("research:errors.lmEvalNotResults");
  });

  it("refuses a results file without a single score", () => {
    expect(refusal(fixture("broken-no-scores.json"))).toBe("research:errors.lmEvalNoScores");
    // Bookkeeping alone is not a score.
    expect(refusal(JSON.stringify({ results: { t: { alias: "t", name: "t", sample_len: 10 } }, versions: { t: 1 } }))).toBe("research:errors.lmEvalNoScores");
  });

  it("refuses more results than one import may hold", () => {
    const results = Object.fromEntries(Array.from({ length: 2600 }, (_, i) => [`task_${i}`, { "acc,none": 0.5, "acc_norm,none": 0.5 }]));
    expect(refusal(JSON.stringify({ results, versions: {} }))).toBe("research:errors.lmEvalTooManyResults");
  });

  it("ignores task and metric names that are not names", () => {
    const parsed = parseLmEvalResults(JSON.stringify({ results: { "<script>": { "acc,none": 0.5 }, ok: { "acc,none": 0.5, "a b,none": 0.1 } }, versions: {} }));
    expect(parsed.scores.map((s) => `${s.task}/${s.metric}`)).toEqual(["ok/acc"]);
  });
});

describe("Python's JSON and versions", () => {
  it("turns NaN and Infinity into null outside strings only", () => {
    expect(parsePythonJson('{"a": NaN, "b": -Infinity, "c": "NaN and Infinity", "d": [Infinity]}')).toEqual({ a: null, b: null, c: "NaN and Infinity", d: [null] });
  });

  it("writes a version one way whatever way the file wrote it", () => {
    expect(canonicalVersion(1)).toBe("1");
    expect(canonicalVersion("1.0")).toBe("1");
    expect(canonicalVersion(2.5)).toBe("2.5");
    expect(canonicalVersion("N/A")).toBeNull();
    expect(canonicalVersion("v2-beta")).toBe("v2-beta");
    expect(canonicalVersion(null)).toBeNull();
  });
});

describe("the language of a task", () => {
  it("is read from FLORES-style and known task names", () => {
    expect(taskLanguage("belebele_hin_Deva")).toBe("hi");
    expect(taskLanguage("belebele_arb_Arab")).toBe("ar");
    expect(taskLanguage("belebele_swh_Latn")).toBe("sw");
    expect(taskLanguage("cmmlu_chinese_history")).toBe("zh");
    expect(taskLanguage("ceval-valid_law")).toBe("zh");
    expect(taskLanguage("mmlu_anatomy")).toBeNull();
    expect(taskLanguage("gsm8k")).toBeNull();
  });
});
