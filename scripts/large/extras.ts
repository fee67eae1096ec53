// Bulk generation for strategies and DSI assessments (the research catalogue is in research.ts).
import type pg from "pg";
import { DSI_INDICATORS } from "~/modules/dsi/constants";
import { STRATEGY_SECTORS } from "~/modules/strategy/constants";
import { body, LANGS, timed, type Scale } from "./core";
import { generateResearch } from "./research";

const DIMENSIONS = ["DATA_OWNERSHIP", "DIGITAL_INFRASTRUCTURE", "DIGITAL_GOVERNANCE", "DIGITAL_CAPABILITY"];

export async function generateExtras(client: pg.Client, scale: Scale): Promise<void> {
  await generateStrategies(client, scale);
  await generateAssessments(client);
  await generateResearch(client, scale);
}

async function generateStrategies(client: pg.Client, scale: Scale) {
  const count = Math.max(20, Math.round(500 * scale.factor));
  // Published, mostly public, two versions each, covering two dimensions and two sectors.
  await timed(
    client,
    "strategies",
    `WITH d AS (SELECT d.id, u.id AS head, row_number() OVER (ORDER BY d.code) AS n
                FROM "Delegation" d JOIN "User" u ON u."delegationId" = d.id AND u.role = 'HEAD')
     INSERT INTO "Strategy" (id, slug, "delegationId", "createdById", status, visibility, "originalLanguage", "currentVersion", "publishedVersion",
                             "publishedAt", "supersededAt", dimensions, sectors, languages, "adoptedOn", "lastActivityAt")
     SELECT gen_random_uuid(), 'bench-strategy-' || g, d.id, d.head,
            (CASE WHEN g % 10 = 0 THEN 'SUPERSEDED' WHEN g % 10 = 1 THEN 'DRAFT' ELSE 'IN_FORCE' END)::"StrategyStatus",
            (CASE WHEN g % 4 = 0 THEN 'MEMBERS' ELSE 'PUBLIC' END)::"StrategyVisibility",
            ($2::text[])[1 + g % 10], 2, CASE WHEN g % 10 = 1 THEN NULL ELSE 2 END, CASE WHEN g % 10 = 1 THEN NULL ELSE now() - (g || ' hours')::interval END,
            CASE WHEN g % 10 = 0 THEN now() - (g || ' minutes')::interval END,
            ARRAY[($3::text[])[1 + g % 4], ($3::text[])[1 + (g + 1) % 4]]::"DsiDimension"[],
            ARRAY[($4::text[])[1 + g % array_length($4::text[], 1)], ($4::text[])[1 + (g + 3) % array_length($4::text[], 1)]],
            ARRAY[($2::text[])[1 + g % 10], 'en'], (date '2015-01-01' + (g * 5) % 3650), now() - (g || ' hours')::interval
     FROM generate_series(1, $1::int) g JOIN d ON d.n = 1 + g % 50`,
    [count, LANGS, DIMENSIONS, [...STRATEGY_SECTORS]],
  );
  await timed(
    client,
    "strategy versions",
    `INSERT INTO "StrategyVersion" (id, "strategyId", number, "authorId", "changeNote", "adoptedOn", dimensions, sectors)
     SELECT gen_random_uuid(), s.id, v, s."createdById", CASE WHEN v = 1 THEN '' ELSE 'Updated targets' END, s."adoptedOn", s.dimensions, s.sectors
     FROM "Strategy" s, generate_series(1, 2) v`,
  );
  await timed(
    client,
    "strategy texts",
    `INSERT INTO "StrategyText" (id, "versionId", language, kind, title, summary, "issuingAuthority", "authorId")
     SELECT gen_random_uuid(), v.id, s."originalLanguage", 'ORIGINAL'::"TextKind", 'National strategy for sovereign AI ' || substr(s.slug, 16),
            'How the state builds, governs and uses AI on its own terms.', 'Ministry of Digital Affairs', v."authorId"
     FROM "StrategyVersion" v JOIN "Strategy" s ON s.id = v."strategyId"
     UNION ALL
     SELECT gen_random_uuid(), v.id, 'en', 'OFFICIAL_TRANSLATION'::"TextKind", 'National strategy for sovereign AI (English) ' || substr(s.slug, 16),
            'How the state builds, governs and uses AI on its own terms.', 'Ministry of Digital Affairs', v."authorId"
     FROM "StrategyVersion" v JOIN "Strategy" s ON s.id = v."strategyId" WHERE v.number = 2 AND s."originalLanguage" <> 'en'`,
  );
  await timed(
    client,
    "strategy sections",
    `INSERT INTO "StrategySection" (id, "textId", key, position, heading, body)
     SELECT gen_random_uuid(), t.id, 's-' || s, s - 1, 'Chapter ' || s, ${body("s * 11 + length(t.title)")}
     FROM "StrategyText" t, generate_series(1, 5) s`,
  );
  await timed(
    client,
    "strategy dimension notes",
    `INSERT INTO "StrategyDimensionNote" ("textId", dimension, summary)
     SELECT t.id, dim, 'What this strategy commits to on ' || lower(replace(dim::text, '_', ' ')) || '.'
     FROM "StrategyText" t JOIN "StrategyVersion" v ON v.id = t."versionId" CROSS JOIN LATERAL unnest(v.dimensions) AS dim`,
  );
}

/** Published self-assessments of every member for three years, so profiles have radars and trends. */
async function generateAssessments(client: pg.Client) {
  await timed(
    client,
    "DSI assessments",
    `INSERT INTO "DsiAssessment" (id, "delegationId", year, status, "createdById", "submittedById", "submittedAt", "publishedById", "publishedAt", "updatedAt")
     SELECT gen_random_uuid(), d.id, y, 'PUBLISHED', u.id, u.id, now(), (SELECT id FROM "User" WHERE role = 'SECRETARIAT' LIMIT 1), now(), now()
     FROM "Delegation" d JOIN "User" u ON u."delegationId" = d.id AND u.role = 'HEAD', generate_series(2023, 2025) y
     WHERE d.status = 'MEMBER'`,
  );
  await timed(
    client,
    "DSI indicator values",
    `INSERT INTO "DsiIndicatorValue" ("assessmentId", indicator, value)
     SELECT a.id, k, 20 + (abs(hashtext(a.id::text || k)) % 60) + (a.year - 2023) * 5
     FROM "DsiAssessment" a CROSS JOIN unnest($1::text[]) AS k`,
    [DSI_INDICATORS.map((i) => i.key)],
  );
  // Scores as the weighted mean of each dimension's indicators (the rule in app/modules/dsi/scoring.ts).
  await timed(
    client,
    "DSI scores",
    `INSERT INTO "DsiScore" ("assessmentId", dimension, score)
     SELECT v."assessmentId", i.dimension::"DsiDimension", round(sum(v.value * i.weight)::numeric / sum(i.weight))::int
     FROM "DsiIndicatorValue" v JOIN (SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) AS x(key, dimension, weight)) i ON i.key = v.indicator
     GROUP BY v."assessmentId", i.dimension`,
    [DSI_INDICATORS.map((i) => i.key), DSI_INDICATORS.map((i) => i.dimension), DSI_INDICATORS.map((i) => i.weight)],
  );
}
