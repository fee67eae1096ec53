-- Hand-written migration. It runs in one transaction with its _prisma_migrations
-- row: no BEGIN/COMMIT here, and nothing that cannot run in a transaction
-- (CREATE INDEX CONCURRENTLY).
--
-- Search across the portal (docs/decisions/012-search-in-postgresql.md).
--
-- One table, "SearchEntry", holds a weighted tsvector for every text that
-- search finds: each language version of each proposal and strategy version,
-- comments, amendments, models, benchmarks, each language version of each
-- dataset entry, and people. Statement-level triggers on the source tables
-- keep it in the same transaction as the text it indexes: no job to fall behind.
-- Who may read what is not stored here: the search query joins the source
-- tables (proposal stage and current version, strategy publication and
-- visibility) so that the rules stay those of the rest of the portal.
--
-- Each language is indexed with its own text search configuration (stemming
-- where PostgreSQL has a stemmer, unaccent where accents vary in writing);
-- Chinese and Persian have no stemmer: `simple`, with every Chinese character
-- made a word of its own (a word of several characters is then searched as a
-- phrase of adjacent characters), and pg_trgm for typo-tolerant titles and names.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Text search configurations: the built-in stemmers, with accents removed first
-- for the Latin-script languages (a query typed without accents finds "données").
CREATE TEXT SEARCH CONFIGURATION concord_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION concord_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION concord_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION concord_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION concord_portuguese (COPY = pg_catalog.portuguese);
ALTER TEXT SEARCH CONFIGURATION concord_portuguese ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
CREATE TEXT SEARCH CONFIGURATION concord_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION concord_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION concord_indonesian (COPY = pg_catalog.indonesian);
ALTER TEXT SEARCH CONFIGURATION concord_indonesian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, indonesian_stem;
CREATE TEXT SEARCH CONFIGURATION concord_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION concord_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- The configuration group of a language (app/modules/search/constants.ts lists the same).
CREATE FUNCTION concord_search_group(lang text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lang
    WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' WHEN 'es' THEN 'spanish'
    WHEN 'id' THEN 'indonesian' WHEN 'ru' THEN 'russian' WHEN 'ar' THEN 'arabic' WHEN 'hi' THEN 'hindi'
    ELSE 'simple' END
$$;

CREATE FUNCTION concord_search_config(grp text) RETURNS regconfig LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (CASE grp
    WHEN 'english' THEN 'concord_english' WHEN 'french' THEN 'concord_french' WHEN 'portuguese' THEN 'concord_portuguese'
    WHEN 'spanish' THEN 'concord_spanish' WHEN 'indonesian' THEN 'concord_indonesian'
    WHEN 'russian' THEN 'pg_catalog.russian' WHEN 'arabic' THEN 'pg_catalog.arabic' WHEN 'hindi' THEN 'pg_catalog.hindi'
    ELSE 'concord_simple' END)::regconfig
$$;

-- Text as the parser should see it, for documents and queries alike:
--  * U+E000–U+E003 are ours (highlight marks and separators): removed from the input;
--  * Arabic diacritics and tatweel are dropped (written or not, the word is the same);
--  * ZWNJ (Persian "می‌خواهم", "داده‌ها") becomes U+E002, which separates words
--    and is turned back into ZWNJ when a snippet is shown;
--  * in the `simple` group (Chinese, Persian), Arabic yeh and kaf are read as the Persian letters;
--  * each Chinese (and Japanese kana) character is set apart by U+E003, which the
--    parser treats as a separator and snippets drop again.
-- The first 100,000 characters of each part of a document are indexed.
-- (A single expression with no FROM, like the functions below, so that PostgreSQL
-- inlines it into the statements that call it: indexing 200,000 comments in one
-- statement then costs no function call per row.)
CREATE FUNCTION concord_search_prepare(grp text, t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    -- Plain ASCII (most English text) needs none of this: counting bytes is cheaper than any pattern.
    WHEN octet_length(t) = char_length(t) THEN left(t, 100000)
    ELSE regexp_replace(
      translate(
        CASE WHEN grp = 'simple' THEN translate(left(coalesce(t, ''), 100000), 'يكى', 'یکی') ELSE left(coalesce(t, ''), 100000) END,
        E'\u200c\ue000\ue001\ue002\ue003\u0640\u0670\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f', E'\ue002'),
      '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])', E'\ue003\\1\ue003', 'g')
  END
$$;

-- A weighted document: A for titles and names, B for headings and short metadata, C for bodies.
CREATE FUNCTION concord_search_doc(grp text, a text, b text, c text) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN coalesce(a, '') = '' THEN ''::tsvector ELSE setweight(to_tsvector(concord_search_config(grp), concord_search_prepare(grp, a)), 'A') END
      || CASE WHEN coalesce(b, '') = '' THEN ''::tsvector ELSE setweight(to_tsvector(concord_search_config(grp), concord_search_prepare(grp, b)), 'B') END
      || CASE WHEN coalesce(c, '') = '' THEN ''::tsvector ELSE setweight(to_tsvector(concord_search_config(grp), concord_search_prepare(grp, c)), 'C') END
$$;

-- The query for one configuration group, from a websearch-syntax string (never raises an error).
CREATE FUNCTION concord_search_query(grp text, q text) RETURNS tsquery LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT websearch_to_tsquery(concord_search_config(grp), concord_search_prepare(grp, q))
$$;

-- The language of a text without a declared one (comments, amendments, model
-- cards), from its script; Latin script takes the given fallback when it is a
-- Latin-script language, else English.
CREATE FUNCTION concord_search_guess_language(t text, fallback text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN t !~ '[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]'
      THEN CASE WHEN fallback IN ('en', 'fr', 'pt', 'es', 'id') THEN fallback ELSE 'en' END
    WHEN t ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' THEN 'zh'
    WHEN t ~ '[\u0400-\u04ff]' THEN 'ru'
    WHEN t ~ '[\u0900-\u097f]' THEN 'hi'
    WHEN t ~ '[\u067e\u0686\u0698\u06a9\u06af\u06cc]' THEN 'fa'
    ELSE 'ar' END
$$;

CREATE TABLE "SearchEntry" (
  -- proposal | strategy | comment | amendment | model | benchmark | dataset | person
  "kind"         text        NOT NULL,
  -- The indexed row: ProposalText, StrategyText, Comment, Amendment, AiModel, Benchmark, User; for a
  -- dataset's language version, a UUID derived from the dataset and the language.
  "sourceId"     uuid        NOT NULL,
  -- The language of the text ('' for models, benchmarks and people; guessed from the script for comments and amendments).
  "language"     text        NOT NULL,
  -- What a result leads to: the proposal, strategy, dataset, model, benchmark or person (for comments and amendments: their proposal).
  "objectId"     uuid        NOT NULL,
  -- Proposal and strategy texts: the version's number (comments: the version commented on; amendments: the version amended).
  "version"      integer,
  -- The text search configuration group (concord_search_group).
  "config"       text        NOT NULL,
  -- The owning delegation: lead, author's, steward, registrant's, the person's own.
  "delegationId" uuid,
  -- Amendments: their status.
  "status"       text,
  -- When the text was written or last changed (tie-break, year filter, "newest" sort).
  "at"           timestamptz NOT NULL,
  -- Title or name without accents, for typo-tolerant matching (pg_trgm).
  "name"         text,
  "doc"          tsvector    NOT NULL,
  PRIMARY KEY ("kind", "sourceId")
);
-- Comments are most of the entries and members-only: in an index of their own,
-- so that a search that cannot see them does not wade through them.
CREATE INDEX "SearchEntry_doc_idx" ON "SearchEntry" USING gin ("doc") WHERE "kind" <> 'comment';
CREATE INDEX "SearchEntry_comment_doc_idx" ON "SearchEntry" USING gin ("doc") WHERE "kind" = 'comment';
-- Comments are ranked among the most recent that match: for a common word, walking them newest first is quicker than finding them all.
CREATE INDEX "SearchEntry_comment_at_idx" ON "SearchEntry" ("at") WHERE "kind" = 'comment';
CREATE INDEX "SearchEntry_name_idx" ON "SearchEntry" USING gin ("name" gin_trgm_ops) WHERE "name" IS NOT NULL;
-- Datasets are re-indexed by dataset, earlier versions of texts removed by proposal or
-- strategy; and a query naming a delegation finds what it owns. Comments need neither.
CREATE INDEX "SearchEntry_object_idx" ON "SearchEntry" ("objectId") WHERE "kind" IN ('dataset', 'proposal', 'strategy');
CREATE INDEX "SearchEntry_owner_idx" ON "SearchEntry" ("delegationId") WHERE "kind" IN ('proposal', 'strategy', 'dataset', 'model');

-- ---------------------------------------------------------------------------
-- Indexing, set-based: each function (re)writes the entries of the given rows.

-- Each function writes the entries of the given rows (insert or update: two
-- transactions indexing the same row wait for each other instead of failing),
-- then removes those that should not be there any more (texts deleted,
-- comments hidden, people disabled). Rows are joined through unnest(), so a
-- bulk insert of 200,000 comments is one hash join, not a scan per id.

CREATE FUNCTION concord_search_index_proposal_texts(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'proposal', t.id, t.language, v."proposalId", v.number, g.grp, p."leadDelegationId", NULL, t."createdAt", unaccent(t.title),
         concord_search_doc(g.grp, t.title, s.headings, s.bodies)
  FROM unnest(ids) AS i(id)
  JOIN "ProposalText" t ON t.id = i.id
  JOIN "ProposalVersion" v ON v.id = t."versionId"
  JOIN "Proposal" p ON p.id = v."proposalId"
  CROSS JOIN LATERAL (SELECT concord_search_group(t.language) AS grp) g
  CROSS JOIN LATERAL (SELECT max(lv.number) AS newest FROM "ProposalVersion" lv WHERE lv."proposalId" = v."proposalId") latest
  CROSS JOIN LATERAL (
    SELECT string_agg(sec.heading, E'\n' ORDER BY sec.position) AS headings, string_agg(sec.body, E'\n\n' ORDER BY sec.position) AS bodies
    FROM "ProposalSection" sec WHERE sec."textId" = t.id) s
  WHERE v.number = latest.newest
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'proposal' AND e."sourceId" = i.id AND NOT EXISTS (SELECT 1 FROM "ProposalText" t WHERE t.id = i.id);
  -- Earlier versions of the same proposals: never found (search shows the current or the adopted version, the newest).
  DELETE FROM "SearchEntry" e
  USING (SELECT v."proposalId", max(lv.number) AS newest
         FROM unnest(ids) AS i(id) JOIN "ProposalText" t ON t.id = i.id JOIN "ProposalVersion" v ON v.id = t."versionId"
         JOIN "ProposalVersion" lv ON lv."proposalId" = v."proposalId"
         GROUP BY v."proposalId") latest
  WHERE e.kind = 'proposal' AND e."objectId" = latest."proposalId" AND e.version < latest.newest;
$$;

CREATE FUNCTION concord_search_index_strategy_texts(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'strategy', t.id, t.language, v."strategyId", v.number, g.grp, st."delegationId", NULL, t."createdAt", unaccent(t.title),
         concord_search_doc(g.grp, t.title, concat_ws(E'\n', t.summary, t."issuingAuthority", s.headings), concat_ws(E'\n\n', s.bodies, n.notes))
  FROM unnest(ids) AS i(id)
  JOIN "StrategyText" t ON t.id = i.id
  JOIN "StrategyVersion" v ON v.id = t."versionId"
  JOIN "Strategy" st ON st.id = v."strategyId"
  CROSS JOIN LATERAL (SELECT concord_search_group(t.language) AS grp) g
  CROSS JOIN LATERAL (SELECT max(lv.number) AS newest FROM "StrategyVersion" lv WHERE lv."strategyId" = v."strategyId") latest
  CROSS JOIN LATERAL (
    SELECT string_agg(sec.heading, E'\n' ORDER BY sec.position) AS headings, string_agg(sec.body, E'\n\n' ORDER BY sec.position) AS bodies
    FROM "StrategySection" sec WHERE sec."textId" = t.id) s
  CROSS JOIN LATERAL (SELECT string_agg(dn.summary, E'\n' ORDER BY dn.dimension) AS notes FROM "StrategyDimensionNote" dn WHERE dn."textId" = t.id) n
  WHERE v.number = latest.newest OR v.number = st."publishedVersion"
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'strategy' AND e."sourceId" = i.id AND NOT EXISTS (SELECT 1 FROM "StrategyText" t WHERE t.id = i.id);
  -- Versions that are neither the newest nor the published one: never found.
  DELETE FROM "SearchEntry" e
  USING (SELECT v."strategyId", max(lv.number) AS newest, st."publishedVersion"
         FROM unnest(ids) AS i(id) JOIN "StrategyText" t ON t.id = i.id JOIN "StrategyVersion" v ON v.id = t."versionId"
         JOIN "Strategy" st ON st.id = v."strategyId" JOIN "StrategyVersion" lv ON lv."strategyId" = v."strategyId"
         GROUP BY v."strategyId", st."publishedVersion") latest
  WHERE e.kind = 'strategy' AND e."objectId" = latest."strategyId" AND e.version < latest.newest
    AND e.version IS DISTINCT FROM latest."publishedVersion";
$$;

-- Hidden comments are never indexed: hiding one removes its entry. `fresh`: the
-- comments were just inserted, so there is nothing to remove (bulk inserts skip that pass).
CREATE FUNCTION concord_search_index_comments(ids uuid[], fresh boolean DEFAULT false) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'comment', c.id, l.lang, c."proposalId", c."versionNumber", l.grp, c."delegationId", NULL, c."createdAt", NULL,
         concord_search_doc(l.grp, NULL, NULL, c.body)
  FROM unnest(ids) AS i(id)
  JOIN "Comment" c ON c.id = i.id
  JOIN "User" u ON u.id = c."authorId"
  CROSS JOIN LATERAL (SELECT x.lang, concord_search_group(x.lang) AS grp FROM (SELECT concord_search_guess_language(c.body, u.locale) AS lang) x) l
  WHERE c."hiddenAt" IS NULL
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE NOT fresh AND e.kind = 'comment' AND e."sourceId" = i.id
    AND NOT EXISTS (SELECT 1 FROM "Comment" c WHERE c.id = i.id AND c."hiddenAt" IS NULL);
$$;

CREATE FUNCTION concord_search_index_amendments(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'amendment', a.id, l.lang, a."proposalId", a."baseVersion", l.grp, a."delegationId", a.status::text, a."createdAt", NULL,
         concord_search_doc(l.grp, NULL, a.heading, concat_ws(E'\n\n', a.body, a.rationale))
  FROM unnest(ids) AS i(id)
  JOIN "Amendment" a ON a.id = i.id
  JOIN "Proposal" p ON p.id = a."proposalId"
  CROSS JOIN LATERAL (SELECT x.lang, concord_search_group(x.lang) AS grp
                      FROM (SELECT concord_search_guess_language(a.heading || ' ' || a.body, p."originalLanguage") AS lang) x) l
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'amendment' AND e."sourceId" = i.id AND NOT EXISTS (SELECT 1 FROM "Amendment" a WHERE a.id = i.id);
$$;

CREATE FUNCTION concord_search_index_models(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'model', m.id, '', m.id, NULL, 'english', m."delegationId", NULL, m."updatedAt", unaccent(m.name),
         concord_search_doc('english', m.name, concat_ws(' ', m.family, m.developer, m.repository), concat_ws(E'\n', m.description, m.license))
  FROM unnest(ids) AS i(id)
  JOIN "AiModel" m ON m.id = i.id
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'model' AND e."sourceId" = i.id AND NOT EXISTS (SELECT 1 FROM "AiModel" m WHERE m.id = i.id);
$$;

CREATE FUNCTION concord_search_index_benchmarks(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'benchmark', b.id, '', b.id, NULL, 'english', NULL, NULL, b."createdAt", replace(b.task, '_', ' '),
         concord_search_doc('english', replace(b.task, '_', ' '), b.metric, b.filter)
  FROM unnest(ids) AS i(id)
  JOIN "Benchmark" b ON b.id = i.id
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'benchmark' AND e."sourceId" = i.id AND NOT EXISTS (SELECT 1 FROM "Benchmark" b WHERE b.id = i.id);
$$;

-- A dataset has one entry per language version of its name and description
-- (its source id is derived from the dataset and the language); `ids` are datasets.
CREATE FUNCTION concord_search_index_datasets(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'dataset', md5(d.id::text || ':' || t.language)::uuid, t.language, d.id, NULL, g.grp, d."stewardDelegationId", NULL, d."updatedAt",
         unaccent(t.name), concord_search_doc(g.grp, t.name, concat_ws(' ', d.license, d."residencyNote"), t.description)
  FROM unnest(ids) AS i(id)
  JOIN "Dataset" d ON d.id = i.id
  JOIN "DatasetText" t ON t."datasetId" = d.id
  CROSS JOIN LATERAL (SELECT concord_search_group(t.language) AS grp) g
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'dataset' AND e."objectId" = i.id
    AND NOT EXISTS (SELECT 1 FROM "DatasetText" t WHERE t."datasetId" = i.id AND t.language = e.language);
$$;

-- People are found by name when they belong to a delegation and their account is active.
CREATE FUNCTION concord_search_index_people(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchEntry" ("kind", "sourceId", "language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc")
  SELECT 'person', u.id, '', u.id, NULL, 'simple', u."delegationId", NULL, u."createdAt", unaccent(u.name),
         concord_search_doc('simple', u.name, NULL, NULL)
  FROM unnest(ids) AS i(id)
  JOIN "User" u ON u.id = i.id
  WHERE u."delegationId" IS NOT NULL AND u."disabledAt" IS NULL
  ON CONFLICT ("kind", "sourceId") DO UPDATE SET ("language", "objectId", "version", "config", "delegationId", "status", "at", "name", "doc") =
    (EXCLUDED."language", EXCLUDED."objectId", EXCLUDED."version", EXCLUDED."config", EXCLUDED."delegationId", EXCLUDED."status", EXCLUDED."at", EXCLUDED."name", EXCLUDED."doc");
  DELETE FROM "SearchEntry" e USING unnest(ids) AS i(id)
  WHERE e.kind = 'person' AND e."sourceId" = i.id
    AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = i.id AND u."delegationId" IS NOT NULL AND u."disabledAt" IS NULL);
$$;

-- ---------------------------------------------------------------------------
-- Triggers: one statement-level trigger per table and event, with transition
-- tables, so a bulk insert is indexed in one set-based pass. They run as the
-- owner of the schema (SECURITY DEFINER), so the application's database role
-- needs no write access to "SearchEntry".

CREATE FUNCTION concord_search_on_proposal_text() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'proposal' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_proposal_texts(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_proposal_section() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM concord_search_index_proposal_texts(ARRAY(SELECT DISTINCT "textId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM concord_search_index_proposal_texts(ARRAY(SELECT "textId" FROM new_rows UNION SELECT "textId" FROM old_rows));
  ELSE
    PERFORM concord_search_index_proposal_texts(ARRAY(SELECT DISTINCT "textId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_strategy_text() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'strategy' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_strategy_texts(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

-- Sections and dimension notes of a strategy text.
CREATE FUNCTION concord_search_on_strategy_part() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM concord_search_index_strategy_texts(ARRAY(SELECT DISTINCT "textId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM concord_search_index_strategy_texts(ARRAY(SELECT "textId" FROM new_rows UNION SELECT "textId" FROM old_rows));
  ELSE
    PERFORM concord_search_index_strategy_texts(ARRAY(SELECT DISTINCT "textId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_comment() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'comment' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_comments(ARRAY(SELECT id FROM new_rows), TG_OP = 'INSERT');
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_amendment() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'amendment' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_amendments(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_model() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'model' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_models(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_benchmark() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'benchmark' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_benchmarks(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

-- The dataset row (steward, licence, residency note, last change) and its language versions.
CREATE FUNCTION concord_search_on_dataset() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'dataset' AND "objectId" IN (SELECT id FROM old_rows);
  ELSE
    PERFORM concord_search_index_datasets(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_dataset_text() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM concord_search_index_datasets(ARRAY(SELECT DISTINCT "datasetId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM concord_search_index_datasets(ARRAY(SELECT "datasetId" FROM new_rows UNION SELECT "datasetId" FROM old_rows));
  ELSE
    PERFORM concord_search_index_datasets(ARRAY(SELECT DISTINCT "datasetId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION concord_search_on_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE kind = 'person' AND "sourceId" IN (SELECT id FROM old_rows);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM concord_search_index_people(ARRAY(SELECT id FROM new_rows));
  ELSE
    -- Only a change of name, delegation or active state matters (sign-ins and second factors do not).
    PERFORM concord_search_index_people(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.name IS DISTINCT FROM o.name OR n."delegationId" IS DISTINCT FROM o."delegationId" OR n."disabledAt" IS DISTINCT FROM o."disabledAt"));
  END IF;
  RETURN NULL;
END $$;

-- Trigger functions run with a fixed search path: this schema, then pg_temp.
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['concord_search_on_proposal_text', 'concord_search_on_proposal_section', 'concord_search_on_strategy_text',
    'concord_search_on_strategy_part', 'concord_search_on_comment', 'concord_search_on_amendment', 'concord_search_on_model',
    'concord_search_on_benchmark', 'concord_search_on_dataset', 'concord_search_on_dataset_text', 'concord_search_on_user'] LOOP
    EXECUTE format('ALTER FUNCTION %I() SET search_path = %I, pg_temp', f, current_schema());
  END LOOP;
END $$;

CREATE TRIGGER "ProposalText_search_insert" AFTER INSERT ON "ProposalText" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_proposal_text();
CREATE TRIGGER "ProposalText_search_update" AFTER UPDATE ON "ProposalText" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_proposal_text();
CREATE TRIGGER "ProposalText_search_delete" AFTER DELETE ON "ProposalText" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_proposal_text();

CREATE TRIGGER "ProposalSection_search_insert" AFTER INSERT ON "ProposalSection" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_proposal_section();
CREATE TRIGGER "ProposalSection_search_update" AFTER UPDATE ON "ProposalSection" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_proposal_section();
CREATE TRIGGER "ProposalSection_search_delete" AFTER DELETE ON "ProposalSection" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_proposal_section();

CREATE TRIGGER "StrategyText_search_insert" AFTER INSERT ON "StrategyText" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_text();
CREATE TRIGGER "StrategyText_search_update" AFTER UPDATE ON "StrategyText" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_text();
CREATE TRIGGER "StrategyText_search_delete" AFTER DELETE ON "StrategyText" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_text();

CREATE TRIGGER "StrategySection_search_insert" AFTER INSERT ON "StrategySection" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_part();
CREATE TRIGGER "StrategySection_search_update" AFTER UPDATE ON "StrategySection" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_part();
CREATE TRIGGER "StrategySection_search_delete" AFTER DELETE ON "StrategySection" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_part();

CREATE TRIGGER "StrategyDimensionNote_search_insert" AFTER INSERT ON "StrategyDimensionNote" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_part();
CREATE TRIGGER "StrategyDimensionNote_search_update" AFTER UPDATE ON "StrategyDimensionNote" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_part();
CREATE TRIGGER "StrategyDimensionNote_search_delete" AFTER DELETE ON "StrategyDimensionNote" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_strategy_part();

CREATE TRIGGER "Comment_search_insert" AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_comment();
CREATE TRIGGER "Comment_search_update" AFTER UPDATE ON "Comment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_comment();
CREATE TRIGGER "Comment_search_delete" AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_comment();

CREATE TRIGGER "Amendment_search_insert" AFTER INSERT ON "Amendment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_amendment();
CREATE TRIGGER "Amendment_search_update" AFTER UPDATE ON "Amendment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_amendment();
CREATE TRIGGER "Amendment_search_delete" AFTER DELETE ON "Amendment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_amendment();

CREATE TRIGGER "AiModel_search_insert" AFTER INSERT ON "AiModel" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_model();
CREATE TRIGGER "AiModel_search_update" AFTER UPDATE ON "AiModel" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_model();
CREATE TRIGGER "AiModel_search_delete" AFTER DELETE ON "AiModel" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_model();

CREATE TRIGGER "Benchmark_search_insert" AFTER INSERT ON "Benchmark" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_benchmark();
CREATE TRIGGER "Benchmark_search_update" AFTER UPDATE ON "Benchmark" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_benchmark();
CREATE TRIGGER "Benchmark_search_delete" AFTER DELETE ON "Benchmark" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_benchmark();

CREATE TRIGGER "Dataset_search_update" AFTER UPDATE ON "Dataset" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_dataset();
CREATE TRIGGER "Dataset_search_delete" AFTER DELETE ON "Dataset" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_dataset();

CREATE TRIGGER "DatasetText_search_insert" AFTER INSERT ON "DatasetText" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_dataset_text();
CREATE TRIGGER "DatasetText_search_update" AFTER UPDATE ON "DatasetText" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_dataset_text();
CREATE TRIGGER "DatasetText_search_delete" AFTER DELETE ON "DatasetText" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_dataset_text();

CREATE TRIGGER "User_search_insert" AFTER INSERT ON "User" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_user();
CREATE TRIGGER "User_search_update" AFTER UPDATE ON "User" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_user();
CREATE TRIGGER "User_search_delete" AFTER DELETE ON "User" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concord_search_on_user();

-- What is already there.
SELECT concord_search_index_proposal_texts(ARRAY(SELECT id FROM "ProposalText"));
SELECT concord_search_index_strategy_texts(ARRAY(SELECT id FROM "StrategyText"));
SELECT concord_search_index_comments(ARRAY(SELECT id FROM "Comment"));
SELECT concord_search_index_amendments(ARRAY(SELECT id FROM "Amendment"));
SELECT concord_search_index_models(ARRAY(SELECT id FROM "AiModel"));
SELECT concord_search_index_benchmarks(ARRAY(SELECT id FROM "Benchmark"));
SELECT concord_search_index_datasets(ARRAY(SELECT id FROM "Dataset"));
SELECT concord_search_index_people(ARRAY(SELECT id FROM "User"));
