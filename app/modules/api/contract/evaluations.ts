// Models, evaluation runs with their provenance, their results, and the
// leaderboards that rank them. Public results to anyone; members-only results
// to a token whose owner may read them. Submitting results needs a token with
// `evaluations:write`, and goes through the same importer as the web form.
import { EVALUATION_LANGUAGES, RESULT_VISIBILITIES } from "~/modules/evaluation/constants";
import { endpoint } from "./endpoint";
import { dateTime, DelegationRef, NoQuery, orNull, page, PageQuery, Slug, url } from "./common";
import { z } from "./zod";

const ModelRef = z.object({ slug: z.string(), name: z.string(), apiUrl: url() }).openapi("ModelRef");

export const ModelSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    family: z.string(),
    parameterCount: z.number().int().nullable(),
    license: z.string(),
    openWeights: z.boolean(),
    developer: z.string(),
    originCountry: z.string().length(2).nullable(),
    repository: z.string().nullable().openapi({ description: "Repository id, as lm-eval files name the model." }),
    apiUrl: url(),
    pageUrl: url(),
  })
  .openapi("ModelSummary");

export const Model = ModelSummary.extend({
  homepage: z.string().nullable(),
  description: z.string().openapi({ description: "Markdown." }),
  baseModel: orNull(ModelRef).openapi({ description: "The model it was fine-tuned or distilled from, when registered." }),
  derived: z.array(ModelRef),
  delegation: orNull(DelegationRef),
  createdAt: dateTime(),
  updatedAt: dateTime(),
  evaluationsUrl: url(),
}).openapi("Model");

export const EvaluationRunSummary = z
  .object({
    id: z.string().uuid(),
    model: ModelRef,
    source: z.enum(["LM_EVAL_IMPORT", "MANUAL"]),
    visibility: z.enum(RESULT_VISIBILITIES),
    isDemo: z.boolean().openapi({ description: "Scores made up for the demonstration." }),
    evaluatedAt: dateTime().nullable().openapi({ description: "When the evaluation ran, as the file states it; null when it does not say." }),
    createdAt: dateTime(),
    resultCount: z.number().int(),
    limitedCount: z.number().int().openapi({ description: "Results made on a subset of the samples (--limit), never ranked." }),
    delegation: orNull(DelegationRef),
    apiUrl: url(),
    pageUrl: url(),
  })
  .openapi("EvaluationRunSummary");

export const Provenance = z
  .object({
    harness: z.string(),
    harnessVersion: z.string().nullable(),
    fileFormat: z.string().nullable().openapi({ description: '"0.4" or "legacy".' }),
    gitHash: z.string().nullable(),
    modelBackend: z.string().nullable(),
    modelArgs: z.string().nullable(),
    modelSha: z.string().nullable(),
    modelName: z.string().nullable(),
    modelRevision: z.string().nullable(),
    hasConfig: z.boolean().nullable(),
    sampleLimit: z.number().nullable(),
    durationSeconds: z.number().nullable(),
    taskHashes: z.record(z.string(), z.string()),
    groupSubtasks: z.record(z.string(), z.array(z.string())),
    file: orNull(z.object({ name: z.string(), size: z.number().int(), sha256: z.string().length(64), downloadUrl: url() })),
  })
  .openapi("Provenance", { description: "What the harness's file stated about the run, and nothing it did not." });

export const EvaluationRun = EvaluationRunSummary.extend({
  notes: z.string(),
  submittedBy: z.object({ name: z.string() }),
  provenance: Provenance,
  resultsUrl: url(),
}).openapi("EvaluationRun");

export const EvaluationResult = z
  .object({
    id: z.string().uuid(),
    task: z.string(),
    metric: z.string(),
    filter: z.string(),
    isGroup: z.boolean().openapi({ description: "An aggregate of tasks (such as mmlu), never ranked against a task." }),
    higherIsBetter: z.boolean(),
    taskVersion: z.string().nullable(),
    nShot: z.number().int().nullable(),
    score: z.number(),
    stderr: z.number().nullable(),
    samplesEffective: z.number().int().nullable(),
    samplesOriginal: z.number().int().nullable(),
    isLimited: z.boolean(),
    language: z.string(),
    leaderboardUrl: url(),
  })
  .openapi("EvaluationResult");

const LeaderboardIdentity = z.object({
  id: z.string().uuid(),
  task: z.string(),
  metric: z.string(),
  filter: z.string(),
  isGroup: z.boolean(),
  higherIsBetter: z.boolean(),
  taskVersion: z.string().nullable(),
  nShot: z.number().int().nullable(),
});

export const LeaderboardSummary = LeaderboardIdentity.extend({
  models: z.number().int(),
  results: z.number().int(),
  limited: z.number().int(),
  leader: orNull(z.object({ model: ModelRef, score: z.number(), stderr: z.number().nullable() })),
  firstCount: z.number().int().openapi({ description: "Models that could rank first: the leader and those statistically tied with it." }),
  apiUrl: url(),
  pageUrl: url(),
  csvUrl: url(),
}).openapi("LeaderboardSummary");

export const LeaderboardRow = z
  .object({
    position: z.number().int(),
    rankLow: z.number().int().openapi({ description: "Best rank the model could hold given the 95 % intervals." }),
    rankHigh: z.number().int().openapi({ description: "Worst rank the model could hold given the 95 % intervals." }),
    model: ModelRef.extend({ family: z.string(), openWeights: z.boolean() }),
    score: z.number(),
    stderr: z.number().nullable(),
    samplesEffective: z.number().int().nullable(),
    samplesOriginal: z.number().int().nullable(),
    language: z.string(),
    evaluatedAt: dateTime().nullable(),
    harness: z.string(),
    harnessVersion: z.string().nullable(),
    isDemo: z.boolean(),
    delegation: orNull(DelegationRef),
    run: z.object({ id: z.string().uuid(), apiUrl: url() }),
  })
  .openapi("LeaderboardRow");

export const Leaderboard = LeaderboardIdentity.extend({
  rankedModels: z.number().int(),
  rows: z.array(LeaderboardRow).openapi({ description: "Each model's best full-sample result, best first: one page." }),
  nextCursor: z.string().nullable(),
  limitedCount: z.number().int().openapi({ description: "Results of limited runs on this board, never ranked." }),
  members: z.array(z.string()).nullable().openapi({ description: "A group's member tasks." }),
  settings: z
    .array(z.object({ id: z.string().uuid(), taskVersion: z.string().nullable(), nShot: z.number().int().nullable(), models: z.number().int(), apiUrl: url() }))
    .openapi({ description: "The other leaderboards of the same benchmark (other task versions or n-shot)." }),
  pageUrl: url(),
  csvUrl: url(),
}).openapi("Leaderboard");

/** What a submission answers: the run made, or the run an earlier submission of the same file made. */
export const EvaluationSubmitted = z
  .object({
    outcome: z.enum(["imported", "duplicate"]).openapi({ description: '"duplicate": this file was already imported for this model; nothing new was stored.' }),
    run: z.object({ id: z.string().uuid(), apiUrl: url(), pageUrl: url() }),
    model: ModelRef,
    resultCount: z.number().int().nullable().openapi({ description: "Results read from the file (null for a duplicate)." }),
    limitedCount: z.number().int().nullable(),
    groupCount: z.number().int().nullable(),
  })
  .openapi("EvaluationSubmitted");

const language = z.enum(EVALUATION_LANGUAGES);
const flag = z.enum(["true", "false"]).transform((v) => v === "true");
/** A position in a ranked or fixed list, for lists that are read by offset. */
const OffsetQuery = z.object({ cursor: z.string().max(100).optional().openapi({ description: "From `nextCursor` of the previous page." }) });

export const listModels = endpoint({
  id: "listModels",
  tag: "evaluations",
  method: "get",
  path: "/models",
  auth: "public",
  params: z.object({}),
  query: PageQuery.extend({ family: z.string().min(1).max(60).optional(), openWeights: flag.optional().openapi({ type: "string", enum: ["true", "false"] }) }),
  response: page(ModelSummary, "ModelPage"),
  paginated: true,
});

export const getModel = endpoint({
  id: "getModel",
  tag: "evaluations",
  method: "get",
  path: "/models/{slug}",
  auth: "public",
  params: z.object({ slug: Slug }),
  query: NoQuery,
  response: Model,
  errors: [404],
});

export const listEvaluations = endpoint({
  id: "listEvaluations",
  tag: "evaluations",
  method: "get",
  path: "/evaluations",
  auth: "public",
  params: z.object({}),
  query: PageQuery.extend({ model: Slug.optional().openapi({ description: "Only runs of this model (its slug)." }) }),
  response: page(EvaluationRunSummary, "EvaluationRunPage"),
  paginated: true,
});

export const getEvaluation = endpoint({
  id: "getEvaluation",
  tag: "evaluations",
  method: "get",
  path: "/evaluations/{id}",
  auth: "public",
  params: z.object({ id: z.string().uuid() }),
  query: NoQuery,
  response: EvaluationRun,
  errors: [404],
});

export const listEvaluationResults = endpoint({
  id: "listEvaluationResults",
  tag: "evaluations",
  method: "get",
  path: "/evaluations/{id}/results",
  auth: "public",
  params: z.object({ id: z.string().uuid() }),
  query: OffsetQuery,
  response: page(EvaluationResult, "EvaluationResultPage"),
  paginated: true,
  errors: [404],
});

export const listLeaderboards = endpoint({
  id: "listLeaderboards",
  tag: "evaluations",
  method: "get",
  path: "/leaderboards",
  auth: "public",
  params: z.object({}),
  query: OffsetQuery.extend({
    language: language.optional(),
    family: z.string().min(1).max(60).optional(),
    q: z.string().min(1).max(100).optional().openapi({ description: "Part of the task's name." }),
  }),
  response: page(LeaderboardSummary, "LeaderboardPage"),
  paginated: true,
});

export const getLeaderboard = endpoint({
  id: "getLeaderboard",
  tag: "evaluations",
  method: "get",
  path: "/leaderboards/{id}",
  auth: "public",
  params: z.object({ id: z.string().uuid() }),
  query: OffsetQuery.extend({ language: language.optional(), family: z.string().min(1).max(60).optional() }),
  response: Leaderboard,
  paginated: true,
  errors: [404],
});

export const SubmitEvaluationBody = z.object({
  file: z.string().openapi({ type: "string", format: "binary", description: "The results JSON file lm-evaluation-harness wrote." }),
  model: Slug.optional().openapi({ description: "The registered model's slug; without it, the model the file names." }),
  language: language.openapi({ description: "The language of tasks whose name does not say it." }),
  visibility: z.enum(RESULT_VISIBILITIES),
  notes: z.string().max(2_000).optional(),
});

export const submitEvaluation = endpoint({
  id: "submitEvaluation",
  tag: "evaluations",
  method: "post",
  path: "/evaluations",
  auth: "evaluations:write",
  params: z.object({}),
  query: NoQuery,
  body: SubmitEvaluationBody,
  response: EvaluationSubmitted,
  status: 201,
  alsoStatus: [200],
  errors: [403, 409, 413, 415, 422],
});
