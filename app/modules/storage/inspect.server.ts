// Checks an upload while it streams: counts its bytes (refusing past the
// limit), hashes it (SHA-256), and judges its type from its first bytes
// before letting anything through. Nothing is passed on until the type is
// known, so a refused file never reaches storage beyond that first sample.
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "~/utils/errors";
import { PLAIN_TEXT, TEXT_TYPES_BY_EXTENSION, UNKNOWN_BINARY } from "./constants";

/** Enough bytes for file-type to recognise every format it knows. */
export const SAMPLE_BYTES = 4100;

export const fileTooLarge = (maxBytes: number) => new DomainError(413, "errors.fileTooLarge", { size: formatMiB(maxBytes) });
export const fileTypeRefused = () => new DomainError(415, "errors.fileType");
export const fileEmpty = () => new DomainError(400, "errors.fileEmpty");

/** A byte count as MiB with at most one decimal, for messages. */
export function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 10) return String(Math.round(mib));
  if (mib >= 1) return String(Math.round(mib * 10) / 10);
  return String(Number(mib.toPrecision(2)));
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot >= 0 ? filename.slice(dot + 1).toLowerCase() : "";
}

/**
 * The type of a file judged from its first bytes. Binary formats are
 * recognised by their signature; content that is UTF-8 text without NUL
 * bytes is text, and only then does the name's extension choose which text
 * format (CSV, JSON…) it is, since text formats carry no signature.
 */
export async function judgeContentType(sample: Uint8Array, filename: string, decoder: TextDecoder): Promise<{ contentType: string; text: boolean }> {
  const detected = await fileTypeFromBuffer(sample);
  if (detected) return { contentType: detected.mime, text: false };
  if (sample.includes(0)) return { contentType: UNKNOWN_BINARY, text: false };
  try {
    decoder.decode(sample, { stream: true });
  } catch {
    return { contentType: UNKNOWN_BINARY, text: false };
  }
  return { contentType: TEXT_TYPES_BY_EXTENSION[extensionOf(filename)] ?? PLAIN_TEXT, text: true };
}

export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash("sha256");
  /** Bytes seen so far (not `size`: upload libraries read `Body.size` as a known length). */
  bytesSeen = 0;
  /** The SHA-256 (hex) of the whole file, once it has ended. */
  sha256: string | null = null;
  contentType: string | null = null;
  /** The domain error this inspector raised, if any (storage layers may wrap errors). */
  failure: DomainError | null = null;

  private sample: Buffer[] = [];
  private sampleLength = 0;
  private text = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(private readonly options: { maxBytes: number; allowedTypes: readonly string[]; filename: string }) {
    super();
  }

  private fail(error: DomainError, callback: TransformCallback) {
    this.failure = error;
    callback(error);
  }

  private async decide(): Promise<DomainError | null> {
    const sample = Buffer.concat(this.sample, this.sampleLength);
    this.sample = [];
    const judged = await judgeContentType(sample, this.options.filename, this.decoder);
    if (!this.options.allowedTypes.includes(judged.contentType)) return fileTypeRefused();
    this.contentType = judged.contentType;
    this.text = judged.text;
    this.push(sample);
    return null;
  }

  override _transform(chunk: Buffer | Uint8Array, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bytesSeen += bytes.length;
    if (this.bytesSeen > this.options.maxBytes) return this.fail(fileTooLarge(this.options.maxBytes), callback);
    this.hash.update(bytes);
    if (this.contentType === null) {
      this.sample.push(bytes);
      this.sampleLength += bytes.length;
      if (this.sampleLength < SAMPLE_BYTES) return callback();
      this.decide().then(
        (error) => (error ? this.fail(error, callback) : callback()),
        (error: Error) => callback(error),
      );
      return;
    }
    if (this.text) {
      // Text must stay UTF-8 to its end; a binary tail behind a text head is refused.
      try {
        this.decoder.decode(bytes, { stream: true });
      } catch {
        return this.fail(fileTypeRefused(), callback);
      }
    }
    callback(null, bytes);
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytesSeen === 0) return this.fail(fileEmpty(), callback);
    const finish = () => {
      if (this.text) {
        try {
          this.decoder.decode(); // a multi-byte character cut off at the end
        } catch {
          return this.fail(fileTypeRefused(), callback);
        }
      }
      this.sha256 = this.hash.digest("hex");
      callback();
    };
    if (this.contentType !== null) return finish();
    this.decide().then(
      (error) => (error ? this.fail(error, callback) : finish()),
      (error: Error) => callback(error),
    );
  }
}
