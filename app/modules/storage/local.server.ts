// Files on local disk, under DATA_DIR/files (outside public/). A file is
// written to a partial file first, flushed to disk, then renamed into place:
// a crash or a refused upload never leaves a half-written file under a key.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { notFound } from "~/utils/errors";
import type { StorageBackend } from "./backend.server";

const PARTIAL_DIR = ".partial";
/** Partial files older than this were left by a crash and may be swept. */
const PARTIAL_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function createLocalStorage(root: string): StorageBackend & { root: string; sweepPartials(): Promise<number> } {
  const resolved = path.resolve(root);
  const fileFor = (key: string) => {
    const file = path.resolve(resolved, key);
    // Keys are generated and checked before they get here; this is the last guard against traversal.
    if (!file.startsWith(resolved + path.sep)) throw notFound();
    return file;
  };

  return {
    kind: "local",
    root: resolved,

    async put(key, body) {
      const target = fileFor(key);
      const partialDir = path.join(resolved, PARTIAL_DIR);
      await fs.mkdir(partialDir, { recursive: true });
      const partial = path.join(partialDir, randomBytes(16).toString("hex"));
      try {
        // flush: fsync before close, so an acknowledged upload survives a crash.
        await pipeline(body, createWriteStream(partial, { flags: "wx", mode: 0o600, flush: true }));
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(partial, target);
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      }
    },

    async open(key) {
      const file = fileFor(key);
      try {
        // One open file for size and bytes: a concurrent delete cannot split them.
        const handle = await fs.open(file, "r");
        const { size } = await handle.stat();
        return { stream: handle.createReadStream() as Readable, size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw notFound();
        throw error;
      }
    },

    async delete(key) {
      await fs.rm(fileFor(key), { force: true });
    },

    async hasObjects() {
      const entries = await fs.readdir(resolved, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name === PARTIAL_DIR) continue;
        if ((await fs.readdir(path.join(resolved, entry.name))).length > 0) return true;
      }
      return false;
    },

    /** Removes partial files a crashed process left behind; returns how many. */
    async sweepPartials() {
      const dir = path.join(resolved, PARTIAL_DIR);
      let removed = 0;
      const entries = await fs.readdir(dir).catch(() => [] as string[]);
      for (const entry of entries) {
        const file = path.join(dir, entry);
        const stat = await fs.stat(file).catch(() => null);
        if (stat && Date.now() - stat.mtimeMs > PARTIAL_MAX_AGE_MS) {
          await fs.rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
