// The lm-evaluation-harness results parser, on real-shaped files (v0.4 output
// with groups, filters, "N/A" and NaN stderr) and on broken ones.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/errors";
import { parseLmEvalResults, parsePythonJson, taskLanguage } from "./lm-eval";

const fixture = (name: string) => fs.readFileSync(path.resolve("test/fixtures/lm-eval", name), "utf8");

function refusal(text: string): string {
  try {
    parseLmEvalResults(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).messageKey;
  }
  throw new Error("expected the file to be refused");
}

describe("an lm-eval results file", () => {
  const parsed = parseLmEvalResults(fixture("deepseek-r1-distill-qwen-7b.json"));

  it("keeps the provenance: harness version, git hash, model, its revision, date and task hashes", () => {
    expect(parsed.harnessVersion).toBe("0.4.7");
    expect(parsed.gitHash).toBe("8138fd52");
    expect(parsed.modelBackend).toBe("hf");
    expect(parsed.modelArgs).toBe("pretrained=deepseek-ai/DeepSeek-R1-Distill-Qwen-7B,dtype=bfloat16,trust_remote_code=True");
    expect(parsed.modelSha).toBe("916b56a44061fd5cd7d6a8fb632557ed4f724f60");
    expect(parsed.modelRepository).toBe("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B");
    expect(parsed.evaluatedAt?.toISOString()).toBe("2025-01-29T15:00:00.000Z");
    expect(Object.keys(parsed.taskHashes)).toContain("gsm8k");
    expect(parsed.taskHashes.gsm8k).toMatch(/^[0-9a-f]{64}$/);
  });

  it("makes one result per task, metric and filter, with its stderr, shots and direction", () => {
    const find = (task: string, metric: string, filter = "none") => parsed.scores.find((s) => s.task === task && s.metric === metric && s.filter === filter);
    expect(find("arc_challenge", "acc_norm")).toEqual({
      task: "arc_challenge",
      metric: "acc_norm",
      filter: "none",
      score: 0.4863,
      stderr: 0.0146,
      nShot: 25,
      higherIsBetter: true,
      version: "1",
    });
    expect(find("gsm8k", "exact_match", "strict-match")).toMatchObject({ score: 0.8203, stderr: 0.0106, nShot: 5 });
    expect(find("gsm8k", "exact_match", "flexible-extract")).toMatchObject({ score: 0.8347, stderr: 0.0102 });
    // The group's aggregate is a result too; its n-shot is not given for the group.
    expect(find("mmlu", "acc")).toMatchObject({ score: 0.5561, stderr: 0.004, nShot: null });
    // Perplexities are lower-is-better, as the file says; their "N/A" stderr is no stderr.
    expect(find("wikitext", "word_perplexity")).toMatchObject({ score: 14.1828, stderr: null, higherIsBetter: false });
    // A NaN written by Python becomes a missing stderr, not a refusal.
    expect(find("cmmlu_chinese_history", "acc_norm")).toMatchObject({ score: 0.7152, stderr: null });
    // Aliases and stderr entries are not results.
    expect(parsed.scores.some((s) => s.metric === "alias" || s.metric.endsWith("_stderr"))).toBe(false);
    expect(parsed.scores).toHaveLength(1 + 12 + 2 + 2 + 2 + 2 + 3);
  });

  it("reads model_args given as an object (vllm) and a Unix date with a fraction", () => {
    const other = parseLmEvalResults(fixture("bloomz-7b1-indic.json"));
    expect(other.modelBackend).toBe("vllm");
    expect(other.modelRepository).toBe("bigscience/bloomz-7b1");
    expect(other.modelArgs).toContain('"pretrained":"bigscience/bloomz-7b1"');
    expect(other.modelSha).toBeNull();
    expect(other.evaluatedAt?.getTime()).toBe(1731412800500);
    expect(other.scores.filter((s) => s.task.startsWith("belebele"))).toHaveLength(3);
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

describe("Python's JSON", () => {
  it("turns NaN and Infinity into null outside strings only", () => {
    expect(parsePythonJson('{"a": NaN, "b": -Infinity, "c": "NaN and Infinity", "d": [Infinity]}')).toEqual({ a: null, b: null, c: "NaN and Infinity", d: [null] });
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
