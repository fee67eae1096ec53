-- Hand-written migration. It runs in one transaction with its _prisma_migrations
-- row: no BEGIN/COMMIT here, and nothing that cannot run in a transaction
-- (CREATE INDEX CONCURRENTLY).

-- Rules the database itself enforces for strategies and DSI assessments.

ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_versions" CHECK (
  "currentVersion" >= 1 AND ("publishedVersion" IS NULL OR "publishedVersion" BETWEEN 1 AND "currentVersion")
);
-- A draft has never been published; a strategy in force or superseded has a published version.
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_status_published" CHECK ((status = 'DRAFT') = ("publishedVersion" IS NULL));
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_superseded_at" CHECK ((status = 'SUPERSEDED') = ("supersededAt" IS NOT NULL));
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_not_own_successor" CHECK ("supersededById" IS NULL OR "supersededById" <> id);
ALTER TABLE "StrategyVersion" ADD CONSTRAINT "StrategyVersion_number" CHECK (number >= 1);
ALTER TABLE "StrategyAttachment" ADD CONSTRAINT "StrategyAttachment_size" CHECK (size >= 0);
ALTER TABLE "StrategyAttachment" ADD CONSTRAINT "StrategyAttachment_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$');

-- Every save is a new immutable version: versions and original texts are never changed or removed.
-- A translation may be replaced by a newer one of the same version (delete, then insert).
CREATE FUNCTION concord_refuse_strategy_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'strategy versions are immutable: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION concord_refuse_original_text_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  text_id uuid;
  text_kind "TextKind";
BEGIN
  IF TG_TABLE_NAME = 'StrategyText' THEN
    text_kind := OLD.kind;
  ELSE
    text_id := OLD."textId";
    SELECT kind INTO text_kind FROM "StrategyText" WHERE id = text_id;
  END IF;
  IF text_kind = 'ORIGINAL' THEN
    RAISE EXCEPTION 'the original text of a strategy version is immutable: DELETE on % refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER "StrategyVersion_immutable" BEFORE UPDATE OR DELETE ON "StrategyVersion"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_strategy_change();
CREATE TRIGGER "StrategyText_no_update" BEFORE UPDATE ON "StrategyText"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_strategy_change();
CREATE TRIGGER "StrategySection_no_update" BEFORE UPDATE ON "StrategySection"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_strategy_change();
CREATE TRIGGER "StrategyDimensionNote_no_update" BEFORE UPDATE ON "StrategyDimensionNote"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_strategy_change();
CREATE TRIGGER "StrategyText_original_kept" BEFORE DELETE ON "StrategyText"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_original_text_delete();
CREATE TRIGGER "StrategySection_original_kept" BEFORE DELETE ON "StrategySection"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_original_text_delete();
CREATE TRIGGER "StrategyDimensionNote_original_kept" BEFORE DELETE ON "StrategyDimensionNote"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_original_text_delete();

-- DSI: scores and indicator values are on a 0–100 scale; years are plausible.
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_year" CHECK (year BETWEEN 2000 AND 2100);
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_revision" CHECK (revision >= 1);
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_published" CHECK ((status = 'PUBLISHED') = ("publishedAt" IS NOT NULL));
ALTER TABLE "DsiIndicatorValue" ADD CONSTRAINT "DsiIndicatorValue_range" CHECK (value BETWEEN 0 AND 100);
ALTER TABLE "DsiScore" ADD CONSTRAINT "DsiScore_range" CHECK (score BETWEEN 0 AND 100);
