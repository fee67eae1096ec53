// `npm test`: type-check, lint (ESLint, then Prettier's check), then every vitest project (unit + integration against
// a real PostgreSQL, and browser journeys in Chromium), then one summary line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;

if (run("npx", ["tsc"]) !== 0) {
  console.error("Type check failed.");
  process.exit(1);
}
if (run("node", ["scripts/lint.mjs"]) !== 0) {
  console.error("Lint failed.");
  process.exit(1);
}

const report = "test-results/vitest.json";
fs.rmSync(report, { force: true });
const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)]);

if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, "utf8"));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nvitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.error("No test ran.");
    process.exit(1);
  }
}
process.exit(status);
