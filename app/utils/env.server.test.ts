import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

describe("configuration", () => {
  it("has working defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.seedDemo).toBe(true);
  });
  it("never seeds demo data in production unless asked", () => {
    expect(parseEnv({ NODE_ENV: "production" }).seedDemo).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SEED_DEMO: "true" }).seedDemo).toBe(true);
  });
  it("refuses bad values with a message naming each", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });
  it("takes the owner's database URL only beside the application's, and backups and retention with defaults", () => {
    expect(() => parseEnv({ MIGRATION_DATABASE_URL: "postgres://owner@db/concord" })).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL/);
    const env = parseEnv({ DATA_DIR: "/srv/concord", DATABASE_URL: "postgres://app@db/concord", MIGRATION_DATABASE_URL: "postgres://owner@db/concord" });
    expect(env).toMatchObject({ backupDir: "/srv/concord/backups", BACKUP_BEFORE_MIGRATE: true, BACKUP_KEEP: 5, SIGN_IN_RETENTION_MONTHS: 12 });
    expect(() => parseEnv({ SIGN_IN_RETENTION_MONTHS: "0" })).toThrow(/SIGN_IN_RETENTION_MONTHS/);
  });
  it("reduces PUBLIC_ORIGIN to an origin", () => {
    expect(parseEnv({ PUBLIC_ORIGIN: "https://concord.example.org/some/path" }).PUBLIC_ORIGIN).toBe("https://concord.example.org");
  });
});
