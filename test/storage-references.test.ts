// Every column that can hold a stored file's key is listed in
// app/modules/storage/references.server.ts: the backup copies the files listed
// there, and the sweep of unacknowledged uploads removes files no listed
// column refers to. A new table keeping files must be added there.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { STORED_FILE_REFERENCES } from "~/modules/storage/references.server";

/** Columns named like a key that are not file keys. */
const NOT_FILE_KEYS = new Set([
  "Comment.sectionKey",
  "Amendment.sectionKey",
  "Bracket.sectionKey",
  "ProposalSection.key",
  "StrategySection.key",
  "rate_limit.key",
  "PendingUpload.key",
  "NoticeClaim.key",
  "NotificationSettings.unsubscribeKey",
]);

describe("columns holding stored files' keys", () => {
  it("are all listed, and every listed one exists with its checksum column", async () => {
    const columns = await prisma.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name ~* 'key$' AND data_type IN ('text', 'character varying')`;
    const keyColumns = columns
      .map((c) => `${c.table}.${c.column}`)
      .filter((name) => !NOT_FILE_KEYS.has(name) && !name.endsWith("sectionKey"))
      .sort();
    expect(keyColumns).toEqual(STORED_FILE_REFERENCES.map((r) => `${r.table}.${r.key}`).sort());
    const all = await prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public'`;
    const names = new Set(all.map((c) => c.name));
    for (const r of STORED_FILE_REFERENCES) expect(names.has(`${r.table}.${r.sha256}`)).toBe(true);
  });
});
