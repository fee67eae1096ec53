// Files in any S3-compatible store (MinIO for self-hosting, or S3 itself).
// Uploads stream through @aws-sdk/lib-storage: a small file is one PutObject,
// a large one a multipart upload in bounded parts; either way the object
// appears only when complete, and a failed multipart upload is aborted.
import { Readable } from "node:stream";
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { notFound } from "~/utils/errors";
import type { StorageBackend } from "./backend.server";

export type S3StorageConfig = {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

/** Memory held per upload is about PART_SIZE × QUEUE_SIZE. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

function isMissing(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata?.httpStatusCode === 404;
  }
  return false;
}

export function createS3Storage(config: S3StorageConfig): StorageBackend & { ensureBucket(): Promise<void>; client: S3Client } {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const Bucket = config.bucket;

  return {
    kind: "s3",
    client,

    async put(key, body) {
      const upload = new Upload({
        client,
        queueSize: QUEUE_SIZE,
        partSize: PART_SIZE,
        leavePartsOnError: false,
        params: { Bucket, Key: key, Body: body, ContentType: "application/octet-stream" },
      });
      try {
        await upload.done();
      } catch (error) {
        // A refused or broken stream: make sure nothing stays under the key.
        await client.send(new DeleteObjectCommand({ Bucket, Key: key })).catch(() => undefined);
        body.destroy();
        throw error;
      }
    },

    async open(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!(out.Body instanceof Readable)) throw new Error("S3 GetObject returned no readable body");
        return { stream: out.Body, size: Number(out.ContentLength ?? 0) };
      } catch (error) {
        if (isMissing(error)) throw notFound();
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async hasObjects() {
      const out = await client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 }));
      return (out.KeyCount ?? out.Contents?.length ?? 0) > 0;
    },

    /** Creates the bucket when it does not exist (self-hosted MinIO, tests). */
    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        if (!isMissing(error)) throw error;
        await client.send(new CreateBucketCommand({ Bucket }));
      }
    },
  };
}
