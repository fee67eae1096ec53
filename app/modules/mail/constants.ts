// Limits of mail delivery, named in one place.

/** Rows the mail job claims at a time. */
export const MAIL_BATCH_SIZE = 50;
/** Batches one run of the mail job sends at most (then the next tick continues). */
export const MAIL_MAX_BATCHES_PER_RUN = 20;
/** A claimed row whose sender died is tried again after this. */
export const MAIL_LOCK_MS = 5 * 60 * 1000;
/** Back-off between attempts: 1, 2, 4 … minutes, at most an hour. */
export const MAIL_RETRY_BASE_MS = 60 * 1000;
export const MAIL_RETRY_MAX_MS = 60 * 60 * 1000;
/** A mail the server keeps refusing for this long is given up (a day-long outage loses nothing). */
export const MAIL_GIVE_UP_MS = 3 * 24 * 3600 * 1000;
/** Rows per page of the outbox page. */
export const OUTBOX_PAGE_SIZE = 20;
/** Notices one digest lists at most (the rest are counted, and the notification centre has them all). */
export const DIGEST_MAX_ITEMS = 100;
/** The unsubscribe address of one-click unsubscribe (RFC 8058); outside the language prefix, exempt from the origin check. */
export const UNSUBSCRIBE_PATH = "/mail/unsubscribe";
/** The pseudo-category of a daily digest's unsubscribe link: every digested category's mail goes off. */
export const DIGEST_UNSUBSCRIBE = "digest";

export function retryDelayMs(attempts: number): number {
  return Math.min(MAIL_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), MAIL_RETRY_MAX_MS);
}
