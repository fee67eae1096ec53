// Forms of the proposal domain (parsed on the server with parseForm).
import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { reviewFields, reviewSectionFields } from "~/modules/document/schemas";
import { calendarDate } from "~/modules/text/dates";
import { text } from "~/utils/validation";
import { BRACKET_OUTCOMES, DSI_DIMENSIONS, PROPOSAL_LIMITS as L, STANCES, TRANSLATION_KINDS } from "./constants";

const language = z.enum(LANGUAGE_CODES as [string, ...string[]]);
const sectionKey = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const SectionInput = z.object({
  key: sectionKey.optional(),
  heading: text({ max: L.heading }),
  body: text({ max: L.body, multiline: true }),
});

export const CreateProposalSchema = z.object({
  title: text({ max: L.title }),
  originalLanguage: language,
  topics: z.array(z.enum(DSI_DIMENSIONS)).min(1).max(DSI_DIMENSIONS.length),
  sections: z.array(SectionInput).min(1).max(L.sections),
});

/** The fields of a proposal the merge of a stale save handles one by one (besides the sections). */
export const PROPOSAL_MERGE_FIELDS = ["title"] as const;

export const SaveVersionSchema = z.object({
  baseVersion: z.coerce.number().int().min(1),
  title: text({ max: L.title }),
  changeNote: text({ max: L.changeNote }),
  sections: z.array(SectionInput.extend(reviewSectionFields)).min(1).max(L.sections),
  ...reviewFields(PROPOSAL_MERGE_FIELDS),
});

export const TranslationSchema = z.object({
  version: z.coerce.number().int().min(1),
  language,
  kind: z.enum(TRANSLATION_KINDS),
  title: text({ max: L.title }),
  sections: z
    .array(SectionInput.extend({ key: sectionKey }))
    .min(1)
    .max(L.sections),
});

export const ConsultationSchema = z.object({
  intent: z.enum(["openConsultation", "extendConsultation"]),
  // A date that exists (YYYY-MM-DD): consultation runs until the end of that day, UTC.
  until: calendarDate(),
});

export const CoDrafterSchema = z.object({ intent: z.literal("inviteCoDrafter"), delegationId: z.string().uuid() });

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: text({ max: L.comment, multiline: true }),
  stance: z.enum(STANCES).optional(),
  parentId: z.string().uuid().optional(),
});

export const EditCommentSchema = z.object({
  intent: z.literal("editComment"),
  commentId: z.string().uuid(),
  body: text({ max: L.comment, multiline: true }),
});

export const HideCommentSchema = z.object({
  intent: z.literal("hideComment"),
  commentId: z.string().uuid(),
  reason: text({ max: L.note }),
});

export const AmendmentSchema = z.object({
  intent: z.literal("amend"),
  heading: text({ max: L.heading }),
  body: text({ max: L.body, multiline: true }),
  rationale: text({ max: L.rationale, multiline: true }),
});

export const DecideAmendmentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acceptAmendment"), amendmentId: z.string().uuid(), reason: text({ min: 0, max: L.note }).optional() }),
  z.object({ intent: z.literal("rejectAmendment"), amendmentId: z.string().uuid(), reason: text({ max: L.note }) }),
]);

export const BracketSchema = z.object({
  intent: z.literal("bracket"),
  passage: text({ max: L.passage }),
  note: text({ max: L.note, multiline: true }),
});

export const ResolveBracketSchema = z.object({
  intent: z.literal("resolveBracket"),
  bracketId: z.string().uuid(),
  outcome: z.enum(BRACKET_OUTCOMES),
  note: text({ min: 0, max: L.note }).optional(),
});

export const ProposalFilterSchema = z.object({
  status: z.enum(["DRAFT", "CONSULTATION", "VOTING", "ADOPTED", "REJECTED", "WITHDRAWN"]).optional().catch(undefined),
  lead: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional()
    .catch(undefined),
  topic: z.enum(DSI_DIMENSIONS).optional().catch(undefined),
  language: language.optional().catch(undefined),
});
