// Forms of the strategy domain (parsed on the server with parseForm).
import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { reviewFields, reviewSectionFields } from "~/modules/document/schemas";
import { calendarDate } from "~/modules/text/dates";
import { text } from "~/utils/validation";
import {
  COMPARE_MAX,
  DSI_DIMENSIONS,
  FIRST_STRATEGY_YEAR,
  STRATEGY_LIMITS as L,
  STRATEGY_SECTORS,
  STRATEGY_STATUSES,
  STRATEGY_VISIBILITIES,
  TRANSLATION_KINDS,
  UUID_PATTERN,
} from "./constants";

const language = z.enum(LANGUAGE_CODES as [string, ...string[]]);
const sectionKey = z.string().regex(/^[a-z0-9-]{1,40}$/);
const dimension = z.enum(DSI_DIMENSIONS);

/** A calendar date (YYYY-MM-DD) that exists, kept as the string. */
const isoDate = calendarDate({ minYear: FIRST_STRATEGY_YEAR });

export const SectionInput = z.object({
  key: sectionKey.optional(),
  heading: text({ max: L.heading }),
  body: text({ max: L.body, multiline: true }),
});

const note = text({ max: L.dimensionNote, multiline: true }).optional();
const DimensionNotes = z.object(Object.fromEntries(DSI_DIMENSIONS.map((d) => [d, note])) as Record<(typeof DSI_DIMENSIONS)[number], typeof note>).default({});

/** The words of a strategy in one language: what an original and a translation both have. */
const TextFields = {
  title: text({ max: L.title }),
  summary: text({ max: L.summary, multiline: true }),
  issuingAuthority: text({ max: L.issuingAuthority }),
  dimensionNotes: DimensionNotes,
};

/** Every dimension a strategy covers has a short summary; notes on others are left out. */
function requireNotes<T extends { dimensions: string[]; dimensionNotes: Partial<Record<string, string>> }>(value: T, ctx: z.RefinementCtx) {
  for (const d of value.dimensions) {
    if (!value.dimensionNotes[d]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dimensionNotes", d], message: "strategies:validation.dimensionNote" });
  }
}

const MetadataFields = {
  adoptedOn: isoDate.optional(),
  dimensions: z.array(dimension).min(1).max(DSI_DIMENSIONS.length),
  sectors: z.array(z.enum(STRATEGY_SECTORS)).max(STRATEGY_SECTORS.length).default([]),
  sections: z.array(SectionInput).min(1).max(L.sections),
};

export const CreateStrategySchema = z.object({ ...TextFields, ...MetadataFields, originalLanguage: language }).superRefine(requireNotes);

/** The fields of a strategy the merge of a stale save handles one by one (besides sections, dimensions and sectors). */
export const STRATEGY_MERGE_FIELDS = ["title", "summary", "issuingAuthority", "adoptedOn", ...DSI_DIMENSIONS.map((d) => `note-${d}` as const)] as const;

export const SaveVersionSchema = z
  .object({
    ...TextFields,
    ...MetadataFields,
    sections: z.array(SectionInput.extend(reviewSectionFields)).min(1).max(L.sections),
    baseVersion: z.coerce.number().int().min(1),
    changeNote: text({ max: L.changeNote }),
    ...reviewFields(STRATEGY_MERGE_FIELDS),
  })
  .superRefine(requireNotes);

export const TranslationSchema = z.object({
  ...TextFields,
  version: z.coerce.number().int().min(1),
  language,
  kind: z.enum(TRANSLATION_KINDS),
  sections: z
    .array(SectionInput.extend({ key: sectionKey }))
    .min(1)
    .max(L.sections),
});

export const PublishSchema = z.object({
  intent: z.literal("publish"),
  /** The version the head read and means to publish. */
  version: z.coerce.number().int().min(1),
  visibility: z.enum(STRATEGY_VISIBILITIES),
});

export const VisibilitySchema = z.object({ intent: z.literal("visibility"), visibility: z.enum(STRATEGY_VISIBILITIES) });

export const SupersedeSchema = z.object({ intent: z.literal("supersede"), successorId: z.string().uuid().optional() });

export const AttachmentFieldsSchema = z.object({ language: language.optional() });

export const StrategyFilterSchema = z.object({
  delegation: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional()
    .catch(undefined),
  status: z.enum(STRATEGY_STATUSES).optional().catch(undefined),
  dimension: dimension.optional().catch(undefined),
  sector: z.enum(STRATEGY_SECTORS).optional().catch(undefined),
  language: language.optional().catch(undefined),
  year: z.coerce.number().int().min(FIRST_STRATEGY_YEAR).max(2100).optional().catch(undefined),
});

const slug = /^[a-z0-9-]{1,80}$/;

/**
 * `?ids=a,b` or `?ids=a&ids=b`: strategy ids or slugs, in order, without
 * duplicates or blanks; at most a few more than a comparison shows, so a
 * hand-made URL cannot make the server look up thousands.
 */
export function compareIds(url: URL): string[] {
  const raw = url.searchParams.getAll("ids").flatMap((v) => v.split(","));
  const ids: string[] = [];
  for (const value of raw.map((v) => v.trim()).filter(Boolean)) {
    if ((UUID_PATTERN.test(value) || slug.test(value)) && !ids.includes(value)) ids.push(value);
    if (ids.length > COMPARE_MAX) break;
  }
  return ids;
}
