// Search constants that pages show, and the limits of the query language (no zod here: pages stay light).
import { PROPOSAL_STATUSES } from "~/modules/proposal/constants";
import { STRATEGY_STATUSES } from "~/modules/strategy/constants";

/** What a result can be. `position` is an adopted proposal (public); `delegation` comes from recognised country names. */
export const RESULT_KINDS = ["proposal", "position", "strategy", "comment", "amendment", "dataset", "model", "benchmark", "person", "delegation"] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** What the search table ("SearchEntry") holds, one kind per indexed table. */
export const ENTRY_KINDS = ["proposal", "strategy", "comment", "amendment", "dataset", "model", "benchmark", "person"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Kinds with one entry per language version: a result shows the best of them. */
export const VERSIONED_KINDS: EntryKind[] = ["proposal", "strategy", "dataset"];

/**
 * Text search configuration groups, as the migration's concord_search_group()
 * maps languages to them: a stemmer where PostgreSQL has one, `simple` (with
 * one word per Chinese character) for Chinese, Persian and anything else.
 */
export const CONFIG_GROUPS = ["english", "french", "portuguese", "spanish", "indonesian", "russian", "arabic", "hindi", "simple"] as const;
export type ConfigGroup = (typeof CONFIG_GROUPS)[number];

/** Status filter values: `<kind>:<STATUS>`. */
export const AMENDMENT_STATUSES = ["PENDING", "ACCEPTED", "REJECTED"] as const;
export const STATUS_FILTERS = [
  ...PROPOSAL_STATUSES.map((s) => `proposal:${s}` as const),
  ...STRATEGY_STATUSES.map((s) => `strategy:${s}` as const),
  ...AMENDMENT_STATUSES.map((s) => `amendment:${s}` as const),
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const SEARCH_SORTS = ["relevance", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_PAGE_SIZE = 20;
/** Deep pages are refused (page 1 is shown): nobody reads page 200 of a search. */
export const SEARCH_MAX_PAGE = 200;

export const QUERY_LIMITS = {
  /** Characters of the query kept (longer queries are cut). */
  length: 200,
  /** Words, phrases and operators kept. */
  terms: 16,
  /** Words checked for typos (against titles and names). */
  fuzzyWords: 4,
  /** Shorter words are not checked for typos: three letters make one trigram. */
  fuzzyMinLength: 3,
} as const;

/**
 * pg_trgm word similarity from which a title or name counts as a typo of a query
 * word ("soverign" and "sovereign" score 0.58), and the lower one from which a
 * word is suggested when nothing matches.
 */
export const FUZZY_THRESHOLD = 0.5;
export const SUGGEST_THRESHOLD = 0.35;
/** Trigram similarity from which a query is taken for a country's or a language's name ("Brazl" for Brazil scores 0.44). */
export const NAME_THRESHOLD = 0.4;
export const LANGUAGE_NAME_THRESHOLD = 0.5;

/**
 * Comments are ranked among the most recent this many that match: their number
 * grows with every discussion, the catalogue's does not. Beyond it the count
 * shows "more than" (docs/decisions/012-search-in-postgresql.md).
 */
export const COMMENT_CANDIDATES = 200;
/** Words likely in this many comments or more are common: the newest comments are walked rather than all matches sorted. */
export const COMMENT_PROBE = 5_000;
/** For common words, the newest comments looked at first (a bounded walk); older ones only when these hold too few. */
export const COMMENT_WINDOW = 30_000;

/** Rank given to a typo-tolerant title match (times its similarity) and to a result found through a named delegation or language. */
export const FUZZY_RANK_WEIGHT = 0.2;
export const OWNER_RANK = 0.01;

/** Years offered by the year filter. */
export const FIRST_SEARCH_YEAR = 2000;
