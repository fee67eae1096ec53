// All configuration comes from the environment and is validated here, once, at
// start-up: a wrong value stops the server with a message that names it.
import path from "node:path";
import { z } from "zod";

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Any PostgreSQL server; when unset an embedded cluster under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("data"),
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
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().email().default("no-reply@concord.invalid"),
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Cookies without the Secure flag: only for plain-HTTP access other than localhost. */
  INSECURE_COOKIES: boolean.default("false"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof schema> & { dataDir: string; seedDemo: boolean };

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== "production",
  };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
