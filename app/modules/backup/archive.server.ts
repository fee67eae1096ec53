// The archive file: a gzip-compressed tar (readable with `tar -xzf`) holding
// database/<table>.copy (PostgreSQL COPY text format), files/<storage key>, and
// manifest.json last. Entries are written and read as streams: neither a table
// nor a file is ever held whole in memory.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import tar from "tar-stream";

export type ArchiveWriter = {
  /** Adds an entry of exactly `size` bytes from `source`; resolves with their SHA-256 once written. */
  add(name: string, size: number, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string>;
  /** Ends the archive and waits until it is on disk. */
  finish(): Promise<void>;
  /** Stops writing after a failure (the caller removes the file). */
  abort(error: Error): Promise<void>;
};

export function writeArchive(file: string): ArchiveWriter {
  const pack = tar.pack();
  const output = createWriteStream(file, { mode: 0o600, flush: true });
  const written = pipeline(pack, createGzip(), output);
  // Reported by finish() or abort(); never left unhandled.
  written.catch(() => undefined);
  const mtime = new Date();
  return {
    add(name, size, source) {
      return new Promise<string>((resolve, reject) => {
        const hash = createHash("sha256");
        const entry = pack.entry({ name, size, mode: 0o600, mtime }, (error) => (error ? reject(error) : resolve(hash.digest("hex"))));
        void (async () => {
          for await (const chunk of source) {
            hash.update(chunk);
            if (!entry.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) await once(entry, "drain");
          }
          entry.end();
        })().catch((error: unknown) => {
          entry.destroy(error as Error);
          reject(error);
        });
      });
    },
    async finish() {
      pack.finalize();
      await written;
    },
    async abort(error) {
      pack.destroy(error);
      await written.catch(() => undefined);
    },
  };
}

/** Each entry of an archive in order, as a stream that must be read (or drained) before the next. */
export async function* readArchive(file: string): AsyncGenerator<{ name: string; size: number; stream: Readable }> {
  const extract = tar.extract();
  const input = pipeline(createReadStream(file), createGunzip(), extract);
  let failure: unknown = null;
  input.catch((error: unknown) => {
    failure = error;
  });
  for await (const entry of extract) {
    yield { name: entry.header.name, size: entry.header.size ?? 0, stream: entry };
    // Whatever the consumer left unread.
    entry.resume();
  }
  await input.catch(() => undefined);
  if (failure) throw failure;
}

/** Reads a stream to its end, returning its SHA-256 and byte count. */
export async function digest(stream: AsyncIterable<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
