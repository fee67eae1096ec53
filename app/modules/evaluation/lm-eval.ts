// Reading the results file that EleutherAI's lm-evaluation-harness writes.
//
// Version 0.4 and later (`results_<date>.json`): `results` per task or group,
// whose scores are the keys "<metric>,<filter>" ("acc,none") with
// "<metric>_stderr,<filter>" beside them (a number, or "N/A" when the harness
// could not compute it); other keys (`alias`, `name`, `sample_len`,
// `sample_count`) are bookkeeping, never scores. Beside `results`: `groups`
// (the aggregates), `group_subtasks` (each group's members), `configs`,
// `versions`, `n-shot`, `higher_is_better`, `n-samples` ({effective,
// original} per task: effective < original after `--limit`), `config` (model,
// model_args, model_revision, model_sha, limit…), `model_name`, `git_hash`,
// `date` (Unix seconds), `lm_eval_version`, `task_hashes`,
// `total_evaluation_time_seconds`. Any of these may be missing.
//
// Before 0.4 (still common in published archives): `{"results": {"task":
// {"acc": 0.5, "acc_stderr": 0.01}}, "versions": {"task": 0}}`, sometimes with
// a `config` (num_fewshot, limit). Imported with filter "none"; the n-shot is
// config.num_fewshot when stated, else unknown.
//
// Pure: no database, no I/O. A file that is not such a result is refused with
// a translation key, and nothing is half-read.
import { DomainError } from "~/utils/errors";
import { EVALUATION_LIMITS } from "./constants";
import { modelOfFile, type LmEvalModel } from "./lm-eval-model";

export type LmEvalFormat = "0.4" | "legacy";
export type SampleCounts = { effective: number; original: number };

export type LmEvalScore = {
  task: string;
  metric: string;
  filter: string;
  /** An aggregate of other tasks (lm-eval's `groups`), ranked apart from tasks. */
  isGroup: boolean;
  score: number;
  /** Null when the file gives none, or "N/A" (the harness could not compute it). */
  stderr: number | null;
  nShot: number | null;
  higherIsBetter: boolean;
  /** The task's version as the harness reports it, in a canonical form ("1.0" → "1"); null when not stated. */
  version: string | null;
  /** Samples evaluated and in the task; for a group, summed over its tasks. Null when the file does not say. */
  samples: SampleCounts | null;
  /** Evaluated on part of the task's samples (`--limit`). */
  limited: boolean;
};

export type LmEvalFile = {
  format: LmEvalFormat;
  harnessVersion: string | null;
  gitHash: string | null;
  /** The file's `date`; null when it has none (never the import time). */
  evaluatedAt: Date | null;
  /** Whether the file has a `config` section. */
  hasConfig: boolean;
  /** config.model: the harness backend ("hf", "vllm"…). */
  modelBackend: string | null;
  modelArgs: string | null;
  /** What the harness called the model (`model_name`), as written. */
  modelName: string | null;
  model: LmEvalModel;
  /** config.limit: at most this many samples per task (a fraction when below 1). */
  sampleLimit: number | null;
  durationSeconds: number | null;
  taskHashes: Record<string, string>;
  /** Each group's member tasks (or groups). */
  groups: Record<string, string[]>;
  scores: LmEvalScore[];
};

const notResults = () => new DomainError(422, "research:errors.lmEvalNotResults");

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 500): string | null => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);
const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const count = (v: unknown): number | null => {
  const n = finite(v);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 2_000_000_000 ? n : null;
};

/**
 * Python's json module writes NaN and Infinity, which JSON.parse refuses:
 * they become null (a missing value) outside strings.
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const cleaned = text.replace(/"(?:[^"\\]|\\.)*"|-?\bInfinity\b|\bNaN\b/g, (m) => (m.startsWith('"') ? m : "null"));
    return JSON.parse(cleaned);
  }
}

/** Metrics where a smaller number is better, when the file does not say. */
const LOWER_IS_BETTER = /(perplexity|^ppl$|bits_per_byte|^ter$|^wer$|^cer$|loss|error)/;
/** Keys of a results entry that are never scores (in either format). */
const NOT_SCORES = new Set(["alias", "name", "sample_len", "sample_count", "samples", "task", "group"]);

const TASK_NAME = /^[\p{L}\p{N}_.:\-/ ]{1,200}$/u;
const METRIC_NAME = /^[\p{L}\p{N}_.@-]{1,100}$/u;

function argsAsText(args: unknown): string | null {
  if (typeof args === "string") return str(args, 2000);
  if (isObject(args)) return str(JSON.stringify(args), 2000);
  return null;
}

function dateFrom(v: unknown): Date | null {
  // lm-eval writes a Unix time in seconds (a float); some tools write ISO dates.
  if (typeof v === "number" && Number.isFinite(v) && v > 0) {
    const d = new Date(v < 1e12 ? v * 1000 : v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** "1.0" and 1 are the same version; "N/A" (a group without one) is none. */
export function canonicalVersion(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  const s = str(v, 40);
  if (!s || /^n\/?a$/i.test(s) || s.toLowerCase() === "none") return null;
  return /^\d+(\.\d+)?$/.test(s) ? String(Number(s)) : s;
}

const shots = (v: unknown): number | null => {
  const n = count(v);
  return n !== null && n <= 10_000 ? n : null;
};

/** The file's format, judged from its content; refuses what is neither. */
function formatOf(root: JsonObject, results: JsonObject): LmEvalFormat {
  // The harness always writes at least one of these beside `results`: a file without any is something else.
  if (!["versions", "n-shot", "configs", "config", "higher_is_better"].some((k) => k in root)) throw notResults();
  const entries = Object.values(results).filter(isObject);
  if (entries.some((e) => Object.keys(e).some((k) => k.includes(",")))) return "0.4";
  const modern = ["n-shot", "higher_is_better", "configs", "n-samples", "group_subtasks", "groups"].some((k) => k in root);
  return modern ? "0.4" : "legacy";
}

/**
 * Groups and their members. `group_subtasks` (and `groups`) say it when
 * present; files of some 0.4 releases only show it in the aliases, indented
 * under their group in file order (" - humanities", "  - formal_logic").
 */
function groupsOf(root: JsonObject, results: JsonObject): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const listed = isObject(root.group_subtasks) ? root.group_subtasks : null;
  if (listed) {
    for (const [name, members] of Object.entries(listed)) {
      const names = Array.isArray(members) ? members.filter((m): m is string => typeof m === "string" && TASK_NAME.test(m)) : [];
      if (names.length > 0) groups.set(name, names);
    }
  }
  // A group in `groups` whose members are not listed is still a group.
  if (isObject(root.groups)) for (const name of Object.keys(root.groups)) if (!groups.has(name)) groups.set(name, []);
  if (listed || isObject(root.groups)) return groups;

  const stack: { name: string; depth: number }[] = [];
  for (const [name, entry] of Object.entries(results)) {
    const alias = isObject(entry) && typeof entry.alias === "string" ? entry.alias : "";
    const indent = /^(\s*)- /.exec(alias);
    const depth = indent ? indent[1]!.length + 1 : 0;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && depth > 0) groups.set(parent.name, [...(groups.get(parent.name) ?? []), name]);
    stack.push({ name, depth });
  }
  return groups;
}

/** The leaf tasks under a group (members of member groups included), cycles ignored. */
function leavesOf(group: string, groups: Map<string, string[]>, seen = new Set<string>()): string[] {
  if (seen.has(group)) return [];
  seen.add(group);
  return (groups.get(group) ?? []).flatMap((m) => (groups.has(m) ? leavesOf(m, groups, seen) : [m]));
}

type TaskFacts = { nShot: number | null; samples: SampleCounts | null; limited: boolean; version: string | null };

function taskFacts(root: JsonObject, format: LmEvalFormat, config: JsonObject, sampleLimit: number | null, groups: Map<string, string[]>) {
  const nShotTable = isObject(root["n-shot"]) ? root["n-shot"] : {};
  const configs = isObject(root.configs) ? root.configs : {};
  const nSamples = isObject(root["n-samples"]) ? root["n-samples"] : {};
  const versions = isObject(root.versions) ? root.versions : {};
  const legacyShots = format === "legacy" ? shots(config.num_fewshot) : null;

  const ownShots = (task: string) => (format === "legacy" ? legacyShots : (shots(nShotTable[task]) ?? (isObject(configs[task]) ? shots(configs[task].num_fewshot) : null)));
  const ownSamples = (task: string): SampleCounts | null => {
    const entry = nSamples[task];
    if (!isObject(entry)) return null;
    const effective = count(entry.effective);
    const original = count(entry.original);
    return effective !== null && original !== null ? { effective, original } : null;
  };
  // Without sample counts, a run with config.limit set may have cut any task short.
  const ownLimited = (samples: SampleCounts | null) => (samples ? samples.effective < samples.original : sampleLimit !== null);

  return (task: string, isGroup: boolean): TaskFacts => {
    const version = canonicalVersion(versions[task]);
    if (!isGroup) {
      const samples = ownSamples(task);
      return { nShot: ownShots(task), samples, limited: ownLimited(samples), version };
    }
    const leaves = leavesOf(task, groups);
    const leafSamples = leaves.map(ownSamples);
    const samples =
      leaves.length > 0 && leafSamples.every((s) => s !== null)
        ? leafSamples.reduce<SampleCounts>((sum, s) => ({ effective: sum.effective + s!.effective, original: sum.original + s!.original }), { effective: 0, original: 0 })
        : null;
    // A group's n-shot is its tasks' when they agree (some 0.4 releases wrote 0 for every group); unknown when they differ.
    const leafShots = new Set(leaves.map(ownShots));
    const nShot = leaves.length > 0 ? (leafShots.size === 1 ? [...leafShots][0]! : null) : ownShots(task);
    const limited = leafSamples.some((s) => s !== null && s.effective < s.original) || (samples === null && sampleLimit !== null);
    return { nShot, samples, limited, version };
  };
}

export function parseLmEvalResults(text: string): LmEvalFile {
  let root: unknown;
  try {
    root = parsePythonJson(text);
  } catch {
    throw new DomainError(422, "research:errors.lmEvalInvalidJson");
  }
  if (!isObject(root) || !isObject(root.results)) throw notResults();
  const results = root.results;
  const format = formatOf(root, results);

  const config = isObject(root.config) ? root.config : {};
  const limit = finite(config.limit);
  const sampleLimit = limit !== null && limit > 0 ? limit : null;
  const higherIsBetterTable = isObject(root.higher_is_better) ? root.higher_is_better : {};
  const groups = groupsOf(root, results);
  const facts = taskFacts(root, format, config, sampleLimit, groups);
  const scores: LmEvalScore[] = [];

  for (const [task, entry] of Object.entries(results)) {
    if (!isObject(entry) || !TASK_NAME.test(task)) continue;
    const isGroup = groups.has(task);
    const taskBetter = isObject(higherIsBetterTable[task]) ? higherIsBetterTable[task] : {};
    const { nShot, samples, limited, version } = facts(task, isGroup);
    for (const [key, value] of Object.entries(entry)) {
      const comma = key.indexOf(",");
      // 0.4 scores are "metric,filter"; before 0.4 every numeric key is one.
      if (format === "0.4" ? comma <= 0 : comma !== -1) continue;
      const metric = comma === -1 ? key : key.slice(0, comma);
      const filter = comma === -1 ? "none" : key.slice(comma + 1) || "none";
      if (NOT_SCORES.has(metric) || metric.endsWith("_stderr") || !METRIC_NAME.test(metric) || filter.length > 100) continue;
      const score = finite(value);
      if (score === null) continue;
      const stderrValue = finite(format === "0.4" ? entry[`${metric}_stderr,${filter}`] : entry[`${metric}_stderr`]);
      const declared = taskBetter[metric];
      scores.push({
        task,
        metric,
        filter,
        isGroup,
        score,
        stderr: stderrValue !== null && stderrValue >= 0 ? stderrValue : null,
        nShot,
        higherIsBetter: typeof declared === "boolean" ? declared : !LOWER_IS_BETTER.test(metric),
        version,
        samples,
        limited,
      });
      if (scores.length > EVALUATION_LIMITS.resultsPerFile) {
        throw new DomainError(422, "research:errors.lmEvalTooManyResults", { count: EVALUATION_LIMITS.resultsPerFile });
      }
    }
  }
  if (scores.length === 0) throw new DomainError(422, "research:errors.lmEvalNoScores");

  const taskHashes: Record<string, string> = {};
  if (isObject(root.task_hashes)) {
    for (const [task, hash] of Object.entries(root.task_hashes)) {
      const h = str(hash, 128);
      if (h && TASK_NAME.test(task)) taskHashes[task] = h;
    }
  }
  const scoredGroups = new Set(scores.filter((s) => s.isGroup).map((s) => s.task));
  const duration = finite(typeof root.total_evaluation_time_seconds === "string" ? Number(root.total_evaluation_time_seconds) : root.total_evaluation_time_seconds);

  return {
    format,
    harnessVersion: str(root.lm_eval_version, 40),
    gitHash: str(root.git_hash, 64),
    evaluatedAt: dateFrom(root.date),
    hasConfig: isObject(root.config),
    modelBackend: str(config.model, 100),
    modelArgs: argsAsText(config.model_args),
    modelName: str(root.model_name, 200),
    model: modelOfFile(root, config),
    sampleLimit,
    durationSeconds: duration !== null && duration >= 0 ? duration : null,
    taskHashes,
    // Only the groups that have scores here, with their members as listed.
    groups: Object.fromEntries([...groups].filter(([name]) => scoredGroups.has(name)).map(([name, members]) => [name, members.slice(0, 1000)])),
    scores,
  };
}
