// Bulk generation for the research catalogue: 200 models, 10,000 evaluation
// results (scores marked demo; one in twenty from a limited run) on 30
// leaderboards (10 tasks × 3 n-shot settings), 2,000 datasets, at scale 1.
// The leaderboards' stored best scores, ranks and summaries are then built by
// the same SQL function every import and withdrawal runs.
import type pg from "pg";
import { LANGS, timed, type Scale } from "./core";

const FAMILIES = ["DeepSeek-R1", "Qwen2.5", "Llama 3", "Mistral", "Gemma", "BLOOMZ", "Falcon", "Sarvam", "Jais", "SeaLLM"];
const TASKS = ["mmlu", "ceval-valid", "cmmlu", "gsm8k", "arc_challenge", "belebele_hin_Deva", "belebele_arb_Arab", "hellaswag", "truthfulqa_mc2", "indicglue_wnli"];

export async function generateResearch(client: pg.Client, scale: Scale): Promise<void> {
  const models = Math.max(20, Math.round(200 * scale.factor));
  const results = Math.max(500, Math.round(10_000 * scale.factor));
  const datasets = Math.max(40, Math.round(2000 * scale.factor));
  await timed(
    client,
    "models",
    `WITH reg AS (SELECT id FROM "User" WHERE role = 'SECRETARIAT' LIMIT 1)
     INSERT INTO "AiModel" (id, slug, name, family, "parameterCount", license, "openWeights", developer, "originCountry", description, "registeredById", "updatedAt")
     SELECT gen_random_uuid(), 'bench-model-' || g, ($2::text[])[1 + g % 10] || ' ' || (1 + g % 70) || 'B v' || g, ($2::text[])[1 + g % 10],
            ((1 + g % 70)::bigint * 1000000000), CASE WHEN g % 5 = 0 THEN 'proprietary' ELSE 'apache-2.0' END, g % 5 <> 0,
            'Lab ' || (1 + g % 30), (ARRAY['CN','IN','BR','AE','ZA','ID','RU','EG'])[1 + g % 8], 'Generated for benchmarks.', reg.id, now()
     FROM generate_series(1, $1::int) g, reg`,
    [models, FAMILIES],
  );
  await timed(
    client,
    "benchmarks",
    `INSERT INTO "Benchmark" (id, task, metric, filter, "isGroup", "higherIsBetter")
     SELECT gen_random_uuid(), t, 'acc', 'none', t IN ('mmlu', 'ceval-valid', 'cmmlu'), true FROM unnest($1::text[]) t
     ON CONFLICT (task, metric, filter, "isGroup") DO NOTHING`,
    [TASKS],
  );
  await timed(
    client,
    "leaderboards",
    `INSERT INTO "Leaderboard" (id, "benchmarkId", "taskVersion", "nShot")
     SELECT gen_random_uuid(), b.id, '1', n FROM "Benchmark" b CROSS JOIN (VALUES (0), (5), (10)) AS s(n)
     WHERE b.task = ANY($1::text[]) AND b.metric = 'acc'
     ON CONFLICT ("benchmarkId", COALESCE("taskVersion", ''), COALESCE("nShot", -1)) DO NOTHING`,
    [TASKS],
  );
  // One run per model and benchmark pass; results spread over models × benchmarks.
  await timed(
    client,
    "evaluation runs",
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM "AiModel" WHERE slug LIKE 'bench-model-%'),
          sub AS (SELECT u.id, u."delegationId" FROM "User" u WHERE u.role = 'EXPERT' ORDER BY u.email LIMIT 1)
     INSERT INTO "EvaluationRun" (id, "modelId", source, harness, "harnessVersion", "evaluatedAt", visibility, "isDemo", "resultCount", "submittedById", "delegationId")
     SELECT gen_random_uuid(), m.id, 'MANUAL', 'lm-evaluation-harness', '0.4.' || (r % 8), now() - ((m.n * 3 + r) || ' days')::interval,
            (CASE WHEN r % 4 = 0 THEN 'MEMBERS' ELSE 'PUBLIC' END)::"ResultVisibility", true, 0, sub.id, sub."delegationId"
     FROM m, sub, generate_series(1, $1::int) r`,
    [Math.ceil(results / (models * TASKS.length)) || 1],
  );
  await timed(
    client,
    "evaluation results",
    `WITH runs AS (SELECT r.id, r."modelId", r.visibility, r."evaluatedAt", row_number() OVER (ORDER BY r.id) AS n FROM "EvaluationRun" r
                   JOIN "AiModel" m ON m.id = r."modelId" WHERE m.slug LIKE 'bench-model-%'),
          b AS (SELECT id, task, row_number() OVER (ORDER BY task) AS n FROM "Benchmark" WHERE task = ANY($2::text[]) AND metric = 'acc'),
          pairs AS (SELECT runs.*, b.id AS bid, b.task, row_number() OVER (ORDER BY runs.n, b.n) AS k FROM runs CROSS JOIN b)
     INSERT INTO "EvaluationResult" (id, "runId", "modelId", "benchmarkId", "leaderboardId", score, stderr, "nShot",
                                     "samplesEffective", "samplesOriginal", "isLimited", language, visibility, "evaluatedAt")
     SELECT gen_random_uuid(), p.id, p."modelId", p.bid, l.id, round((0.25 + (abs(hashtext(p.id::text || p.bid::text)) % 7000) / 10000.0)::numeric, 4),
            0.005 + (abs(hashtext(p.bid::text || p.id::text)) % 100) / 10000.0, l."nShot",
            CASE WHEN p.k % 20 = 0 THEN 10 ELSE 1000 END, 1000, p.k % 20 = 0,
            CASE WHEN p.task LIKE 'belebele_hin%' OR p.task LIKE 'indic%' THEN 'hi' WHEN p.task LIKE '%arb%' THEN 'ar' WHEN p.task IN ('ceval-valid','cmmlu') THEN 'zh' ELSE 'en' END,
            p.visibility, p."evaluatedAt"
     FROM pairs p JOIN "Leaderboard" l ON l."benchmarkId" = p.bid AND l."taskVersion" = '1' AND l."nShot" = (p.k % 3) * 5
     WHERE p.k <= $1::int`,
    [results, TASKS],
  );
  await timed(
    client,
    "run result counts",
    `UPDATE "EvaluationRun" r SET "resultCount" = c.n, "limitedCount" = c.limited
     FROM (SELECT "runId", count(*) AS n, count(*) FILTER (WHERE "isLimited") AS limited FROM "EvaluationResult" GROUP BY "runId") c WHERE c."runId" = r.id`,
  );
  await client.query(`ANALYZE "EvaluationResult"`);
  await timed(client, "leaderboard entries", `SELECT concord_refresh_leaderboards(ARRAY(SELECT id FROM "Leaderboard"), NULL)`);
  await timed(
    client,
    "datasets",
    `WITH d AS (SELECT d.id, u.id AS head, row_number() OVER (ORDER BY d.code) AS n FROM "Delegation" d JOIN "User" u ON u."delegationId" = d.id AND u.role = 'HEAD')
     INSERT INTO "Dataset" (id, slug, "stewardDelegationId", "createdById", "originalLanguage", languages, license, modality, "sizeBytes", "recordCount",
                            "residencyCountry", "crossBorder", access, "isDemo", "updatedAt")
     SELECT gen_random_uuid(), 'bench-dataset-' || g, d.id, d.head, ($2::text[])[1 + g % 10], ARRAY[($2::text[])[1 + g % 10], 'en'],
            (ARRAY['CC-BY-4.0','CC-BY-SA-4.0','ODbL-1.0','proprietary'])[1 + g % 4],
            (ARRAY['TEXT','SPEECH','IMAGE','TABULAR','MULTIMODAL'])[1 + g % 5]::"DatasetModality", g::bigint * 1048576, g::bigint * 1000,
            (ARRAY['BR','IN','CN','ZA','EG','ID','AE','RU'])[1 + g % 8],
            (ARRAY['ALLOWED','RESTRICTED','PROHIBITED'])[1 + g % 3]::"CrossBorderTransfer", (ARRAY['OPEN','MEMBERS','ON_REQUEST'])[1 + g % 3]::"DatasetAccess",
            true, now() - (g || ' hours')::interval
     FROM generate_series(1, $1::int) g JOIN d ON d.n = 1 + g % 50`,
    [datasets, LANGS],
  );
  await timed(
    client,
    "dataset texts",
    `INSERT INTO "DatasetText" ("datasetId", language, kind, name, description, "authorId", "updatedAt")
     SELECT id, "originalLanguage", 'ORIGINAL', 'Corpus ' || substr(slug, 15) || ' for ' || "originalLanguage",
            'A generated dataset description: sources, collection method and intended uses.', "createdById", now()
     FROM "Dataset" WHERE slug LIKE 'bench-dataset-%'`,
  );
}
