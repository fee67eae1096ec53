// Forms of the DSI domain (parsed on the server with parseForm).
import { z } from "zod";
import { text } from "~/utils/validation";
import { DSI_INDICATOR_KEYS, DSI_LIMITS as L, DSI_SCORE_MAX, DSI_SCORE_MIN } from "./constants";

const indicatorValue = z.coerce.number({ invalid_type_error: "validation.invalid" }).int().min(DSI_SCORE_MIN).max(DSI_SCORE_MAX);

/** Evidence must be a web address a reader can open: http or https only. */
const evidenceUrl = z
  .string()
  .trim()
  .max(L.url)
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), { message: "validation.url" });

export const EvidenceInput = z.object({
  indicator: z.enum(DSI_INDICATOR_KEYS),
  url: evidenceUrl,
  label: text({ max: L.evidenceLabel }),
});

export const SaveAssessmentSchema = z.object({
  intent: z.literal("save"),
  /** The revision the form was filled in on; absent for a new assessment. */
  revision: z.coerce.number().int().min(1).optional(),
  indicators: z.object(Object.fromEntries(DSI_INDICATOR_KEYS.map((k) => [k, indicatorValue])) as Record<(typeof DSI_INDICATOR_KEYS)[number], typeof indicatorValue>),
  evidence: z.array(EvidenceInput).max(L.evidence).default([]),
});

export const AssessmentStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit"), revision: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal("publish"), revision: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal("return"), revision: z.coerce.number().int().min(1), note: text({ max: L.returnNote, multiline: true }) }),
]);

export const CompareParamSchema = z
  .string()
  .regex(/^(median|[A-Za-z]{2})$/)
  .transform((s) => (s === "median" ? s : s.toUpperCase()));
