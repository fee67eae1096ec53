// `npm run lint`: ESLint with the house rules (eslint.config.js, ADR 008), then
// Prettier's check (`npm run format` formats; `LINT_FORMAT=0` skips the check).
import { spawnSync } from "node:child_process";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;

if (run("npx", ["eslint", "."]) !== 0) {
  console.error("ESLint found problems (npx eslint . --fix repairs some).");
  process.exit(1);
}
if (process.env.LINT_FORMAT !== "0" && run("npx", ["prettier", "--check", "."]) !== 0) {
  console.error("Some files are not formatted: npm run format.");
  process.exit(1);
}
