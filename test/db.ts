// Databases for tests, on the throw-away cluster that test/global-setup.ts
// starts once per vitest run. Each test file gets its own database, so files
// can run in parallel and never see each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The database every test database is cloned from: all migrations applied, no rows. */
export const TEMPLATE_DATABASE = "template_concord";

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const result = new URL(url);
  result.pathname = `/${database}`;
  return result.toString();
}

/**
 * A fresh database with the current schema (all migrations applied); returns
 * its URL for the application's role — no ownership, no DDL, as in production.
 */
export async function createTestDatabase(): Promise<string> {
  const ownerUrl = await createDatabase(TEMPLATE_DATABASE);
  return databaseUrl(inject("appDatabaseUrl"), new URL(ownerUrl).pathname.slice(1));
}

/** The owner's (superuser's) URL for the same database as `url`: for tests that act as an attacker with database access, or as migrations. */
export function ownerUrlOf(url: string): string {
  return databaseUrl(inject("adminDatabaseUrl"), new URL(url).pathname.slice(1));
}

/** A fresh database without any table, to test migrations themselves; returns its URL. */
export function createEmptyDatabase(): Promise<string> {
  return createDatabase("template0");
}

async function createDatabase(template: string): Promise<string> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `t_${randomBytes(8).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, name);
}
