// The storage interface, run the same way against both implementations:
// local disk (a temporary folder) and an S3-compatible server (s3rver on
// loopback, standing in for MinIO). Plus the checks done while a file streams
// and the download headers.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/utils/errors";
import type { StorageBackend } from "./backend.server";
import { createLocalStorage } from "./local.server";
import { createS3Storage } from "./s3.server";
import {
  contentDisposition,
  deleteStoredFile,
  fileDownloadHeaders,
  isStorageKey,
  openStoredFile,
  safeFilename,
  setStorageBackend,
  storeUpload,
  storeUploadIn,
  storedFileResponse,
} from "./storage.server";
import { parseUploadForm } from "./upload-form.server";

const DATA_TYPES = ["text/csv", "application/json", "application/jsonlines", "text/plain", "application/gzip", "application/vnd.apache.parquet"] as const;
const MiB = 1024 * 1024;

async function* chunksOf(bytes: Uint8Array, size = 64 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A large file generated piece by piece: the test never holds it whole either. */
async function* generated(totalBytes: number, hash: ReturnType<typeof createHash>) {
  const line = Buffer.from("id,language,text\n1,pt,Olá mundo — soberania de dados\n".repeat(1000));
  let sent = 0;
  while (sent < totalBytes) {
    const piece = line.subarray(0, Math.min(line.length, totalBytes - sent));
    hash.update(piece);
    sent += piece.length;
    yield piece;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function expectDomainError(promise: Promise<unknown>, status: number, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
  expect((error as DomainError).messageKey).toBe(key);
}

// --- the two implementations ------------------------------------------------

type Harness = { backend: StorageBackend; listKeys: () => Promise<string[]>; stop: () => Promise<void> };

async function localHarness(): Promise<Harness> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-storage-"));
  const backend = createLocalStorage(root);
  const listKeys = async () => {
    const found: string[] = [];
    for (const dir of await fs.readdir(root)) {
      for (const file of await fs.readdir(path.join(root, dir))) found.push(`${dir}/${file}`);
    }
    return found.sort();
  };
  return { backend, listKeys, stop: () => fs.rm(root, { recursive: true, force: true }) };
}

type S3rverInstance = { run(): Promise<{ port: number }>; close(): Promise<void> };
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

async function s3Harness(): Promise<Harness> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "concord-s3rver-"));
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const backend = createS3Storage({
    endpoint: `http://127.0.0.1:${port}`,
    bucket: "concord-test",
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  await backend.ensureBucket();
  const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
  const listKeys = async () => {
    const out = await backend.client.send(new ListObjectsV2Command({ Bucket: "concord-test" }));
    return (out.Contents ?? []).map((o) => o.Key!).sort();
  };
  return {
    backend,
    listKeys,
    stop: async () => {
      backend.client.destroy();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

const implementations: [string, () => Promise<Harness>][] = [
  ["local disk", localHarness],
  ["S3-compatible (s3rver)", s3Harness],
];

for (const [label, start] of implementations) {
  describe(`storage on ${label}`, () => {
    let h: Harness | null = null;
    let unavailable: string | null = null;

    beforeAll(async () => {
      try {
        h = await start();
      } catch (error) {
        if (label.startsWith("local")) throw error;
        unavailable = (error as Error).message;
        console.warn(`\n${"!".repeat(78)}\n!! The S3-compatible test server (s3rver) could not start: ${unavailable}\n!! SKIPPING THE S3 STORAGE TESTS.\n${"!".repeat(78)}\n`);
      }
    });
    afterAll(async () => {
      await h?.stop();
    });

    const test = (name: string, body: (h: Harness) => Promise<void>) =>
      it(name, async (ctx) => {
        if (!h) return ctx.skip(`storage unavailable: ${unavailable}`);
        await body(h);
      });

    test("stores a file under a generated key with its size and SHA-256, and gives the same bytes back", async ({ backend, listKeys }) => {
      const bytes = Buffer.from("language,sentences\nhi,120000\nsw,80000\nيونيكود,1\n");
      const stored = await storeUploadIn(backend, { data: chunksOf(bytes, 7), filename: "../../corpus.csv", maxBytes: MiB, allowedTypes: DATA_TYPES });
      expect(isStorageKey(stored.key)).toBe(true);
      expect(stored.key).not.toContain("corpus");
      expect(stored).toMatchObject({ size: bytes.length, sha256: sha256(bytes), contentType: "text/csv" });
      expect(await listKeys()).toContain(stored.key);
      const opened = await backend.open(stored.key);
      expect(opened.size).toBe(bytes.length);
      expect(await readAll(opened.stream)).toEqual(bytes);
      await backend.delete(stored.key);
      await expectDomainError(backend.open(stored.key), 404, "errors.notFound");
      await backend.delete(stored.key); // deleting twice is harmless
    });

    test("streams a file larger than one S3 part without holding it whole", async ({ backend }) => {
      const hash = createHash("sha256");
      const total = 12 * MiB + 123;
      const stored = await storeUploadIn(backend, { data: generated(total, hash), filename: "big.csv", maxBytes: 20 * MiB, allowedTypes: DATA_TYPES });
      expect(stored.size).toBe(total);
      expect(stored.sha256).toBe(hash.digest("hex"));
      const opened = await backend.open(stored.key);
      const back = createHash("sha256");
      let size = 0;
      for await (const chunk of opened.stream) {
        back.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect(size).toBe(total);
      expect(back.digest("hex")).toBe(stored.sha256);
      await backend.delete(stored.key);
    });

    test("refuses a file over the limit, leaving nothing stored", async ({ backend, listKeys }) => {
      const before = await listKeys();
      const hash = createHash("sha256");
      await expectDomainError(
        storeUploadIn(backend, { data: generated(9 * MiB, hash), filename: "big.csv", maxBytes: 8 * MiB + 5, allowedTypes: DATA_TYPES }),
        413,
        "errors.fileTooLarge",
      );
      expect(await listKeys()).toEqual(before);
    });

    test("judges the type from the content, not the name", async ({ backend, listKeys }) => {
      const before = await listKeys();
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from("IHDR"), Buffer.alloc(64)]);
      await expectDomainError(storeUploadIn(backend, { data: chunksOf(png), filename: "data.csv", maxBytes: MiB, allowedTypes: DATA_TYPES }), 415, "errors.fileType");
      // A Windows executable named as JSON.
      const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
      await expectDomainError(storeUploadIn(backend, { data: chunksOf(exe), filename: "data.json", maxBytes: MiB, allowedTypes: DATA_TYPES }), 415, "errors.fileType");
      // Text named as a PDF is text, and text/plain is not what was asked for.
      await expectDomainError(
        storeUploadIn(backend, { data: chunksOf(Buffer.from("hello")), filename: "report.pdf", maxBytes: MiB, allowedTypes: ["application/pdf"] }),
        415,
        "errors.fileType",
      );
      // Text at the start, binary later (past the sample): refused when the binary part arrives.
      const sneaky = Buffer.concat([Buffer.from("a,b\n".repeat(3000)), Buffer.from([0xff, 0xfe, 0xfd, 0x00])]);
      await expectDomainError(storeUploadIn(backend, { data: chunksOf(sneaky, 1000), filename: "x.csv", maxBytes: MiB, allowedTypes: DATA_TYPES }), 415, "errors.fileType");
      expect(await listKeys()).toEqual(before);
    });

    test("recognises binary data formats by their signature", async ({ backend }) => {
      const gz = gzipSync(Buffer.from('{"a":1}\n'.repeat(100)));
      const a = await storeUploadIn(backend, { data: chunksOf(gz), filename: "anything.bin", maxBytes: MiB, allowedTypes: DATA_TYPES });
      expect(a.contentType).toBe("application/gzip");
      const parquet = Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(100, 7), Buffer.from("PAR1")]);
      const b = await storeUploadIn(backend, { data: chunksOf(parquet), filename: "t.parquet", maxBytes: MiB, allowedTypes: DATA_TYPES });
      expect(b.contentType).toBe("application/vnd.apache.parquet");
      const c = await storeUploadIn(backend, { data: chunksOf(Buffer.from('{"text":"नमस्ते"}\n')), filename: "x.jsonl", maxBytes: MiB, allowedTypes: DATA_TYPES });
      expect(c.contentType).toBe("application/jsonlines");
      for (const s of [a, b, c]) await backend.delete(s.key);
    });

    test("refuses an empty file and a broken stream, leaving nothing stored", async ({ backend, listKeys }) => {
      const before = await listKeys();
      await expectDomainError(storeUploadIn(backend, { data: chunksOf(new Uint8Array(0)), filename: "e.csv", maxBytes: MiB, allowedTypes: DATA_TYPES }), 400, "errors.fileEmpty");
      async function* broken() {
        yield Buffer.alloc(6000, 0x61);
        throw new Error("client went away");
      }
      await expect(storeUploadIn(backend, { data: broken(), filename: "b.csv", maxBytes: MiB, allowedTypes: DATA_TYPES })).rejects.toThrow("client went away");
      expect(await listKeys()).toEqual(before);
    });
  });
}

describe("the configured storage", () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-storage-"));
    setStorageBackend(createLocalStorage(root));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("stores, opens, serves and deletes through the module's API", async () => {
    const bytes = Buffer.from('{"a": "ü"}');
    const stored = await storeUpload({ data: chunksOf(bytes), filename: "daten.json", maxBytes: MiB, allowedTypes: DATA_TYPES });
    expect(stored.contentType).toBe("application/json");
    const { size, stream } = await openStoredFile(stored.key);
    expect(size).toBe(bytes.length);
    expect(await readAll(stream)).toEqual(bytes);

    const response = await storedFileResponse({ key: stored.key, filename: "données.json", contentType: stored.contentType, sha256: stored.sha256 });
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="donnees.json"; filename*=UTF-8''donn%C3%A9es.json`);
    expect(response.headers.get("X-Checksum-SHA256")).toBe(sha256(bytes));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);

    await deleteStoredFile(stored.key);
    await expectDomainError(openStoredFile(stored.key), 404, "errors.notFound");
    // Keys that were not generated here are refused before touching storage.
    await expectDomainError(openStoredFile("../../etc/passwd"), 404, "errors.notFound");
  });

  it("reads a multipart form: fields kept, the file streamed into storage", async () => {
    const form = new FormData();
    form.append("note", "قاعدة بيانات");
    form.append("file", new Blob(["a,b\n1,2\n"]), "t.csv");
    const request = new Request("http://localhost/x", { method: "POST", body: form });
    const { formData, upload, error } = await parseUploadForm(request, { fileField: "file", maxBytes: MiB, allowedTypes: DATA_TYPES });
    expect(error).toBeNull();
    expect(formData.get("note")).toBe("قاعدة بيانات");
    expect(upload).toMatchObject({ filename: "t.csv", size: 8, contentType: "text/csv", sha256: sha256(Buffer.from("a,b\n1,2\n")) });
    expect(formData.get("file")).toBe(upload!.key);
  });

  it("keeps the fields and stores nothing when the file is refused", async () => {
    const form = new FormData();
    form.append("note", "kept");
    form.append("file", new Blob([Buffer.from("MZ" + "\u0001".repeat(100))]), "x.csv");
    const before = await fs.readdir(root);
    const { formData, upload, error } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), {
      fileField: "file",
      maxBytes: MiB,
      allowedTypes: DATA_TYPES,
    });
    expect(upload).toBeNull();
    expect(error?.messageKey).toBe("errors.fileType");
    expect(formData.get("note")).toBe("kept");
    expect(await fs.readdir(root)).toEqual(before);
  });

  it("names the quota when the quota, not the file limit, refused the file", async () => {
    const form = new FormData();
    form.append("file", new Blob(["x".repeat(5000)]), "t.txt");
    const { error } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), {
      fileField: "file",
      maxBytes: 4096,
      limitedByQuota: true,
      allowedTypes: DATA_TYPES,
    });
    expect(error?.status).toBe(413);
    expect(error?.messageKey).toBe("errors.quotaExceeded");
  });

  it("takes a file name with = and quotes in it", async () => {
    const form = new FormData();
    form.append("file", new Blob(["a,b\n1,2\n"]), 'a=b "c".csv');
    const { upload, error } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), {
      fileField: "file",
      maxBytes: MiB,
      allowedTypes: DATA_TYPES,
    });
    expect(error).toBeNull();
    expect(upload?.filename).toBe("a=b %22c%22.csv");
  });

  it("answers a body without its closing boundary as a bad upload, storing nothing", async () => {
    const before = await fs.readdir(root);
    const body = '--XX\r\nContent-Disposition: form-data; name="note"\r\n\r\nn\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\na,b\n1,2\n';
    const request = new Request("http://localhost/x", { method: "POST", body, headers: { "Content-Type": "multipart/form-data; boundary=XX" } });
    const { upload, error } = await parseUploadForm(request, { fileField: "file", maxBytes: MiB, allowedTypes: DATA_TYPES });
    expect(upload).toBeNull();
    expect(error).toMatchObject({ status: 400, messageKey: "errors.badUpload" });
    expect(await fs.readdir(root)).toEqual(before);
  });

  it("reads the whole body after refusing a file, so fields after it still arrive", async () => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512 * 1024, 1)])]), "x.csv");
    form.append("after", "still here");
    const { formData, error } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), {
      fileField: "file",
      maxBytes: MiB,
      allowedTypes: DATA_TYPES,
    });
    expect(error?.status).toBe(415);
    expect(formData.get("after")).toBe("still here");
  });

  it("refuses a multipart header without a boundary", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "x", headers: { "Content-Type": "multipart/form-data" } });
    const { error } = await parseUploadForm(request, { fileField: "file", maxBytes: MiB, allowedTypes: DATA_TYPES });
    expect(error).toMatchObject({ status: 400, messageKey: "errors.badUpload" });
  });

  it("treats an empty file input as no file", async () => {
    const form = new FormData();
    form.append("note", "n");
    form.append("file", new Blob([]), "");
    const { upload, error } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), {
      fileField: "file",
      maxBytes: MiB,
      allowedTypes: DATA_TYPES,
    });
    expect(error).toBeNull();
    expect(upload).toBeNull();
  });
});

describe("file names and download headers", () => {
  it("makes user file names safe", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("C:\\Users\\x\\report.csv")).toBe("report.csv");
    expect(safeFilename("evil\u202Etxt.exe")).toBe("evil_txt.exe");
    expect(safeFilename("line\nbreak.csv")).toBe("line_break.csv");
    expect(safeFilename("...")).toBe("file");
    expect(safeFilename("語料庫.csv")).toBe("語料庫.csv");
    const long = safeFilename(`${"a".repeat(300)}.parquet`);
    expect(long.length).toBe(200);
    expect(long.endsWith(".parquet")).toBe(true);
  });

  it("sends attachments with an RFC 6266 name, nosniff, length and checksum", () => {
    const hex = sha256(Buffer.from("x"));
    const h = fileDownloadHeaders({ filename: 'بيانات "2026".csv', contentType: "text/csv", size: 1, sha256: hex });
    expect(h.get("Content-Disposition")).toBe(`attachment; filename="______ _2026_.csv"; filename*=UTF-8''%D8%A8%D9%8A%D8%A7%D9%86%D8%A7%D8%AA%20_2026_.csv`);
    expect(h.get("X-Content-Type-Options")).toBe("nosniff");
    expect(h.get("Content-Length")).toBe("1");
    expect(h.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(h.get("X-Checksum-SHA256")).toBe(hex);
    expect(h.get("Digest")).toBe(`sha-256=${Buffer.from(hex, "hex").toString("base64")}`);
    expect(h.get("Cache-Control")).toBe("private, no-store");
  });

  it("encodes the characters RFC 8187 does not allow bare", () => {
    expect(contentDisposition("it's (final)*.csv")).toBe(`attachment; filename="it's (final)_.csv"; filename*=UTF-8''it%27s%20%28final%29_.csv`);
  });
});

describe("storage configuration", () => {
  it("defaults to local disk under DATA_DIR/files, 100 MiB per file", async () => {
    const { parseEnv } = await import("~/utils/env.server");
    const env = parseEnv({ DATA_DIR: "/srv/concord" });
    expect(env.STORAGE).toBe("local");
    expect(env.UPLOAD_MAX_BYTES).toBe(100 * MiB);
    const { createConfiguredStorage } = await import("./storage.server");
    const backend = (await createConfiguredStorage(env)) as StorageBackend & { root: string };
    expect(backend.kind).toBe("local");
    expect(backend.root).toBe("/srv/concord/files");
  });

  it("refuses STORAGE=s3 without a bucket and keys, naming each", async () => {
    const { parseEnv, ConfigError } = await import("~/utils/env.server");
    expect(() => parseEnv({ STORAGE: "s3" })).toThrow(ConfigError);
    expect(() => parseEnv({ STORAGE: "s3" })).toThrow(/S3_BUCKET: is required when STORAGE=s3[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
    const env = parseEnv({ STORAGE: "s3", S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "concord-files", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" });
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    expect((await (await import("./storage.server")).createConfiguredStorage(env)).kind).toBe("s3");
  });
});
