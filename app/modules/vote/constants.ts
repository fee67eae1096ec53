// Voting constants that pages show (no zod here).
export const VOTE_RULES = ["SIMPLE_MAJORITY", "TWO_THIRDS", "CONSENSUS", "SILENCE"] as const;
export type VoteRuleName = (typeof VOTE_RULES)[number];

/** The choices a delegation has under each rule. */
export const CHOICES_BY_RULE = {
  SIMPLE_MAJORITY: ["YES", "NO", "ABSTAIN"],
  TWO_THIRDS: ["YES", "NO", "ABSTAIN"],
  CONSENSUS: ["YES", "OBJECT", "ABSTAIN"],
  SILENCE: ["BREAK_SILENCE"],
} as const satisfies Record<VoteRuleName, readonly string[]>;

/** The silence procedure's objection window is at least this long (ADR 004). */
export const SILENCE_MIN_HOURS = 72;
/** Other votes stay open at least this long. */
export const VOTE_MIN_HOURS = 1;
export const VOTE_MAX_DAYS = 90;
export const DEFAULT_QUORUM_PERCENT = 50;
/** Heads and alternates of delegations that have not voted are reminded this many hours before the deadline. */
export const REMINDER_WINDOWS_HOURS = [24, 2] as const;
export const EXPLANATION_MAX = 4_000;
export const RESERVATION_MAX = 2_000;
