// Proposal domain constants that pages show (no zod here: pages stay light).
export const DSI_DIMENSIONS = ["DATA_OWNERSHIP", "DIGITAL_INFRASTRUCTURE", "DIGITAL_GOVERNANCE", "DIGITAL_CAPABILITY"] as const;
export const PROPOSAL_STATUSES = ["DRAFT", "CONSULTATION", "VOTING", "ADOPTED", "REJECTED", "WITHDRAWN"] as const;
export const TRANSLATION_KINDS = ["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] as const;
export const STANCES = ["SUPPORT", "NEUTRAL", "CONCERN"] as const;
export const BRACKET_OUTCOMES = ["KEPT", "CHANGED", "DROPPED"] as const;

export const PROPOSAL_LIMITS = {
  title: 200,
  heading: 200,
  body: 20_000,
  sections: 40,
  changeNote: 500,
  comment: 5_000,
  rationale: 2_000,
  note: 1_000,
  passage: 500,
} as const;

/** Replies nest at most this deep (0 = a top comment). */
export const COMMENT_MAX_DEPTH = 3;
/** Authors may edit their comment for this long. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
/** A consultation lasts at most this long from now. */
export const CONSULTATION_MAX_DAYS = 180;

export const PROPOSAL_PAGE_SIZE = 20;
export const THREADS_PAGE_SIZE = 20;
