// `npm run evaluations:rederive` (or `-- <run id>`, or `-- --all`): read imported
// lm-evaluation-harness files again with the current reader, replacing each
// run's results and provenance by what its file says (groups, versions, sample
// counts, limited runs; see docs/decisions/015-evaluation-comparability.md).
// Without an argument: the runs imported before that reader (no file format
// recorded). Each run is one transaction with its audit event; a file that can
// no longer be read is reported and left as it was. Exits 1 if any failed.
import { closeDatabase, prisma } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import { rederiveImportedRun } from "~/modules/evaluation/rederive.server";
import { openDatabase } from "../server/database";

const arg = process.argv[2];
const database = await openDatabase(parseEnv());
let failures = 0;
try {
  const ids =
    arg && arg !== "--all"
      ? [arg]
      : (
          await prisma.evaluationRun.findMany({
            where: { source: "LM_EVAL_IMPORT", fileKey: { not: null }, ...(arg === "--all" ? {} : { fileFormat: null }) },
            orderBy: { createdAt: "asc" },
            select: { id: true },
          })
        ).map((r) => r.id);
  for (const id of ids) {
    try {
      const outcome = await rederiveImportedRun({ runId: id });
      if (outcome.kind === "noFile") {
        failures++;
        console.error(`no file  ${id}: not an imported run with its file`);
      } else {
        console.log(`ok       ${id}: ${outcome.resultsBefore} → ${outcome.resultCount} results (${outcome.limitedCount} from limited runs)`);
      }
    } catch (error) {
      failures++;
      console.error(`failed   ${id}: ${error instanceof DomainError ? error.messageKey : error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${ids.length} run(s) read again, ${failures} failure(s).`);
} finally {
  await closeDatabase();
  await database.embedded?.stop();
}
process.exit(failures ? 1 : 0);
