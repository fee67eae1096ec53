// All configuration comes from the environment and is validated here, once, at
// start-up: a wrong value stops the server with a message that names it.
import path from "node:path";
import { z } from "zod";

const boolean = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Any PostgreSQL server; when unset an embedded cluster under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /**
   * The database's owner, for migrations and restores, when DATABASE_URL is a role
   * without ownership (the safe setup; docs/decisions/014-database-roles-and-audit-chain.md).
   * Unset: DATABASE_URL's role runs migrations and the application alike.
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("data"),
  /** Where backups taken before migrations go (default DATA_DIR/backups). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Take a backup of the database before applying migrations at start-up. */
  BACKUP_BEFORE_MIGRATE: boolean.default("true"),
  /** How many of those pre-migration backups to keep. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(5),
  /** Months sign-in records are kept before the daily sweep removes them (docs/decisions/013-personal-data.md). */
  SIGN_IN_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** The site's public origin (https://concord.example.org); checked against Origin on every POST. Derived from the request when unset. */
  PUBLIC_ORIGIN: z
    .string()
    .url()
    .transform((u) => new URL(u).origin)
    .optional(),
  /** Number of reverse proxies in front of the app (for client IP and protocol). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Seed demo content into an empty database. Defaults to on, except in production. */
  SEED_DEMO: boolean.optional(),
  /** smtp://user:pass@host:port — invitations are mailed when set. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().email().default("no-reply@concord.invalid"),
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Error pages and data responses carry stack traces: only for debugging, never in service. */
  DEBUG_ERRORS: boolean.default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Cookies without the Secure flag: only for plain-HTTP access other than localhost. */
  INSECURE_COOKIES: boolean.default("false"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** HTTP worker processes (node:cluster); 1 serves from the main process. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Where uploaded files go: `local` (DATA_DIR/files) or any S3-compatible store (MinIO). */
  STORAGE: z.enum(["local", "s3"]).default("local"),
  /** S3-compatible endpoint, e.g. http://minio:9000; unset means AWS S3 itself. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name of 3–63 lower-case letters, digits, dots or hyphens")
    .optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (http://host/bucket/key), which MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: boolean.default("true"),
  /** Largest file accepted in one upload, in bytes (100 MiB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  /** Total size of the files one delegation may keep, in bytes (10 GiB). */
  STORAGE_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024 * 1024),
});

const checked = schema.superRefine((env, ctx) => {
  if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["MIGRATION_DATABASE_URL"], message: "needs DATABASE_URL (the application's role) too" });
  }
  if (env.STORAGE !== "s3") return;
  for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    if (!env[name]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: "is required when STORAGE=s3" });
  }
});

export type Env = z.infer<typeof schema> & { dataDir: string; backupDir: string; seedDemo: boolean };

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = checked.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    backupDir: path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR, "backups")),
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== "production",
  };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
