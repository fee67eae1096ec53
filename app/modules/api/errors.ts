// The API's errors: a status, a stable code and a message key (translated into
// the language of Accept-Language when the answer is written).
import type { ErrorCode } from "./contract/common";

export type ErrorDetail = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** A translation key; `api:errors.<code>` when none is given. */
    readonly messageKey: string = `api:errors.${code}`,
    readonly values: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
    readonly suggestions: { slug: string; name: string; reason: string }[] = [],
  ) {
    super(code);
    this.name = "ApiError";
  }
}

/** The code a domain error's status stands for. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
    case 410:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "unprocessable";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "internal_error" : "bad_request";
  }
}
