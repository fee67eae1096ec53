// The manifest of a backup archive: what it holds, with counts and SHA-256
// checksums, so a restore can refuse an archive that does not match it.
import { z } from "zod";

export const BACKUP_FORMAT = "concord-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** When the database snapshot was taken (the database's clock). */
  snapshotAt: z.string(),
  postgresVersion: z.string(),
  /** Migrations applied to the database at the snapshot, in order: a restore rebuilds exactly this schema. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: sha256 })).min(1),
  /** Each table's rows in PostgreSQL's COPY text format, in an order that satisfies foreign keys. */
  tables: z.array(
    z.object({
      name: z.string().min(1),
      entry: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256,
    }),
  ),
  /** Tables deliberately left out (sessions: everyone signs in again after a restore). */
  excludedTables: z.array(z.string()),
  /** Stored files referred to by rows of the snapshot; null when the archive holds the database only. */
  files: z.array(z.object({ key: z.string().min(1), entry: z.string().min(1), size: z.number().int().min(0), sha256 })).nullable(),
  /** Files a row referred to that could not be copied as recorded (missing, or not matching their checksum). */
  fileProblems: z.array(z.object({ key: z.string(), problem: z.enum(["missing", "checksum"]) })),
  /** The audit log at the snapshot: how many events and the newest hash. */
  audit: z.object({ events: z.number().int().min(0), lastHash: sha256 }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = Manifest["tables"][number];
export type FileEntry = NonNullable<Manifest["files"]>[number];
