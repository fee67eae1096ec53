// `npm run audit:verify`: recompute the audit log's hash chain and report the
// first broken link. Exits 1 when the chain is broken.
import { closeDatabase } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { openDatabase } from "../server/database";

const database = await openDatabase(parseEnv());
let exitCode = 0;
try {
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.count} events verified.`);
  } else {
    exitCode = 1;
    console.error(
      `Audit chain BROKEN at event #${result.brokenAt} (${result.reason === "hash" ? "its content does not match its hash" : "it does not link to the event before"}); ${result.count} events before it verified.`,
    );
  }
} finally {
  await closeDatabase();
  await database.embedded?.stop();
}
process.exit(exitCode);
