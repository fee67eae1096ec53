// Session and sign-in limits, named in one place (ADR 004, accounts and sessions).

/** A session ends after this much inactivity (sliding). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** A session ends this long after sign-in, whatever the activity. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, not on every request. */
export const SESSION_EXTEND_INTERVAL_MS = 60 * 1000;
/** Sensitive acts (password, second factor, ballots) need a sign-in or re-authentication this recent. */
export const RECENT_AUTHENTICATION_MS = 10 * 60 * 1000;
/** A login that passed the password step must finish the second factor within this time. */
export const SECOND_FACTOR_WINDOW_MS = 5 * 60 * 1000;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Failed sign-ins allowed per account and per client address. */
export const LOGIN_LIMITS = {
  perAccountPerMinute: 5,
  perAccountPerHour: 100,
  perIpPer15Minutes: 50,
} as const;
/** Wrong second-factor codes allowed per account. */
export const TOTP_FAILURES_PER_5_MINUTES = 5;

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;
