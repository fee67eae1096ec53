// File types the portal knows (no server code here: pages may show them).

/** Text formats cannot be told apart by content: the name's extension picks among them. */
export const TEXT_TYPES_BY_EXTENSION: Record<string, string> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  json: "application/json",
  jsonl: "application/jsonlines",
  ndjson: "application/jsonlines",
  txt: "text/plain",
  md: "text/markdown",
};

/** Content judged to be UTF-8 text whose extension names no text format. */
export const PLAIN_TEXT = "text/plain";
/** Content of no known kind. */
export const UNKNOWN_BINARY = "application/octet-stream";

/** Short labels for the types, shown next to a file. */
export const FILE_TYPE_LABELS: Record<string, string> = {
  "text/csv": "CSV",
  "text/tab-separated-values": "TSV",
  "application/json": "JSON",
  "application/jsonlines": "JSON Lines",
  "text/plain": "Text",
  "text/markdown": "Markdown",
  "application/vnd.apache.parquet": "Parquet",
  "application/vnd.apache.arrow.file": "Arrow",
  "application/zip": "ZIP",
  "application/gzip": "gzip",
  "application/x-tar": "tar",
  "application/x-xz": "xz",
  "application/zstd": "zstd",
  "application/pdf": "PDF",
  "application/xml": "XML",
  "application/x-sqlite3": "SQLite",
  "audio/wav": "WAV",
  "audio/flac": "FLAC",
  "audio/mpeg": "MP3",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
};
