// Builds the app when the build is missing or older than its sources.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const BUILD_FILE = path.resolve("build/index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIfNeeded(log: (message: string) => void = () => {}): void {
  const built = fs.existsSync(BUILD_FILE) ? fs.statSync(BUILD_FILE).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.resolve("app")), fs.statSync("remix.config.js").mtimeMs);
  if (built > sources) return;
  log("building the app (remix build)");
  const result = spawnSync("npx", ["remix", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("remix build failed");
}
