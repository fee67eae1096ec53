// `npm run restore -- --from <file>`: brings back exactly the state of a
// backup archive into an empty data directory (or an empty database named by
// DATABASE_URL/MIGRATION_DATABASE_URL, and an empty storage): same rows, same
// files with the same checksums, the audit chain verifying. Sessions are not
// restored: everyone signs in again. Refuses a target that is not empty and an
// archive that does not match its manifest, changing nothing.
import { parseArgs } from "node:util";
import { restoreBackup, RestoreRefused, verifyArchive } from "~/modules/backup/restore.server";
import { createConfiguredStorage } from "~/modules/storage/storage.server";
import { runCommand } from "../server/command";
import { secureApplicationRole } from "../server/database";

const USAGE = "Usage: npm run restore -- --from <file.tar.gz>";
const { values } = parseArgs({ options: { from: { type: "string" } } });
if (!values.from) {
  console.error(USAGE);
  process.exit(2);
}
const from = values.from;

// The archive is checked whole before anything — even an empty database — is created.
let manifest;
try {
  manifest = await verifyArchive(from);
} catch (error) {
  console.error(error instanceof RestoreRefused ? error.message : error);
  process.exit(1);
}
console.log(`Archive verified: snapshot of ${manifest.snapshotAt}, ${manifest.tables.length} tables, ${manifest.files?.length ?? 0} files.`);

await runCommand(
  async ({ env, database }) => {
    const storage = await createConfiguredStorage(env);
    const report = await restoreBackup({ from, ownerUrl: database.ownerUrl, storage, verified: manifest, log: (m) => console.log(m) });
    await secureApplicationRole(database);
    process.env.DATABASE_URL = database.url;
    const { verifyAuditChain } = await import("~/modules/audit/audit.server");
    const chain = await verifyAuditChain();
    console.log(
      `Restored the snapshot of ${report.manifest.snapshotAt}: ${report.rows} rows, ${report.files} files, ` + `schema at migration ${report.manifest.migrations.at(-1)!.name}.`,
    );
    if (report.missingFiles.length) {
      console.error(
        `This archive holds the database only, and ${report.missingFiles.length} file(s) its rows refer to are not in the storage ` +
          `(first: ${report.missingFiles[0]}). Restore them from a full backup or from the storage's own backups.`,
      );
    }
    if (!chain.ok) {
      console.error(`The restored audit chain does NOT verify (event #${chain.brokenAt}, ${chain.reason}).`);
      return 1;
    }
    console.log(`Audit chain intact: ${chain.count} events verified. Start Concord with \`npm start\`; everyone signs in again.`);
    return report.missingFiles.length ? 1 : 0;
  },
  { exclusive: true },
);
