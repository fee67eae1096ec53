// One typed error for domain rules: a status for the route to answer with and
// a translation key for the message the user sees.

export class DomainError extends Error {
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

export const forbidden = () => new DomainError(403, "errors.forbidden");
export const notFound = () => new DomainError(404, "errors.notFound");
