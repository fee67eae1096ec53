// The search page's URL (GET): every parameter is optional and a wrong one is
// ignored, never an error: a search link must always open.
import { z } from "zod";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { LANGUAGE_CODES, type Language } from "~/utils/i18n";
import { FIRST_SEARCH_YEAR, RESULT_KINDS, SEARCH_MAX_PAGE, SEARCH_SORTS, STATUS_FILTERS, type StatusFilter } from "./constants";

export const SearchParamsSchema = z.object({
  q: z.string().catch(""),
  kind: z.enum(RESULT_KINDS).optional().catch(undefined),
  delegation: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional()
    .catch(undefined),
  language: z
    .enum(LANGUAGE_CODES as [Language, ...Language[]])
    .optional()
    .catch(undefined),
  status: z
    .enum(STATUS_FILTERS as unknown as [StatusFilter, ...StatusFilter[]])
    .optional()
    .catch(undefined),
  dimension: z.enum(DSI_DIMENSIONS).optional().catch(undefined),
  year: z.coerce.number().int().min(FIRST_SEARCH_YEAR).max(2100).optional().catch(undefined),
  sort: z.enum(SEARCH_SORTS).catch("relevance"),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).catch(1),
});

export type SearchParams = z.output<typeof SearchParamsSchema>;
export type SearchFilters = Pick<SearchParams, "kind" | "delegation" | "language" | "status" | "dimension" | "year">;

/** The parameters of a search URL (the last value of a repeated one counts). */
export function parseSearchParams(url: URL): SearchParams {
  return SearchParamsSchema.parse({
    q: url.searchParams.get("q") ?? "",
    kind: url.searchParams.get("kind") ?? undefined,
    delegation: url.searchParams.get("delegation") ?? undefined,
    language: url.searchParams.get("language") ?? undefined,
    status: url.searchParams.get("status") ?? undefined,
    dimension: url.searchParams.get("dimension") ?? undefined,
    year: url.searchParams.get("year") || undefined,
    sort: url.searchParams.get("sort") ?? undefined,
    page: url.searchParams.get("page") ?? undefined,
  });
}
