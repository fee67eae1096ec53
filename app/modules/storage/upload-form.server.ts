// Reading a form that carries one file (multipart/form-data) in an action:
// the file streams straight into storage (storeUpload), the other fields are
// small and kept in memory. Put the file input last in the form: browsers send
// fields in document order, so when the file is refused the fields before it
// are still there to show the form again with the user's input.
import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
  type UploadHandler,
} from "@remix-run/node";
import { DomainError } from "~/utils/errors";
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

async function drain(data: AsyncIterable<Uint8Array>) {
  for await (const chunk of data) void chunk;
}

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
  if (!contentType.startsWith("multipart/form-data")) {
    // A form without a file (or a client that did not send one).
    return { formData: await request.formData(), upload: null, error: null };
  }

  // Fields are recorded as they arrive, so they survive a refused file.
  const fields = new FormData();
  let upload: ReceivedUpload | null = null;

  const fileHandler: UploadHandler = async (part) => {
    if (part.filename === undefined) return undefined;
    if (part.name !== fileField || upload) {
      await drain(part.data);
      throw new DomainError(400, "errors.unexpectedFile");
    }
    // An empty file input sends a part with no name and no bytes.
    if (part.filename === "") {
      await drain(part.data);
      return "";
    }
    const stored = await storeUpload({ data: part.data, filename: part.filename, maxBytes, allowedTypes });
    upload = { ...stored, filename: safeFilename(part.filename) };
    fields.append(part.name, stored.key);
    return stored.key;
  };
  const memory = createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES });
  const fieldHandler: UploadHandler = async (part) => {
    const value = await memory(part);
    if (typeof value === "string") fields.append(part.name, value);
    return value;
  };

  try {
    await parseMultipartFormData(request, composeUploadHandlers(fileHandler, fieldHandler));
    return { formData: fields, upload, error: null };
  } catch (error) {
    const stored = upload as ReceivedUpload | null;
    if (stored) await deleteStoredFile(stored.key).catch(() => undefined);
    if (error instanceof DomainError) {
      const refused = limitedByQuota && error.status === 413 ? quotaExceeded() : error;
      return { formData: fields, upload: null, error: refused };
    }
    if (error instanceof MaxPartSizeExceededError) return { formData: fields, upload: null, error: new DomainError(413, "errors.formTooLarge") };
    if (error instanceof TypeError && error.message === "Could not parse content as FormData.") return { formData: fields, upload: null, error: new DomainError(400, "errors.badUpload") };
    throw error;
  }
}
