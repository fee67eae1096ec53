// One typed error for domain rules: a status for the route to answer with and
// a translation key for the message the user sees.

// Registered, so that a DomainError thrown by the built app is recognised by the
// HTTP layer, which loads its own copy of this module.
const DOMAIN_ERROR = Symbol.for("concord.DomainError");

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

  constructor(
    public readonly status: 400 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429,
    /** Translation key in the `common` namespace, e.g. "errors.forbidden". */
    public readonly messageKey: string,
    public readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

/** `instanceof` across copies of this module (the HTTP layer and the built app). */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[DOMAIN_ERROR] === true;
}

export const forbidden = () => new DomainError(403, "errors.forbidden");
export const notFound = () => new DomainError(404, "errors.notFound");
