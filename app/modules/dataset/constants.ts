// Dataset constants that pages show (no zod here: pages stay light).
import { EVALUATION_LANGUAGES } from "~/modules/evaluation/constants";

export const DATASET_ACCESS = ["OPEN", "MEMBERS", "ON_REQUEST"] as const;
export const CROSS_BORDER = ["ALLOWED", "RESTRICTED", "PROHIBITED"] as const;
export const MODALITIES = ["TEXT", "SPEECH", "IMAGE", "VIDEO", "TABULAR", "MULTIMODAL", "OTHER"] as const;

/** Languages the data itself can be in (BCP 47; "mul" for many). */
export const DATA_LANGUAGES = EVALUATION_LANGUAGES;

/** File types a dataset accepts, judged from the content (text formats by their extension once the content is text). */
export const DATASET_FILE_TYPES = [
  "text/csv",
  "text/tab-separated-values",
  "application/json",
  "application/jsonlines",
  "text/plain",
  "text/markdown",
  "application/xml",
  "application/vnd.apache.parquet",
  "application/vnd.apache.arrow.file",
  "application/x-sqlite3",
  "application/zip",
  "application/gzip",
  "application/x-tar",
  "application/x-xz",
  "application/x-bzip2",
  "application/zstd",
  "application/pdf",
  "audio/wav",
  "audio/flac",
  "audio/mpeg",
  "audio/ogg",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/tiff",
] as const;

export const DATASET_LIMITS = {
  name: 200,
  description: 20_000,
  license: 120,
  residencyNote: 200,
  url: 500,
  languages: 40,
  purpose: 2_000,
  purposeMin: 10,
  decisionNote: 1_000,
  /** Declared sizes: up to a petabyte, in gigabytes. */
  maxGigabytes: 1_000_000,
  maxRecords: 1e15,
} as const;

export const DATASETS_PAGE_SIZE = 20;
export const DATASET_FILES_PAGE_SIZE = 50;
export const ACCESS_REQUESTS_PAGE_SIZE = 20;
