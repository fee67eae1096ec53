-- Rules the database itself enforces, beyond what schema.prisma can say.

-- One head per delegation among active accounts (DESIGN.md: "one per delegation").
CREATE UNIQUE INDEX "User_one_head_per_delegation" ON "User" ("delegationId") WHERE role = 'HEAD' AND "disabledAt" IS NULL;

-- The secretariat belongs to no delegation; emails are stored lower-case; codes are ISO 3166 alpha-2.
ALTER TABLE "User" ADD CONSTRAINT "User_secretariat_no_delegation" CHECK (role <> 'SECRETARIAT' OR "delegationId" IS NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK (email = lower(email));
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_lowercase" CHECK (email = lower(email));
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_code_format" CHECK (code ~ '^[A-Z]{2}$');

-- The audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE (SECURITY.md "Audit and logs").
CREATE FUNCTION concord_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_audit_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION concord_refuse_audit_change();
