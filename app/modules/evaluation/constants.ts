// Evaluation constants that pages show (no zod here: pages stay light).

export const RESULT_VISIBILITIES = ["PUBLIC", "MEMBERS"] as const;

/**
 * Languages a result can be about (BCP 47). Names come from Intl.DisplayNames
 * in the UI language; "mul" is several languages at once.
 */
export const EVALUATION_LANGUAGES = [
  "en",
  "zh",
  "ru",
  "pt",
  "hi",
  "ar",
  "fa",
  "id",
  "es",
  "fr",
  "sw",
  "bn",
  "ta",
  "te",
  "ur",
  "mr",
  "gu",
  "kn",
  "ml",
  "pa",
  "ne",
  "si",
  "am",
  "yo",
  "ha",
  "zu",
  "xh",
  "af",
  "so",
  "ti",
  "ms",
  "th",
  "vi",
  "kk",
  "uz",
  "be",
  "tr",
  "ko",
  "mul",
] as const;

export const EVALUATION_LIMITS = {
  /** Largest lm-eval results file accepted (they are a few hundred KiB at most in practice). */
  fileBytes: 20 * 1024 * 1024,
  /** Scores read from one file at most. */
  resultsPerFile: 5_000,
  task: 200,
  metric: 100,
  filter: 100,
  harness: 100,
  harnessVersion: 40,
  notes: 2_000,
  taskVersion: 40,
} as const;

/** z for a two-sided 95 % interval: score ± 1.96 × standard error (the database's rank rule uses the same). */
export const Z95 = 1.96;

/** What an lm-eval import accepts, judged from the content. */
export const LM_EVAL_FILE_TYPES = ["application/json", "text/plain"] as const;

export const LEADERBOARDS_PAGE_SIZE = 30;
export const LEADERBOARD_PAGE_SIZE = 20;
/** Results of limited runs listed under a leaderboard (they are never ranked). */
export const LIMITED_RESULTS_SHOWN = 50;
export const RUN_RESULTS_PAGE_SIZE = 50;
export const MODEL_RESULTS_PAGE_SIZE = 30;
/** Models compared at once, and benchmarks shown in one comparison. */
export const COMPARE_MAX_MODELS = 5;
export const COMPARE_MAX_BENCHMARKS = 12;

export const HARNESS_LM_EVAL = "lm-evaluation-harness";
