// The open-data API's named limits and vocabulary (ADR 017). No zod, no Prisma
// here: pages import it too.

/** The API's version, in every path: a breaking change is a new version beside it. */
export const API_BASE_PATH = "/api/v1";

/** What a personal access token may be allowed, as the API and the account page name it. */
export const API_SCOPES = ["read", "evaluations:write"] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

/** How long a new token lives, in days: the owner picks one, there is no token without an end. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;

export const TOKEN_NAME_MAX = 100;
/** Tokens one person may hold at once (neither revoked nor expired). */
export const ACTIVE_TOKENS_MAX = 20;
/** Tokens listed on the account page, newest first (revoked and expired ones included). */
export const TOKENS_LISTED_MAX = 50;

/** Every secret starts so, which lets secret scanners and people recognise one. */
export const TOKEN_PREFIX = "concord_pat_";
/** Characters of the secret kept to tell tokens apart (the prefix and four random ones). */
export const TOKEN_HINT_LENGTH = TOKEN_PREFIX.length + 4;
/** Random bytes in a secret: 256 bits. */
export const TOKEN_RANDOM_BYTES = 32;

/** Items per page of a list when the client does not say, and at most. */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
