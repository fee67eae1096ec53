// Forms of the dataset catalogue (parsed on the server with parseForm, which
// turns empty fields into undefined and numbers into numbers).
import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { text } from "~/utils/validation";
import { countryCode, httpUrl } from "~/modules/model/schemas";
import { CROSS_BORDER, DATA_LANGUAGES, DATASET_ACCESS, DATASET_LIMITS as L, MODALITIES } from "./constants";

const uiLanguage = z.enum(LANGUAGE_CODES as [string, ...string[]]);

/** The sovereignty metadata: what an edit changes (name and description are language versions). */
export const DatasetMetadataSchema = z.object({
  languages: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(DATA_LANGUAGES)).min(1).max(L.languages)),
  license: text({ max: L.license }),
  modality: z.enum(MODALITIES),
  /** Declared size, in gigabytes (decimal). */
  sizeGigabytes: z.number().min(0).max(L.maxGigabytes).optional(),
  recordCount: z.number().int().min(0).max(L.maxRecords).optional(),
  residencyCountry: countryCode,
  residencyNote: text({ max: L.residencyNote }).optional(),
  crossBorder: z.enum(CROSS_BORDER),
  access: z.enum(DATASET_ACCESS),
  url: httpUrl.optional(),
});

export const CreateDatasetSchema = DatasetMetadataSchema.extend({
  name: text({ max: L.name }),
  description: text({ max: L.description, multiline: true }),
  originalLanguage: uiLanguage,
});

export type DatasetMetadataInput = z.output<typeof DatasetMetadataSchema>;
export type CreateDatasetInput = z.output<typeof CreateDatasetSchema>;

export const DatasetTextSchema = z.object({
  intent: z.literal("text"),
  language: uiLanguage,
  /** Ignored for the original language: that text stays the original. */
  kind: z.enum(["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"]).optional(),
  name: text({ max: L.name }),
  description: text({ max: L.description, multiline: true }),
});

export const AccessRequestSchema = z.object({
  intent: z.literal("requestAccess"),
  purpose: text({ min: L.purposeMin, max: L.purpose, multiline: true }),
});

export const DecideAccessSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), requestId: z.string().uuid(), note: text({ max: L.decisionNote, multiline: true }).optional() }),
  z.object({ intent: z.literal("deny"), requestId: z.string().uuid(), note: text({ max: L.decisionNote, multiline: true }) }),
]);

export const RemoveFileSchema = z.object({ intent: z.literal("removeFile"), fileId: z.string().uuid() });

export const DatasetFilterSchema = z.object({
  language: z.enum(DATA_LANGUAGES).optional().catch(undefined),
  access: z.enum(DATASET_ACCESS).optional().catch(undefined),
  modality: z.enum(MODALITIES).optional().catch(undefined),
  steward: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional()
    .catch(undefined),
  q: z.string().trim().min(1).max(L.name).optional().catch(undefined),
});
