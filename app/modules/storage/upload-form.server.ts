// Reading a form that carries one file (multipart/form-data) in an action:
// the file streams straight into storage (storeUpload), the other fields are
// small and kept in memory. Put the file input last in the form: browsers send
// fields in document order, so when the file is refused the fields before it
// are still there to show the form again with the user's input.
import { PassThrough, Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import Busboy, { type Busboy as BusboyParser } from "@fastify/busboy";
import { DomainError } from "~/utils/errors";
import { MAX_FORM_FIELDS } from "~/utils/request-body.server";
import { deleteStoredFile, quotaExceeded, safeFilename, storeUpload, type StoredUpload } from "./storage.server";

/** A text field of an upload form is never larger than this. */
export const MAX_FIELD_BYTES = 256 * 1024;

export type ReceivedUpload = StoredUpload & { filename: string };

export type UploadForm = {
  /** The form's text fields (the file field holds the stored key when a file came). */
  formData: FormData;
  upload: ReceivedUpload | null;
  /** Why the file (or the form) was refused; nothing is stored then. */
  error: DomainError | null;
};

/**
 * Reads a multipart form with busboy (RFC 7578 names and file names, quotes and
 * `=` included), streaming the one file into storage. When the file is refused
 * (type, size, quota) the rest of the body is still read and discarded, so the
 * browser gets the form back with the message instead of a reset connection.
 */
export async function parseUploadForm(
  request: Request,
  {
    fileField,
    maxBytes,
    allowedTypes,
    limitedByQuota = false,
  }: {
    fileField: string;
    maxBytes: number;
    allowedTypes: readonly string[];
    /** From `uploadBudget`: a file too large is then said to exceed the quota. */
    limitedByQuota?: boolean;
  },
): Promise<UploadForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    // A form without a file (or a client that did not send one).
    return { formData: await request.formData(), upload: null, error: null };
  }

  // Fields are recorded as they arrive, so they survive a refused file.
  const fields = new FormData();
  let upload: ReceivedUpload | null = null;
  let refusal: DomainError | null = null;
  let storing: Promise<void> = Promise.resolve();
  let fileSeen = false;
  const refuse = (error: DomainError) => {
    refusal ??= error;
  };

  let parser: BusboyParser;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: { fields: MAX_FORM_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FORM_FIELDS + 1 },
    });
  } catch {
    // No boundary, or not multipart after all.
    return { formData: fields, upload: null, error: new DomainError(400, "errors.badUpload") };
  }

  parser.on("field", (name, value, nameTruncated, valueTruncated) => {
    if (nameTruncated || valueTruncated) refuse(new DomainError(413, "errors.formTooLarge"));
    else fields.append(name, value);
  });
  parser.on("file", (name, stream, filename) => {
    // An empty file input sends a part with no file name and no bytes.
    stream.on("error", () => undefined); // a part cut short: the parser reports it as a whole
    if (name === fileField && !filename && !fileSeen) {
      stream.resume();
      fields.append(name, "");
      return;
    }
    if (name !== fileField || fileSeen || refusal) {
      stream.resume();
      if (name !== fileField || fileSeen) refuse(new DomainError(400, "errors.unexpectedFile"));
      return;
    }
    fileSeen = true;
    // The store reads from its own stream: when it refuses the file, the part is unhooked and
    // read to its end, so busboy goes on to the rest of the body.
    const data = new PassThrough();
    // A part cut short fails the store through its read; this listener keeps the event from being unhandled.
    data.on("error", () => undefined);
    stream.once("error", (error) => data.destroy(error));
    stream.pipe(data);
    storing = storeUpload({ data, filename, maxBytes, allowedTypes }).then(
      (stored) => {
        upload = { ...stored, filename: safeFilename(filename) };
        fields.append(name, stored.key);
      },
      (error: unknown) => {
        stream.unpipe(data);
        stream.resume();
        if (!(error instanceof DomainError)) throw error;
        // The store refuses a file too large with 413: then the quota, when it set the limit, is named.
        refuse(limitedByQuota && error.status === 413 ? quotaExceeded() : error);
      },
    );
  });
  for (const limit of ["fieldsLimit", "partsLimit", "filesLimit"] as const) {
    parser.on(limit, () => refuse(new DomainError(413, "errors.formTooLarge")));
  }

  let malformed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      parser.once("finish", resolve);
      parser.once("error", reject);
      if (!request.body) return reject(new Error("no body"));
      const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
      source.once("error", reject);
      source.pipe(parser);
    });
  } catch {
    // No closing boundary, a broken part, or a body cut at its size limit.
    malformed = true;
  }
  try {
    await storing;
  } catch (error) {
    if (!malformed) throw error;
  }

  const stored = upload as ReceivedUpload | null;
  const error = refusal ?? (malformed ? new DomainError(400, "errors.badUpload") : null);
  if (error) {
    if (stored) await deleteStoredFile(stored.key).catch(() => undefined);
    return { formData: fields, upload: null, error };
  }
  return { formData: fields, upload: stored, error: null };
}
