// Which columns hold the keys of stored files, with the SHA-256 recorded at
// upload. The storage module itself keeps no rows about files (their domains
// do); the sweep of unacknowledged uploads and the backup need to know where
// those rows are. A new table that keeps stored files adds itself here —
// test/storage-references.test.ts fails until it does.
export type StoredFileReference = {
  /** The table (as PostgreSQL names it). */
  table: string;
  /** Its column holding the storage key. */
  key: string;
  /** Its column holding the file's SHA-256 (hex), as computed at upload. */
  sha256: string;
};

export const STORED_FILE_REFERENCES: readonly StoredFileReference[] = [
  { table: "DatasetFile", key: "storageKey", sha256: "sha256" },
  { table: "StrategyAttachment", key: "storageKey", sha256: "sha256" },
  { table: "EvaluationRun", key: "fileKey", sha256: "fileSha256" },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQL selecting (key, sha256) of every stored file a row refers to; identifiers come from the list above only. */
export function referencedFilesSql(): string {
  return STORED_FILE_REFERENCES.map((r) => `SELECT ${quote(r.key)} AS key, ${quote(r.sha256)}::text AS sha256 FROM ${quote(r.table)} WHERE ${quote(r.key)} IS NOT NULL`).join(
    "\nUNION ALL\n",
  );
}

/** SQL condition: a row refers to the stored file whose key is in the column `k` of the enclosing query. */
export function referencedKeyCondition(): string {
  return STORED_FILE_REFERENCES.map((r) => `EXISTS (SELECT 1 FROM ${quote(r.table)} WHERE ${quote(r.key)} = k)`).join(" OR ");
}
