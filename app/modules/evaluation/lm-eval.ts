// Reading the results file that EleutherAI's lm-evaluation-harness writes
// (`results_<date>.json`, v0.4): top-level `results` (per task, keys
// "metric,filter" such as "acc,none", with "acc_stderr,none" beside them),
// `configs`, `versions`, `n-shot`, `higher_is_better`, `config` (model,
// model_args, model_sha…), `lm_eval_version`, `git_hash`, `date`,
// `task_hashes`. Pure: no database, no I/O. A file that is not such a result
// is refused with a translation key, and nothing is half-read.
import { DomainError } from "~/utils/errors";
import { EVALUATION_LIMITS } from "./constants";

export type LmEvalScore = {
  task: string;
  metric: string;
  filter: string;
  score: number;
  stderr: number | null;
  nShot: number | null;
  higherIsBetter: boolean;
  /** The task's version as the harness reports it. */
  version: string | null;
};

export type LmEvalFile = {
  harnessVersion: string | null;
  gitHash: string | null;
  /** config.model: the harness backend ("hf", "vllm"…). */
  modelBackend: string | null;
  modelArgs: string | null;
  modelSha: string | null;
  /** The model's repository id, read from model_args ("pretrained=org/name") or model_name. */
  modelRepository: string | null;
  evaluatedAt: Date | null;
  taskHashes: Record<string, string>;
  scores: LmEvalScore[];
};

const notResults = () => new DomainError(422, "research:errors.lmEvalNotResults");

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 500): string | null => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);
const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

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
const LOWER_IS_BETTER = /(perplexity|bits_per_byte|^ter$|^wer$|^cer$|loss|error)/;

const TASK_NAME = /^[\p{L}\p{N}_.:\-/ ]{1,200}$/u;
const METRIC_NAME = /^[\p{L}\p{N}_.@-]{1,100}$/u;

function modelRepositoryFrom(config: JsonObject, root: JsonObject): string | null {
  const args = config.model_args;
  const argString = typeof args === "string" ? args : isObject(args) ? Object.entries(args).map(([k, v]) => `${k}=${String(v)}`).join(",") : "";
  const match = /(?:^|,)\s*(?:pretrained|model|model_name|path)\s*=\s*([^,]+)/.exec(argString);
  const candidate = match?.[1]?.trim() ?? str(root.model_name) ?? str(config.model_name);
  if (!candidate) return null;
  // A local path names no registry entry; keep its last two segments ("org/name") when it looks like one.
  const parts = candidate.replace(/\/+$/, "").split("/");
  return parts.length >= 2 ? parts.slice(-2).join("/") : candidate;
}

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
  if (typeof v === "string") {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function nShotFor(nShot: unknown, configs: unknown, task: string): number | null {
  const fromTable = isObject(nShot) ? nShot[task] : undefined;
  const n = finite(fromTable) ?? (isObject(configs) && isObject(configs[task]) ? finite(configs[task].num_fewshot) : null);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : null;
}

export function parseLmEvalResults(text: string): LmEvalFile {
  let root: unknown;
  try {
    root = parsePythonJson(text);
  } catch {
    throw new DomainError(422, "research:errors.lmEvalInvalidJson");
  }
  if (!isObject(root) || !isObject(root.results)) throw notResults();
  // The harness always writes these beside `results`: a file without any of them is something else.
  if (!["versions", "n-shot", "configs", "config", "higher_is_better"].some((k) => k in root)) throw notResults();

  const config = isObject(root.config) ? root.config : {};
  const higherIsBetterTable = isObject(root.higher_is_better) ? root.higher_is_better : {};
  const versions = isObject(root.versions) ? root.versions : {};
  const scores: LmEvalScore[] = [];

  for (const [task, entry] of Object.entries(root.results)) {
    if (!isObject(entry) || !TASK_NAME.test(task)) continue;
    const taskBetter = isObject(higherIsBetterTable[task]) ? (higherIsBetterTable[task] as JsonObject) : {};
    for (const [key, value] of Object.entries(entry)) {
      const comma = key.indexOf(",");
      const metric = comma === -1 ? key : key.slice(0, comma);
      const filter = comma === -1 ? "none" : key.slice(comma + 1) || "none";
      if (metric === "alias" || metric.endsWith("_stderr") || !METRIC_NAME.test(metric) || filter.length > 100) continue;
      const score = finite(value);
      if (score === null) continue;
      const stderrValue = finite(entry[`${metric}_stderr,${filter}`] ?? entry[`${metric}_stderr`]);
      const declared = taskBetter[metric];
      const version = versions[task];
      scores.push({
        task,
        metric,
        filter,
        score,
        stderr: stderrValue !== null && stderrValue >= 0 ? stderrValue : null,
        nShot: nShotFor(root["n-shot"], root.configs, task),
        higherIsBetter: typeof declared === "boolean" ? declared : !LOWER_IS_BETTER.test(metric),
        version: typeof version === "number" || typeof version === "string" ? String(version).slice(0, 40) : null,
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

  return {
    harnessVersion: str(root.lm_eval_version, 40),
    gitHash: str(root.git_hash, 64),
    modelBackend: str(config.model, 100),
    modelArgs: argsAsText(config.model_args),
    modelSha: str(config.model_sha, 100),
    modelRepository: modelRepositoryFrom(config, root),
    evaluatedAt: dateFrom(root.date),
    taskHashes,
    scores,
  };
}

// ---------------------------------------------------------------------------
// The language a task tests, for tasks that say it in their name.

/** ISO 639-3 codes (FLORES-200 style, as Belebele names its tasks) of the languages we name, to BCP 47. */
const ISO639_3: Record<string, string> = {
  eng: "en", zho: "zh", rus: "ru", por: "pt", hin: "hi", arb: "ar", ara: "ar", pes: "fa", fas: "fa", ind: "id", spa: "es",
  fra: "fr", swh: "sw", swa: "sw", ben: "bn", tam: "ta", tel: "te", urd: "ur", amh: "am", yor: "yo", hau: "ha", zsm: "ms",
  msa: "ms", tha: "th", vie: "vi", kaz: "kk", uzn: "uz", uzb: "uz", tur: "tr", mar: "mr", guj: "gu", kan: "kn", mal: "ml",
  pan: "pa", ory: "or", asm: "as", npi: "ne", sin: "si", zul: "zu", xho: "xh", afr: "af", som: "so", tir: "ti", bel: "be",
};

const TASK_LANGUAGE_PATTERNS: [RegExp, string][] = [
  [/^(ceval|cmmlu|c-eval|agieval_gaokao|xiezhi)/i, "zh"],
  [/^(arabicmmlu|arabic_|aexams|alghafa|acva)/i, "ar"],
  [/^(indicglue|indic_)/i, "mul"],
  [/^(persianmmlu|parsinlu)/i, "fa"],
  [/^(indommlu|indo_)/i, "id"],
  [/^(kmmlu|haerae)/i, "ko"],
  [/^(ruMMLU|rummlu|mera_|ru_)/i, "ru"],
];

/** The language a task's name says it tests, if any (e.g. belebele_hin_Deva → hi, cmmlu_* → zh). */
export function taskLanguage(task: string): string | null {
  const flores = /(?:^|_)([a-z]{3})_[A-Z][a-z]{3}(?:$|_)/.exec(task);
  if (flores) return ISO639_3[flores[1]!] ?? null;
  for (const [pattern, lang] of TASK_LANGUAGE_PATTERNS) if (pattern.test(task)) return lang;
  return null;
}
