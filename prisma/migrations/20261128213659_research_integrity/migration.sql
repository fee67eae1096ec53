-- Hand-written migration. It runs in one transaction with its _prisma_migrations
-- row: no BEGIN/COMMIT here, and nothing that cannot run in a transaction
-- (CREATE INDEX CONCURRENTLY).

-- Rules the database itself enforces for models, evaluations and datasets.

-- Scores are finite numbers (PostgreSQL's double precision would accept NaN and infinities).
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_score_finite"
  CHECK (score NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8));
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_stderr"
  CHECK (stderr IS NULL OR (stderr >= 0 AND stderr NOT IN ('NaN'::float8, 'Infinity'::float8)));
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_nShot" CHECK ("nShot" IS NULL OR "nShot" >= 0);
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_resultCount" CHECK ("resultCount" >= 0);
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_file" CHECK (
  ("fileKey" IS NULL) = ("fileSha256" IS NULL) AND ("fileSha256" IS NULL OR "fileSha256" ~ '^[0-9a-f]{64}$')
);
ALTER TABLE "AiModel" ADD CONSTRAINT "AiModel_parameterCount" CHECK ("parameterCount" IS NULL OR "parameterCount" > 0);
ALTER TABLE "AiModel" ADD CONSTRAINT "AiModel_not_own_base" CHECK ("baseModelId" IS NULL OR "baseModelId" <> id);

ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_sizes" CHECK (
  ("sizeBytes" IS NULL OR "sizeBytes" >= 0) AND ("recordCount" IS NULL OR "recordCount" >= 0)
);
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_languages" CHECK (cardinality(languages) >= 1);
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_size" CHECK (size > 0);
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$');

-- A request is decided exactly when it is no longer pending.
ALTER TABLE "DatasetAccessRequest" ADD CONSTRAINT "DatasetAccessRequest_decision" CHECK (
  (status = 'PENDING') = ("decidedAt" IS NULL) AND (status = 'PENDING') = ("decidedById" IS NULL)
);
-- At most one open (pending) or granted (approved) request per dataset and user: two
-- concurrent requests yield one, and an approved user does not ask again.
CREATE UNIQUE INDEX "DatasetAccessRequest_one_open" ON "DatasetAccessRequest" ("datasetId", "requesterId")
  WHERE status IN ('PENDING', 'APPROVED');
