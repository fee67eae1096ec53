// Writing what leaderboards read: the benchmarks and leaderboards results
// belong to, and, in the same transaction as each change of results, each
// model's best score per leaderboard with its rank range and the board's
// summary (SQL function concord_refresh_leaderboards, which also serializes
// writers of the same board; see docs/decisions/015-evaluation-comparability.md).
import type { Transaction } from "~/utils/db.server";

/** What a result is compared on: its benchmark (task, metric, filter, task or group) and its setting (version, n-shot). */
export type ComparabilityKey = {
  task: string;
  metric: string;
  filter: string;
  isGroup: boolean;
  higherIsBetter: boolean;
  version: string | null;
  nShot: number | null;
};

export type Placement = { benchmarkId: string; leaderboardId: string };

export const placementKey = (k: Pick<ComparabilityKey, "task" | "metric" | "filter" | "isGroup" | "version" | "nShot">) =>
  [k.task, k.metric, k.filter, k.isGroup ? "g" : "t", k.version ?? "", k.nShot ?? -1].join("\u0000");

/**
 * The benchmark and leaderboard of each key, creating those that are new. A
 * benchmark's direction (higher or lower is better) is set by whoever names it
 * first. Rows are inserted in key order, so two transactions creating the same
 * new rows wait for each other instead of deadlocking.
 */
export async function placeResults(tx: Transaction, keys: ComparabilityKey[]): Promise<Map<string, Placement>> {
  const tasks = keys.map((k) => k.task);
  const metrics = keys.map((k) => k.metric);
  const filters = keys.map((k) => k.filter);
  const groups = keys.map((k) => k.isGroup);
  const better = keys.map((k) => k.higherIsBetter);
  const versions = keys.map((k) => k.version);
  const shots = keys.map((k) => k.nShot);
  await tx.$executeRaw`
    INSERT INTO "Benchmark" (id, task, metric, filter, "isGroup", "higherIsBetter")
    SELECT gen_random_uuid(), t, m, f, g, bool_and(h)
    FROM unnest(${tasks}::text[], ${metrics}::text[], ${filters}::text[], ${groups}::boolean[], ${better}::boolean[]) AS x(t, m, f, g, h)
    GROUP BY t, m, f, g
    ORDER BY t, m, f, g
    ON CONFLICT (task, metric, filter, "isGroup") DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO "Leaderboard" (id, "benchmarkId", "taskVersion", "nShot")
    SELECT gen_random_uuid(), b.id, s.v, s.n
    FROM (SELECT DISTINCT t, m, f, g, v, n FROM unnest(${tasks}::text[], ${metrics}::text[], ${filters}::text[], ${groups}::boolean[], ${versions}::text[], ${shots}::int[]) AS x(t, m, f, g, v, n)) s
    JOIN "Benchmark" b ON b.task = s.t AND b.metric = s.m AND b.filter = s.f AND b."isGroup" = s.g
    ORDER BY b.id, COALESCE(s.v, ''), COALESCE(s.n, -1)
    ON CONFLICT ("benchmarkId", COALESCE("taskVersion", ''), COALESCE("nShot", -1)) DO NOTHING`;
  const rows = await tx.$queryRaw<
    { benchmarkId: string; leaderboardId: string; task: string; metric: string; filter: string; isGroup: boolean; taskVersion: string | null; nShot: number | null }[]
  >`
    SELECT b.id AS "benchmarkId", l.id AS "leaderboardId", b.task, b.metric, b.filter, b."isGroup", l."taskVersion", l."nShot"
    FROM (SELECT DISTINCT t, m, f, g, v, n FROM unnest(${tasks}::text[], ${metrics}::text[], ${filters}::text[], ${groups}::boolean[], ${versions}::text[], ${shots}::int[]) AS x(t, m, f, g, v, n)) s
    JOIN "Benchmark" b ON b.task = s.t AND b.metric = s.m AND b.filter = s.f AND b."isGroup" = s.g
    JOIN "Leaderboard" l ON l."benchmarkId" = b.id AND l."taskVersion" IS NOT DISTINCT FROM s.v AND l."nShot" IS NOT DISTINCT FROM s.n`;
  return new Map(rows.map((r) => [placementKey({ ...r, version: r.taskVersion }), { benchmarkId: r.benchmarkId, leaderboardId: r.leaderboardId }]));
}

/**
 * Takes these leaderboards' write locks now (as concord_refresh_leaderboards
 * does, in the same order). Needed before deleting results: the deletion locks
 * the model's entries, which a concurrent refresh of the same board would
 * otherwise wait for while holding the board (a deadlock).
 */
export async function lockLeaderboards(tx: Transaction, leaderboardIds: string[]): Promise<void> {
  if (leaderboardIds.length === 0) return;
  await tx.$executeRaw`SELECT 1 FROM "Leaderboard" WHERE id = ANY(${[...new Set(leaderboardIds)]}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
}

/**
 * Brings these leaderboards up to date for this model (best score per
 * audience, rank ranges, summaries). Call it after writing or deleting the
 * model's results and before the audit event, in the same transaction.
 */
export async function refreshLeaderboards(tx: Transaction, leaderboardIds: string[], modelId: string): Promise<void> {
  if (leaderboardIds.length === 0) return;
  const ids = [...new Set(leaderboardIds)].sort();
  await tx.$executeRaw`SELECT concord_refresh_leaderboards(${ids}::uuid[], ARRAY[${modelId}::uuid])`;
}
