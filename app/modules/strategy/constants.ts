// Strategy domain constants that pages show (no zod here: pages stay light).
export { DSI_DIMENSIONS } from "~/modules/dsi/constants";

export const STRATEGY_STATUSES = ["IN_FORCE", "DRAFT", "SUPERSEDED"] as const;
export const STRATEGY_VISIBILITIES = ["PUBLIC", "MEMBERS"] as const;
export const TEXT_KINDS = ["ORIGINAL", "OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] as const;
export const TRANSLATION_KINDS = ["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] as const;

/**
 * The sectors a strategy can cover: the one tag list, kept here. Labels are
 * translation keys `strategies:sector.<KEY>`.
 */
export const STRATEGY_SECTORS = [
  "AGRICULTURE",
  "HEALTH",
  "EDUCATION",
  "CLIMATE",
  "PUBLIC_SERVICES",
  "FINANCE",
  "INDUSTRY",
  "ENERGY",
  "TRANSPORT",
  "JUSTICE",
  "SECURITY",
  "LABOUR",
  "CULTURE",
  "RESEARCH",
] as const;
export type StrategySector = (typeof STRATEGY_SECTORS)[number];

export const STRATEGY_LIMITS = {
  title: 200,
  summary: 2_000,
  issuingAuthority: 200,
  dimensionNote: 1_000,
  heading: 200,
  body: 20_000,
  sections: 60,
  changeNote: 500,
} as const;

export const STRATEGY_PAGE_SIZE = 20;
/** A comparison shows two to four strategies side by side. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
/** How many strategies the comparison's pickers offer, newest first (four pickers: the page stays small; the list page's checkboxes reach every strategy). */
export const COMPARE_PICKER_LIMIT = 50;
/** How many of a delegation's strategies its profile lists before linking to the full list. */
export const PROFILE_STRATEGY_LIMIT = 10;
/** Strategies adopted from this year on can be filtered by year. */
export const FIRST_STRATEGY_YEAR = 2000;

/**
 * Files a strategy may carry (documents, spreadsheets, scans), judged from the
 * content; each with the short name shown. Plain text is not among them: any
 * text (HTML included) would pass as such.
 */
export const ATTACHMENT_TYPE_LABELS = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "text/csv": "CSV",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
} as const satisfies Record<string, string>;
export const ATTACHMENT_TYPES = Object.keys(ATTACHMENT_TYPE_LABELS) as (keyof typeof ATTACHMENT_TYPE_LABELS)[];
/** A strategy carries at most this many attachments. */
export const ATTACHMENTS_PER_STRATEGY = 20;

/** A strategy or attachment id as the database stores it (checked before any query, so nonsense is a 404, not a database error). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
