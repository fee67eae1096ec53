// Forms of the evaluation domain (parsed on the server with parseForm, which
// turns empty fields into undefined and numbers into numbers).
import { z } from "zod";
import { text } from "~/utils/validation";
import { COMPARE_MAX_MODELS, EVALUATION_LANGUAGES, EVALUATION_LIMITS as L, RESULT_VISIBILITIES } from "./constants";

const language = z.enum(EVALUATION_LANGUAGES);
const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\p{L}\p{N}_.:\-/@ ]+$/u, "research:validation.identifier");

export const ImportSchema = z.object({
  /** Empty: find the model the file names among the registry's repository ids. */
  modelId: z.string().uuid().optional(),
  language,
  visibility: z.enum(RESULT_VISIBILITIES),
  notes: text({ max: L.notes, multiline: true }).optional(),
});

export const ManualResultSchema = z.object({
  modelId: z.string().uuid(),
  task: name(L.task),
  metric: name(L.metric),
  filter: name(L.filter).optional(),
  /** A task, or a group (an aggregate of tasks such as mmlu): never ranked against each other. */
  kind: z.enum(["task", "group"]),
  /** The task's version as the harness reports it; empty when unknown. */
  taskVersion: z
    .string()
    .trim()
    .max(L.taskVersion)
    .regex(/^[\p{L}\p{N}_.-]+$/u, "research:validation.identifier")
    .optional(),
  score: z.number().finite().min(-1e12).max(1e12),
  stderr: z.number().finite().min(0).max(1e12).optional(),
  nShot: z.number().int().min(0).max(10_000).optional(),
  higherIsBetter: z.enum(["yes", "no"]).transform((v) => v === "yes"),
  language,
  harness: text({ max: L.harness }),
  harnessVersion: text({ max: L.harnessVersion }).optional(),
  evaluatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date"),
  visibility: z.enum(RESULT_VISIBILITIES),
  notes: text({ max: L.notes, multiline: true }).optional(),
});

export type ManualResultInput = z.output<typeof ManualResultSchema>;

export const ResultFilterSchema = z.object({
  language: language.optional().catch(undefined),
  /** "show": list results of limited runs (never ranked) as well. */
  limited: z
    .enum(["show"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "show"),
  family: z.string().trim().min(1).max(60).optional().catch(undefined),
  q: z.string().trim().min(1).max(L.task).optional().catch(undefined),
});

export const CompareSchema = z.object({
  models: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().regex(/^[a-z0-9-]{1,100}$/)))
    .transform((a) => [...new Set(a)].slice(0, COMPARE_MAX_MODELS))
    .catch([]),
  language: language.optional().catch(undefined),
  q: z.string().trim().min(1).max(L.task).optional().catch(undefined),
});

export const WithdrawRunSchema = z.object({ intent: z.literal("withdraw") });
