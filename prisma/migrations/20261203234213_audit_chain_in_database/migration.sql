-- The audit chain is computed by the database on insert (chain version 2), so
-- that no writer — not even a compromised application — can record an event
-- with a wrong hash or fork the chain. Version 2 hashes the SHA-256 of the
-- event's data rather than the data itself, so that personal data in an event
-- can later be redacted (erasure of a person) while the chain still verifies.
-- Events written before this migration keep chain version 1 and are verified
-- as they always were. See docs/decisions/014-database-roles-and-audit-chain.md.

-- Existing rows are version 1; the default for new rows is set after.
ALTER TABLE "AuditEvent" ADD COLUMN "chainVersion" SMALLINT NOT NULL DEFAULT 1,
ADD COLUMN "dataSha256" CHAR(64),
ADD COLUMN "redactedAt" TIMESTAMPTZ(3);
ALTER TABLE "AuditEvent" ALTER COLUMN "chainVersion" SET DEFAULT 2;

-- A chain cannot fork: no two events follow the same one.
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");

ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_chainVersion" CHECK ("chainVersion" IN (1, 2));
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_dataSha256" CHECK (
  ("chainVersion" = 1 AND "dataSha256" IS NULL) OR ("chainVersion" = 2 AND "dataSha256" ~ '^[0-9a-f]{64}$')
);

-- Version 2 hash: SHA-256 (hex) of these lines joined by "\n" (UTF-8):
--   concord-audit-v2
--   previous hash
--   occurredAt, UTC, ISO 8601 with milliseconds (2026-12-03T10:00:00.000Z)
--   actorId (empty when none)
--   delegationId (empty when none)
--   act, objectType, objectId, each as the hex of its UTF-8 bytes
--   dataSha256: SHA-256 (hex) of `data` as PostgreSQL writes it (data::text)
CREATE FUNCTION concord_audit_hash_v2(e "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\n',
    'concord-audit-v2',
    e."prevHash",
    to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    coalesce(e."actorId"::text, ''),
    coalesce(e."delegationId"::text, ''),
    encode(convert_to(e.act, 'UTF8'), 'hex'),
    encode(convert_to(e."objectType", 'UTF8'), 'hex'),
    encode(convert_to(e."objectId", 'UTF8'), 'hex'),
    e."dataSha256"
  ), 'UTF8')), 'hex')
$$;

-- Fills in the chain of every new event: the time (the database's clock), the
-- previous hash, the data digest and the hash. A writer may send prevHash and
-- hash to have them checked; a wrong one is refused.
CREATE FUNCTION concord_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  expected text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    -- A snapshot older than the last event would not see it, and the unique prevHash would refuse the insert anyway.
    RAISE EXCEPTION 'audit events are written in READ COMMITTED transactions only' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  -- One writer at a time; the key is the one the application used before this migration.
  PERFORM pg_advisory_xact_lock(727001);
  SELECT seq, hash INTO last_seq, last_hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1;
  -- The serial default was drawn before the lock: draw again if a concurrent writer overtook us.
  IF last_seq IS NOT NULL AND NEW.seq <= last_seq THEN
    NEW.seq := nextval(pg_get_serial_sequence('"AuditEvent"', 'seq'));
  END IF;
  expected := coalesce(last_hash, repeat('0', 64));
  IF NEW."prevHash" IS NOT NULL AND NEW."prevHash" <> expected THEN
    RAISE EXCEPTION 'audit event refused: prevHash % is not the hash of the last event', NEW."prevHash" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  NEW."prevHash" := expected;
  NEW."chainVersion" := 2;
  NEW."redactedAt" := NULL;
  NEW."occurredAt" := date_trunc('milliseconds', clock_timestamp());
  NEW.data := coalesce(NEW.data, '{}'::jsonb);
  NEW."dataSha256" := encode(sha256(convert_to(NEW.data::text, 'UTF8')), 'hex');
  expected := concord_audit_hash_v2(NEW);
  IF NEW.hash IS NOT NULL AND NEW.hash <> expected THEN
    RAISE EXCEPTION 'audit event refused: its hash does not match its content' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  NEW.hash := expected;
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION concord_audit_chain();

-- Append-only, with one exception: redacting the data of an event (see
-- concord_redact_audit_data below). Nothing else of an event ever changes.
CREATE FUNCTION concord_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('concord.audit_redaction', true) = 'on'
     AND OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
     AND NEW.data = '{"redacted": true}'::jsonb
     AND (NEW.seq, NEW."occurredAt", NEW."actorId", NEW."delegationId", NEW.act, NEW."objectType", NEW."objectId",
          NEW."prevHash", NEW.hash, NEW."chainVersion", NEW."dataSha256")
         IS NOT DISTINCT FROM
         (OLD.seq, OLD."occurredAt", OLD."actorId", OLD."delegationId", OLD.act, OLD."objectType", OLD."objectId",
          OLD."prevHash", OLD.hash, OLD."chainVersion", OLD."dataSha256")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION concord_audit_append_only();

-- Erasure of a person (docs/decisions/013-personal-data.md): replaces the data
-- of the events that hold the given email address as a value with a redaction
-- marker. Runs with its owner's rights (the application role may not UPDATE
-- the table); returns how many events it redacted.
CREATE FUNCTION concord_redact_audit_email(email text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  redacted integer;
BEGIN
  IF email IS NULL OR email !~ '^[^@\s]+@[^@\s]+$' THEN
    RAISE EXCEPTION 'not an email address' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('concord.audit_redaction', 'on', true);
  UPDATE "AuditEvent"
     SET data = '{"redacted": true}'::jsonb, "redactedAt" = date_trunc('milliseconds', clock_timestamp())
   WHERE "redactedAt" IS NULL
     AND jsonb_path_exists(data, '$.** ? (@ == $email)', jsonb_build_object('email', lower(email)));
  GET DIAGNOSTICS redacted = ROW_COUNT;
  PERFORM set_config('concord.audit_redaction', 'off', true);
  RETURN redacted;
END
$$;
REVOKE EXECUTE ON FUNCTION concord_redact_audit_email(text) FROM PUBLIC;
