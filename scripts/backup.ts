// `npm run backup -- --out <file> [--database-only]`: one archive of
// everything Concord holds — the database in one consistent snapshot, the
// stored files its rows refer to, the migration state, and a manifest with
// counts and SHA-256 checksums. Runs while the portal serves requests (joining
// the running server's embedded database when there is one).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { createBackup } from "~/modules/backup/backup.server";
import { createConfiguredStorage } from "~/modules/storage/storage.server";
import { runCommand } from "../server/command";

const USAGE = "Usage: npm run backup -- --out <file.tar.gz> [--database-only]";
const { values } = parseArgs({ options: { out: { type: "string" }, "database-only": { type: "boolean", default: false } } });
if (!values.out) {
  console.error(USAGE);
  process.exit(2);
}
const out = values.out;

await runCommand(async ({ env, database }) => {
  const storage = values["database-only"] ? null : await createConfiguredStorage(env);
  const started = performance.now();
  const manifest = await createBackup({ ownerUrl: database.ownerUrl, out, storage, log: (m) => console.log(m) });
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(out)) hash.update(chunk as Buffer);
  const { size } = await fs.stat(out);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Backup written: ${out} (${(size / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s)\n` +
      `  snapshot of ${manifest.snapshotAt}; ${manifest.tables.length} tables, ${rows} rows; ` +
      (manifest.files ? `${manifest.files.length} files` : "no files (--database-only)") +
      `; ${manifest.audit.events} audit events ending in ${manifest.audit.lastHash}\n` +
      `  schema at migration ${manifest.migrations.at(-1)!.name}\n` +
      `  archive SHA-256 ${hash.digest("hex")} (write it down beside the archive)`,
  );
  if (manifest.fileProblems.length) {
    for (const p of manifest.fileProblems) {
      console.error(`  file ${p.key}: ${p.problem === "missing" ? "referred to but missing from storage" : "does not match the SHA-256 recorded at upload"}`);
    }
    console.error("The archive was written, but the files above could not be backed up as recorded.");
    return 1;
  }
  return 0;
});
