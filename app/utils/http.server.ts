// Small helpers shared by loaders and actions.
import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import { DomainError, FieldError } from "./errors";
import { securityEvent } from "./logger.server";

/** A page number from `?page=`, 1 when absent or nonsense. */
export function pageParam(url: URL, max = 10_000): number {
  const page = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1;
}

// Any origin that cannot be ours: targets are resolved against it and must stay on it.
const JUDGE_ORIGIN = "https://concord.invalid";
// Browsers drop tabs and line breaks from a URL and read a backslash as a slash
// before resolving it, so `/<TAB>/evil.example` lands on evil.example. Such a
// target is never a path we wrote: refuse it, in plain or percent-encoded form.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TARGET = /[\u0000-\u001F\u007F\\]|%(0[0-9a-f]|1[0-9a-f]|7f|5c)/i;
const MAX_TARGET_LENGTH = 2048;

/**
 * A redirect target only if it is a path on this site (ADR 004, ASVS 5.1.5;
 * ADR 016): it must start
 * with one `/`, carry no control characters or backslashes, and resolve to this
 * origin. Anything else gives `fallback`.
 */
export function safeRedirect(target: unknown, fallback: string): string {
  if (typeof target !== "string" || target.length > MAX_TARGET_LENGTH) return fallback;
  if (!target.startsWith("/") || UNSAFE_IN_TARGET.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, JUDGE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== JUDGE_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

type Reply = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => SubmissionResult<string[]> };

/** An invalid form: the fields' translated errors, the user's input kept, status 400. */
export function invalidForm<Intent extends string | undefined = undefined>(
  submission: Reply,
  options: { hideFields?: string[]; context?: Record<string, unknown>; intent?: Intent } = {},
) {
  securityEvent("validation.failure", { ...options.context, intent: options.intent });
  return json({ intent: options.intent as Intent, result: submission.reply({ hideFields: options.hideFields }) }, { status: 400 });
}

/**
 * A domain rule said no: the form comes back with the message beside the
 * named field (or above the form) and the status of the rule.
 */
export function domainErrorReply<Intent extends string | undefined = undefined>(
  submission: Reply,
  error: unknown,
  options: { field?: string; hideFields?: string[]; intent?: Intent } = {},
) {
  if (!(error instanceof DomainError)) throw error;
  logDenial(error);
  const withValues = (key: string) => (Object.keys(error.values).length ? `${key}|${JSON.stringify(error.values)}` : key);
  const message = withValues(error.messageKey);
  // A field error names its own fields; other errors go beside `options.field` or above the form.
  const result =
    error instanceof FieldError
      ? submission.reply({ fieldErrors: Object.fromEntries(Object.entries(error.fields).map(([path, keys]) => [path, keys.map(withValues)])), hideFields: options.hideFields })
      : options.field
        ? submission.reply({ fieldErrors: { [options.field]: [message] }, hideFields: options.hideFields })
        : submission.reply({ formErrors: [message], hideFields: options.hideFields });
  return json({ intent: options.intent as Intent, result }, { status: error.status });
}

/** Turns a domain error into the HTTP answer a loader throws. */
export function throwAsResponse(error: unknown): never {
  if (error instanceof DomainError) {
    logDenial(error);
    throw new Response(error.messageKey, { status: error.status });
  }
  throw error;
}

/** Permission denials decided inside services are logged like those at the route (ADR 004; ASVS 7.1.x). */
function logDenial(error: DomainError) {
  if (error.status === 403) securityEvent("permission.denied", { reason: error.messageKey });
}
