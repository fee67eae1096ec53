// Two database roles (docs/decisions/014-database-roles-and-audit-chain.md): the
// owner, which creates and alters tables (migrations, restore), and the
// application's role, which may only read and write rows — and not even that
// for the append-only tables. Because the application cannot own a table, it can
// neither disable the triggers that keep the audit log append-only and chained,
// nor drop or alter anything.
import pg from "pg";

/** Tables whose rows are never changed or removed: the application may only add to them. */
export const APPEND_ONLY_TABLES = ["AuditEvent", "BallotHistory", "StrategyVersion"] as const;
/** Tables the application only reads. */
export const READ_ONLY_TABLES = ["_prisma_migrations"] as const;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a connection string logs in as. */
export function roleOf(connectionString: string): string {
  const user = decodeURIComponent(new URL(connectionString).username);
  if (!user) throw new Error("the database URL names no user");
  return user;
}

/**
 * Grants the application's role what it needs on every schema the owner owns
 * (Concord's `public`, and schemas such as a job queue's created by the owner at
 * migration time), now and — through default privileges — for tables the owner
 * creates later. Run after every migration; running it again changes nothing.
 */
export async function grantApplicationRole({ ownerUrl, appRole }: { ownerUrl: string; appRole: string }): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "concord-migrate" });
  await client.connect();
  try {
    const { rows } = await client.query<{ owner: string; schemas: string[] }>(`
      SELECT current_user AS owner,
             coalesce(array_agg(nspname::text ORDER BY nspname), '{}') AS schemas
        FROM pg_namespace
       WHERE (nspname = 'public' OR pg_get_userbyid(nspowner) = current_user)
         AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`);
    const { owner, schemas } = rows[0]!;
    if (owner === appRole) return;
    const app = quoteIdent(appRole);
    await client.query("BEGIN");
    for (const schema of schemas) {
      const s = quoteIdent(schema);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${app}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${app}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${app}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
      // Whatever else it may hold from before (TRUNCATE, REFERENCES, TRIGGER) goes.
      await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${s} FROM ${app}`);
      await client.query(`REVOKE CREATE ON SCHEMA ${s} FROM ${app}`);
    }
    for (const table of APPEND_ONLY_TABLES) {
      if (await tableExists(client, table)) await client.query(`REVOKE UPDATE, DELETE ON ${quoteIdent(table)} FROM ${app}`);
    }
    for (const table of READ_ONLY_TABLES) {
      if (await tableExists(client, table)) await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${quoteIdent(table)} FROM ${app}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [quoteIdent(table)]);
  return rows[0]!.exists;
}

/**
 * What the application's connection could do that it should not: own a table,
 * create objects, or act as a superuser. An empty list means it runs with
 * data rights only.
 */
export async function applicationRoleProblems(appUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: appUrl, application_name: "concord-migrate" });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; owned: number; create_public: boolean; createrole: boolean }>(`
      SELECT r.rolsuper AS superuser, r.rolcreaterole AS createrole,
             (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relowner = r.oid AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema') AS owned,
             has_schema_privilege('public', 'CREATE') AS create_public
        FROM pg_roles r WHERE r.rolname = current_user`);
    const row = rows[0]!;
    const problems: string[] = [];
    if (row.superuser) problems.push("it is a superuser");
    if (row.createrole) problems.push("it may create roles");
    if (row.owned > 0) problems.push(`it owns ${row.owned} table(s) or other relations, so it could disable their triggers or drop them`);
    if (row.create_public) problems.push("it may create objects in the public schema");
    return problems;
  } finally {
    await client.end();
  }
}
