-- Hand-written migration. It runs in one transaction with its _prisma_migrations
-- row: no BEGIN/COMMIT here, and nothing that cannot run in a transaction
-- (CREATE INDEX CONCURRENTLY).

-- Leaderboards that compare like with like, and the best score per model kept
-- up to date with the results (docs/decisions/015-evaluation-comparability.md).

-- ---------------------------------------------------------------------------
-- One leaderboard per benchmark, task version and n-shot. An unknown version or
-- n-shot is a value of its own ("not stated"), never mixed with a stated one:
-- NULLs are made equal for uniqueness (PostgreSQL 14 has no NULLS NOT DISTINCT).
CREATE UNIQUE INDEX "Leaderboard_setting_key" ON "Leaderboard" ("benchmarkId", COALESCE("taskVersion", ''), COALESCE("nShot", -1));
ALTER TABLE "Leaderboard" ADD CONSTRAINT "Leaderboard_nShot" CHECK ("nShot" IS NULL OR "nShot" >= 0);
ALTER TABLE "Leaderboard" ADD CONSTRAINT "Leaderboard_taskVersion" CHECK ("taskVersion" IS NULL OR "taskVersion" <> '');

ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_samples" CHECK (
  ("samplesEffective" IS NULL OR "samplesEffective" >= 0) AND ("samplesOriginal" IS NULL OR "samplesOriginal" >= 0)
);
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_limitedCount" CHECK ("limitedCount" >= 0 AND "limitedCount" <= "resultCount");
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_sampleLimit" CHECK ("sampleLimit" IS NULL OR "sampleLimit" > 0);
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_ranks" CHECK ("rankLow" >= 1 AND "rankHigh" >= "rankLow");

-- ---------------------------------------------------------------------------
-- Rank ranges. Each model's score, oriented so that more is better (v), has a
-- 95 % interval v ± 1.96·se; an unknown standard error (se NULL) counts as a
-- zero-width interval, so such a score is compared by its value alone. Model B
-- is better than model A when B's interval lies wholly above A's. A model's
-- best possible rank is 1 + the models better than it; its worst, the number
-- of models not worse than it (itself included). Two models whose intervals
-- overlap are "statistically tied": neither is better, and their ranges
-- always overlap (if C were better than one and worse than the other, the
-- intervals could not overlap), so they are never presented as ranked apart.
-- Counting by binary search over sorted bounds (width_bucket): O(n log n).
-- Returns one row per array position (1-based).
CREATE FUNCTION concord_rank_ranges(v float8[], se float8[])
RETURNS TABLE (idx int, rank_low int, rank_high int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH x AS (
    SELECT i AS idx, v[i] - 1.96 * COALESCE(se[i], 0) AS lo, v[i] + 1.96 * COALESCE(se[i], 0) AS hi
    FROM generate_subscripts(v, 1) AS i
  ),
  sorted AS (
    SELECT count(*)::int AS n, array_agg(lo ORDER BY lo) AS los, array_agg(-hi ORDER BY -hi) AS neg_his FROM x
  )
  SELECT x.idx::int,
         -- 1 + models whose lower bound is above this upper bound.
         (1 + sorted.n - width_bucket(x.hi, sorted.los))::int,
         -- Models whose upper bound is not below this lower bound.
         width_bucket(-x.lo, sorted.neg_his)::int
  FROM x, sorted
$$;

-- ---------------------------------------------------------------------------
-- Brings the leaderboards `board_ids` up to date with their results: the best
-- full-sample result of each model (of `model_ids`, or of every model when
-- NULL) for each audience, every entry's rank range, and each board's summary.
-- Called in the transaction that adds or withdraws results, after writing them.
--
-- Concurrency: writers of the same leaderboard take turns on its row (locked
-- in id order, so two writers cannot deadlock; FOR NO KEY UPDATE does not block
-- the foreign-key checks of results being inserted). Each statement below runs
-- with a snapshot taken after the lock was granted (READ COMMITTED, VOLATILE
-- function), so it sees the results of every writer that committed before:
-- two imports at once cannot lose a best score.
CREATE FUNCTION concord_refresh_leaderboards(board_ids uuid[], model_ids uuid[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "Leaderboard" WHERE id = ANY(board_ids) ORDER BY id FOR NO KEY UPDATE;

  DELETE FROM "LeaderboardEntry" e
  WHERE e."leaderboardId" = ANY(board_ids) AND (model_ids IS NULL OR e."modelId" = ANY(model_ids));

  -- Best first by score in the benchmark's direction; then the smaller standard
  -- error, the later evaluation, the result id (so the choice is stable).
  INSERT INTO "LeaderboardEntry" (audience, "leaderboardId", "modelId", "resultId", "runId", score, stderr, language, "evaluatedAt", "rankLow", "rankHigh")
  SELECT DISTINCT ON (a.audience, r."leaderboardId", r."modelId")
         a.audience, r."leaderboardId", r."modelId", r.id, r."runId", r.score, r.stderr, r.language, r."evaluatedAt", 1, 1
  FROM "EvaluationResult" r
  JOIN "Benchmark" b ON b.id = r."benchmarkId"
  CROSS JOIN (VALUES ('PUBLIC'::"ResultVisibility"), ('MEMBERS'::"ResultVisibility")) AS a(audience)
  WHERE r."leaderboardId" = ANY(board_ids)
    AND (model_ids IS NULL OR r."modelId" = ANY(model_ids))
    AND NOT r."isLimited"
    AND (a.audience = 'MEMBERS' OR r.visibility = 'PUBLIC')
  ORDER BY a.audience, r."leaderboardId", r."modelId",
           CASE WHEN b."higherIsBetter" THEN -r.score ELSE r.score END, r.stderr ASC NULLS LAST, r."evaluatedAt" DESC NULLS LAST, r.id;

  -- Rank ranges of every entry of these boards (they depend on all of a board's entries).
  WITH boards AS (
    SELECT e.audience, e."leaderboardId",
           array_agg(e."modelId" ORDER BY e."modelId") AS models,
           array_agg(CASE WHEN b."higherIsBetter" THEN e.score ELSE -e.score END ORDER BY e."modelId") AS v,
           array_agg(e.stderr ORDER BY e."modelId") AS se
    FROM "LeaderboardEntry" e
    JOIN "Leaderboard" l ON l.id = e."leaderboardId"
    JOIN "Benchmark" b ON b.id = l."benchmarkId"
    WHERE e."leaderboardId" = ANY(board_ids)
    GROUP BY e.audience, e."leaderboardId"
  ),
  ranked AS (
    SELECT boards.audience, boards."leaderboardId", boards.models[r.idx] AS "modelId", r.rank_low, r.rank_high
    FROM boards CROSS JOIN LATERAL concord_rank_ranges(boards.v, boards.se) r
  )
  UPDATE "LeaderboardEntry" e
  SET "rankLow" = ranked.rank_low, "rankHigh" = ranked.rank_high
  FROM ranked
  WHERE e.audience = ranked.audience AND e."leaderboardId" = ranked."leaderboardId" AND e."modelId" = ranked."modelId"
    AND (e."rankLow", e."rankHigh") IS DISTINCT FROM (ranked.rank_low, ranked.rank_high);

  INSERT INTO "LeaderboardSummary" (audience, "leaderboardId", "modelCount", "resultCount", "limitedCount", "leaderModelId", "leaderScore", "leaderStderr", "firstCount")
  SELECT a.audience, l.id,
         (SELECT count(*) FROM "LeaderboardEntry" e WHERE e.audience = a.audience AND e."leaderboardId" = l.id),
         (SELECT count(*) FROM "EvaluationResult" r WHERE r."leaderboardId" = l.id AND NOT r."isLimited" AND (a.audience = 'MEMBERS' OR r.visibility = 'PUBLIC')),
         (SELECT count(*) FROM "EvaluationResult" r WHERE r."leaderboardId" = l.id AND r."isLimited" AND (a.audience = 'MEMBERS' OR r.visibility = 'PUBLIC')),
         leader."modelId", leader.score, leader.stderr,
         (SELECT count(*) FROM "LeaderboardEntry" e WHERE e.audience = a.audience AND e."leaderboardId" = l.id AND e."rankLow" = 1)
  FROM "Leaderboard" l
  JOIN "Benchmark" b ON b.id = l."benchmarkId"
  CROSS JOIN (VALUES ('PUBLIC'::"ResultVisibility"), ('MEMBERS'::"ResultVisibility")) AS a(audience)
  LEFT JOIN LATERAL (
    SELECT e."modelId", e.score, e.stderr
    FROM "LeaderboardEntry" e JOIN "AiModel" m ON m.id = e."modelId"
    WHERE e.audience = a.audience AND e."leaderboardId" = l.id
    ORDER BY CASE WHEN b."higherIsBetter" THEN -e.score ELSE e.score END, e.stderr ASC NULLS LAST, m.name, m.id
    LIMIT 1
  ) leader ON true
  WHERE l.id = ANY(board_ids)
  ON CONFLICT (audience, "leaderboardId") DO UPDATE SET
    "modelCount" = EXCLUDED."modelCount",
    "resultCount" = EXCLUDED."resultCount",
    "limitedCount" = EXCLUDED."limitedCount",
    "leaderModelId" = EXCLUDED."leaderModelId",
    "leaderScore" = EXCLUDED."leaderScore",
    "leaderStderr" = EXCLUDED."leaderStderr",
    "firstCount" = EXCLUDED."firstCount";
END;
$$;

-- ---------------------------------------------------------------------------
-- Existing results.

-- The same file imported twice for the same model doubled its results. The
-- earliest import of each file is kept; later copies go (their import events
-- stay in the audit log; their stored files are left in storage). From now on
-- a unique index refuses them.
DELETE FROM "EvaluationRun" run
USING (
  SELECT id, row_number() OVER (PARTITION BY "modelId", "fileSha256" ORDER BY "createdAt", id) AS n
  FROM "EvaluationRun" WHERE "fileSha256" IS NOT NULL
) copies
WHERE copies.id = run.id AND copies.n > 1;
CREATE UNIQUE INDEX "EvaluationRun_modelId_fileSha256_key" ON "EvaluationRun"("modelId", "fileSha256");

-- Earlier imports stored lm-eval's `sample_len` (a count of samples) and
-- similar bookkeeping keys as scores. They were never scores: removed (the
-- submitted files are kept, so nothing is lost).
WITH gone AS (
  DELETE FROM "EvaluationResult" r
  USING "Benchmark" b
  WHERE b.id = r."benchmarkId" AND b.metric IN ('sample_len', 'sample_count', 'name', 'alias')
  RETURNING r."runId"
)
UPDATE "EvaluationRun" run SET "resultCount" = run."resultCount" - g.n
FROM (SELECT "runId", count(*)::int AS n FROM gone GROUP BY "runId") g
WHERE g."runId" = run.id;
DELETE FROM "Benchmark" b
WHERE b.metric IN ('sample_len', 'sample_count', 'name', 'alias')
  AND NOT EXISTS (SELECT 1 FROM "EvaluationResult" r WHERE r."benchmarkId" = b.id);

-- Earlier results did not keep their task version: they go to the "version not
-- stated" board of their benchmark and n-shot. Imports made before this
-- migration carried no sample counts either; they are taken as full runs.
INSERT INTO "Leaderboard" (id, "benchmarkId", "taskVersion", "nShot")
SELECT gen_random_uuid(), s."benchmarkId", NULL, s."nShot"
FROM (SELECT DISTINCT "benchmarkId", "nShot" FROM "EvaluationResult") s
ORDER BY s."benchmarkId", s."nShot";
UPDATE "EvaluationResult" r SET "leaderboardId" = l.id
FROM "Leaderboard" l
WHERE l."benchmarkId" = r."benchmarkId" AND l."nShot" IS NOT DISTINCT FROM r."nShot" AND l."taskVersion" IS NULL;
ALTER TABLE "EvaluationResult" ALTER COLUMN "leaderboardId" SET NOT NULL;

SELECT concord_refresh_leaderboards(ARRAY(SELECT id FROM "Leaderboard"), NULL);
