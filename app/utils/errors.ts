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

// Typed outcomes: a route branches on the class (`instanceof`), never on the
// message key, and each carries what the route needs to answer.

/**
 * The text changed since the version a save was based on. Carries the current
 * version, and what the owning domain computed for the drafter (a merge review).
 */
export class StaleVersionError<Detail = undefined> extends DomainError {
  constructor(
    public readonly currentVersion: number,
    public readonly detail: Detail,
  ) {
    super(409, "errors.staleVersion");
    this.name = "StaleVersionError";
  }
}

/** A sensitive act needs the password again (recent authentication). */
export class ReauthenticationRequired extends DomainError {
  constructor() {
    super(403, "errors.reauthenticate");
    this.name = "ReauthenticationRequired";
  }
}

/** The consultation is not open (any more): no comments, amendments or replies. */
export class ConsultationClosed extends DomainError {
  constructor() {
    super(409, "errors.consultationClosed");
    this.name = "ConsultationClosed";
  }
}

/**
 * Input a domain rule refused, with the form field (or fields) it concerns: the
 * route shows each message beside its field. `fields` maps a field path
 * (`until`, `sections[2].resolution`) to translation keys.
 */
export class FieldError extends DomainError {
  public readonly fields: Record<string, string[]>;
  constructor(status: 400 | 403 | 409 | 422, fields: Record<string, string | string[]>, values: Record<string, string | number> = {}) {
    const entries = Object.entries(fields).map(([path, keys]) => [path, Array.isArray(keys) ? keys : [keys]] as const);
    super(status, entries[0]?.[1][0] ?? "validation.invalid", values);
    this.name = "FieldError";
    this.fields = Object.fromEntries(entries);
  }

  /** The first field the error names (for forms that show one message). */
  get field(): string | undefined {
    return Object.keys(this.fields)[0];
  }
}
