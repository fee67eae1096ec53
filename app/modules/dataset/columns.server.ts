// The columns of a tabular file, read once when it is uploaded, so that the
// dataset's Croissant description can name its fields (a cr:RecordSet per
// file). Only the head of the file is read: the header of a CSV or TSV, or the
// keys of the first JSON Lines records, with each column's type judged from
// the rows sampled. A file whose columns cannot be told (no header, empty or
// repeated names, a line that is not a JSON object) has none recorded.
import { parse } from "csv-parse/sync";
import { openStoredFile } from "~/modules/storage/storage.server";

/** Bytes read from the head of a file. */
export const COLUMN_SAMPLE_BYTES = 64 * 1024;
/** Records sampled to judge the types. */
export const COLUMN_SAMPLE_ROWS = 100;
/** Columns recorded at most. */
export const COLUMNS_MAX = 200;
const NAME_MAX = 200;

export type Column = { name: string; dataType: "sc:Text" | "sc:Integer" | "sc:Float" | "sc:Boolean" | "sc:Date" };

const TABULAR_TYPES: Record<string, "," | "\t" | "jsonl"> = {
  "text/csv": ",",
  "text/tab-separated-values": "\t",
  "application/jsonlines": "jsonl",
};

export function hasColumns(contentType: string): boolean {
  return contentType in TABULAR_TYPES;
}

async function head(key: string): Promise<{ text: string; complete: boolean }> {
  const { stream } = await openStoredFile(key);
  const chunks: Buffer[] = [];
  let length = 0;
  let complete = true;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(bytes);
    length += bytes.length;
    if (length >= COLUMN_SAMPLE_BYTES) {
      complete = false;
      break;
    }
  }
  stream.destroy();
  let text = Buffer.concat(chunks).subarray(0, COLUMN_SAMPLE_BYTES).toString("utf8");
  // A cut file ends in the middle of a record (and maybe of a character): drop its last line.
  if (!complete) text = text.slice(0, Math.max(0, text.lastIndexOf("\n")));
  return { text, complete };
}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The narrowest type all sampled values of a column fit; text when there is none. */
export function judgeType(values: unknown[]): Column["dataType"] {
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  if (present.length === 0) return "sc:Text";
  const all = (test: (v: unknown) => boolean) => present.every(test);
  if (all((v) => (typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && INTEGER.test(v.trim())))) return "sc:Integer";
  if (all((v) => typeof v === "number" || (typeof v === "string" && FLOAT.test(v.trim())))) return "sc:Float";
  if (all((v) => typeof v === "boolean" || (typeof v === "string" && BOOLEAN.test(v.trim())))) return "sc:Boolean";
  if (all((v) => typeof v === "string" && DATE.test(v.trim()) && !Number.isNaN(Date.parse(v.trim())))) return "sc:Date";
  return "sc:Text";
}

function validNames(names: string[]): boolean {
  return names.length > 0 && names.every((n) => n.trim() !== "" && n.length <= NAME_MAX) && new Set(names).size === names.length;
}

/** Columns of delimited text with a header row. */
export function delimitedColumns(text: string, delimiter: "," | "\t"): Column[] | null {
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, to: COLUMN_SAMPLE_ROWS + 1, quote: delimiter === "\t" ? false : '"' });
  } catch {
    return null;
  }
  const [header, ...rows] = records;
  if (!header) return null;
  const names = header.slice(0, COLUMNS_MAX).map((n) => n.trim());
  if (!validNames(names)) return null;
  return names.map((name, i) => ({ name, dataType: judgeType(rows.map((r) => r[i])) }));
}

/** Columns of JSON Lines: the scalar keys of the first records, in the order first seen. */
export function jsonLinesColumns(text: string): Column[] | null {
  const values = new Map<string, unknown[]>();
  const nested = new Set<string>();
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, COLUMN_SAMPLE_ROWS);
  if (lines.length === 0) return null;
  for (const line of lines) {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return null;
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) return null;
    for (const [key, value] of Object.entries(record)) {
      if (value !== null && typeof value === "object") nested.add(key);
      if (!values.has(key)) values.set(key, []);
      values.get(key)!.push(value);
    }
  }
  // Nested objects and lists would need sub-fields: those keys are left out.
  const names = [...values.keys()].filter((k) => !nested.has(k)).slice(0, COLUMNS_MAX);
  if (!validNames(names)) return null;
  return names.map((name) => ({ name, dataType: judgeType(values.get(name)!) }));
}

/** The columns of a stored file, or null when it is not tabular or they cannot be told. */
export async function readColumns(key: string, contentType: string): Promise<Column[] | null> {
  const kind = TABULAR_TYPES[contentType];
  if (!kind) return null;
  const { text } = await head(key);
  return kind === "jsonl" ? jsonLinesColumns(text) : delimitedColumns(text, kind);
}
