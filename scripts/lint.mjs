// `npm run lint`: ESLint with the house rules (eslint.config.js, ADR 008), then —
// once the code base has been formatted on main — Prettier's check. Until then
// the check runs only when asked: `LINT_FORMAT=1 npm run lint` or `npm run lint -- --format`.
import { spawnSync } from "node:child_process";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;

if (run("npx", ["eslint", "."]) !== 0) {
  console.error("ESLint found problems (npx eslint . --fix repairs some).");
  process.exit(1);
}
const format = process.env.LINT_FORMAT === "1" || process.argv.includes("--format");
if (format && run("npx", ["prettier", "--check", "."]) !== 0) {
  console.error("Some files are not formatted: npm run format.");
  process.exit(1);
}
