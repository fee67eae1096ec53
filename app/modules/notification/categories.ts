// What a notice can be about, grouped into the categories a person sets
// preferences for. Shared by server and pages (no zod, no Prisma here).

export const MAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type MailModeName = (typeof MAIL_MODES)[number];

/** Configurable categories, with the defaults a person has until they choose. */
export const CATEGORIES = {
  votes: { email: "IMMEDIATE", inApp: true },
  consultations: { email: "IMMEDIATE", inApp: true },
  comments: { email: "DIGEST", inApp: true },
  amendments: { email: "IMMEDIATE", inApp: true },
  brackets: { email: "DIGEST", inApp: true },
  drafting: { email: "IMMEDIATE", inApp: true },
  datasets: { email: "IMMEDIATE", inApp: true },
  dsi: { email: "IMMEDIATE", inApp: true },
  strategies: { email: "DIGEST", inApp: true },
  evaluations: { email: "DIGEST", inApp: true },
} as const satisfies Record<string, { email: MailModeName; inApp: boolean }>;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as Category[];
/** Security notices (a password or second factor changed) are always shown and not configurable. */
export const SECURITY_CATEGORY = "security";

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && value in CATEGORIES;
}

/** Every kind of event notice and its category. */
export const EVENT_KINDS = {
  "vote.opened": "votes",
  "vote.reminder": "votes",
  "vote.extended": "votes",
  "vote.closed": "votes",
  "position.adopted": "votes",
  "consultation.opened": "consultations",
  "consultation.closing": "consultations",
  "comment.reply": "comments",
  "comment.onText": "comments",
  "amendment.proposed": "amendments",
  "amendment.accepted": "amendments",
  "amendment.rejected": "amendments",
  "bracket.opened": "brackets",
  "bracket.resolved": "brackets",
  "codrafter.invited": "drafting",
  "sponsor.joined": "drafting",
  "sponsor.withdrawn": "drafting",
  "dataset.accessRequested": "datasets",
  "dataset.accessApproved": "datasets",
  "dataset.accessDenied": "datasets",
  "dataset.fileAdded": "datasets",
  "dsi.returned": "dsi",
  "dsi.published": "dsi",
  "strategy.published": "strategies",
  "evaluation.results": "evaluations",
} as const satisfies Record<string, Category>;

export type EventKind = keyof typeof EVENT_KINDS;

export const SECURITY_KINDS = [
  "security.passwordChanged",
  "security.totpEnabled",
  "security.totpDisabled",
  "security.recoveryCodesRegenerated",
  "security.recoveryCodeUsed",
  "security.repeatedSignInFailures",
] as const;
export type SecurityKind = (typeof SECURITY_KINDS)[number];

/** What a notice names and links to. */
export const OBJECT_TYPES = ["proposal", "strategy", "dataset", "model", "dsi"] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** Notices shown per page in the notification centre. */
export const NOTIFICATION_PAGE_SIZE = 20;
/** The unread count in the header stops counting here ("99+"). */
export const UNREAD_BADGE_MAX = 99;
/** Default local hour of the daily digest. */
export const DEFAULT_DIGEST_HOUR = 7;
export const DEFAULT_TIME_ZONE = "UTC";
