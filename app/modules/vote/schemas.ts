// Forms of the voting domain.
import { z } from "zod";
import { text } from "~/utils/validation";
import { EXPLANATION_MAX, RESERVATION_MAX, VOTE_RULES } from "./constants";

export const OpenVoteSchema = z.object({
  intent: z.literal("openVote"),
  rule: z.enum(VOTE_RULES),
  quorumPercent: z.coerce.number().int().min(0).max(100),
  // A date and time in UTC, as <input type="datetime-local"> sends it.
  closesAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.date")
    .transform((s) => new Date(`${s}:00.000Z`)),
  /** A consultation still running ends only when the opener ticks this. */
  endConsultation: z.boolean().default(false),
});

export const CastBallotSchema = z.object({
  intent: z.literal("cast"),
  choice: z.enum(["YES", "NO", "ABSTAIN", "OBJECT", "BREAK_SILENCE"]),
  explanation: text({ min: 0, max: EXPLANATION_MAX, multiline: true }).optional(),
  reservations: z
    .array(z.object({ sectionKey: z.string().regex(/^[a-z0-9-]{1,40}$/), text: text({ min: 0, max: RESERVATION_MAX, multiline: true }).optional() }))
    .max(100)
    .optional(),
});

/** The chair extends an open vote's deadline, given in the chair's own time zone. */
export const ExtendVoteSchema = z.object({
  intent: z.literal("extend"),
  voteId: z.string().uuid(),
  closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.date"),
});

export const CloseEarlySchema = z.object({
  intent: z.literal("closeEarly"),
  voteId: z.string().uuid(),
});
