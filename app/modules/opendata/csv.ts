// CSV as RFC 4180 says (CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break, quotes doubled), in UTF-8 with a byte-order mark so
// that spreadsheet programs read Arabic, Chinese or Hindi as such. Written by
// csv-stringify. Column names are stable English identifiers; values are the
// codes the API uses.
import { stringify } from "csv-stringify/sync";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
/** Rows in one export at most: a bounded answer, whatever the filters. */
export const CSV_MAX_ROWS = 10_000;

export type Cell = string | number | boolean | Date | null | undefined;

// A spreadsheet treats a cell starting with these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP), so it is shown, not run. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutralizeFormula(value);
}

export function toCsv(columns: readonly string[], rows: Cell[][]): string {
  return stringify([columns as string[], ...rows.map((row) => row.map(cell))], { bom: true, record_delimiter: "windows", quoted_match: /^\s|\s$/ });
}
