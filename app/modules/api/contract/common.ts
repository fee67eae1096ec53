// Shapes shared by every resource of the API: errors, pages, delegations,
// sections, dates. Dates leave as ISO 8601 strings (UTC), large integers as
// JSON numbers (every count and size here stays below 2^53).
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { TEXT_KINDS } from "~/modules/strategy/constants";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "../constants";
import { z } from "./zod";

/** Stable error codes: clients branch on these, never on the message. */
export const ERROR_CODES = [
  "bad_request",
  "invalid_parameter",
  "invalid_cursor",
  "unauthorized",
  "invalid_token",
  "insufficient_scope",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable",
  "rate_limited",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({ description: "Stable; branch on it." }),
      message: z.string().openapi({ description: "For people, in the language of Accept-Language when Concord has it." }),
      requestId: z.string().optional().openapi({ description: "Quote it when reporting a problem." }),
      details: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: "Which parameter or field was refused, and why." }),
      suggestions: z
        .array(z.object({ slug: z.string(), name: z.string(), reason: z.string() }))
        .optional()
        .openapi({ description: "When no registered model could be told from a results file: the likely ones, to name in `model`." }),
    }),
  })
  .openapi("Error");

export const dateTime = () => z.preprocess((v) => (v instanceof Date ? v.toISOString() : v), z.string().datetime());

/** A calendar date (YYYY-MM-DD), such as a strategy's adoption. */
export const date = () => z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().date());

/** A count or size kept as bigint in the database. */
export const integer = () => z.preprocess((v) => (typeof v === "bigint" ? Number(v) : v), z.number().int());

export const url = () => z.string().url();

/**
 * A value or null, for enums and named schemas. (zod-to-openapi 7 writes
 * `.nullable()` of those wrongly for OpenAPI 3.1: an enum without null among
 * its values, or the shared component itself made nullable.)
 */
export const orNull = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.null()]);

export const LanguageCode = z.string().min(2).max(35).openapi({ description: "BCP 47 language tag", example: "pt" });
export const TextKind = z.enum(TEXT_KINDS).openapi("TextKind", { description: "The original, or an official or unofficial translation." });
export const DsiDimension = z.enum(DSI_DIMENSIONS).openapi("DsiDimension");

export const DelegationRef = z
  .object({
    code: z.string().length(2).openapi({ description: "ISO 3166-1 alpha-2", example: "BR" }),
    name: z.string().openapi({ description: "In English (CLDR).", example: "Brazil" }),
    apiUrl: url(),
  })
  .openapi("DelegationRef");

export const Section = z
  .object({
    key: z.string().openapi({ description: "Stable across versions and languages." }),
    heading: z.string(),
    body: z.string().openapi({ description: "Markdown." }),
  })
  .openapi("Section");

/** A list's page: the items and the cursor of the next page (null on the last). */
export function page<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .openapi(name);
}

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX)
    .default(PAGE_SIZE_DEFAULT)
    .openapi({ description: `Items per page (1–${PAGE_SIZE_MAX}).` }),
  cursor: z.string().max(400).optional().openapi({ description: "From `nextCursor` of the previous page." }),
});

export const NoParams = z.object({});
export const NoQuery = z.object({});

export const Slug = z.string().min(1).max(200);
