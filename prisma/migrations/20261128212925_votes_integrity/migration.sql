-- Voting rules the database itself enforces.

-- At most one open vote per proposal.
CREATE UNIQUE INDEX "Vote_one_open_per_proposal" ON "Vote" ("proposalId") WHERE status = 'OPEN';

ALTER TABLE "Vote" ADD CONSTRAINT "Vote_quorum_percent" CHECK ("quorumPercent" BETWEEN 0 AND 100);
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_closed_has_outcome" CHECK ((status = 'OPEN') = (outcome IS NULL AND "closedAt" IS NULL));

-- Ballot history is append-only, like the audit log.
CREATE TRIGGER "BallotHistory_append_only" BEFORE UPDATE OR DELETE ON "BallotHistory"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_audit_change();
