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

/**
 * The session cookie's names: `__Host-` in production; without the prefix only when
 * INSECURE_COOKIES allows plain HTTP. A request carrying either is personal (ADR 018).
 */
export const SESSION_COOKIE_NAMES = ["__Host-concord_session", "concord_session"] as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Failed sign-ins slow an attacker down without locking the owner out (ADR 016):
 * there is no lock per account. Failures of one account from one address make
 * each further try from that address wait, the wait doubling with each failure;
 * failures from one address on any accounts make that address wait too; the
 * owner is told when an account keeps failing, wherever from.
 */
export const LOGIN_LIMITS = {
  /** Failures of one account from one address (per hour) before tries from there must wait. */
  freeFailuresPerAccountAndAddress: 5,
  /** The longest wait for one account from one address, in seconds. */
  maxDelayPerAccountAndAddress: 15 * 60,
  /** Failures from one address, any accounts, per 15 minutes, before it must wait. */
  freeFailuresPerAddress: 100,
  /** The longest wait for one address, in seconds (people behind one proxy share it). */
  maxDelayPerAddress: 60,
  /** The owner gets a notice when their account has this many failures in an hour, from anywhere. */
  noticeAfterFailuresPerAccount: 10,
} as const;
/** Wrong passwords at re-authentication (already signed in) per account, per 15 minutes. */
export const REAUTH_FAILURES_PER_15_MINUTES = 10;
/** Wrong second-factor codes allowed per account. */
export const TOTP_FAILURES_PER_5_MINUTES = 5;

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;
