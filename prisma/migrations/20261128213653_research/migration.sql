-- CreateEnum
CREATE TYPE "ResultVisibility" AS ENUM ('PUBLIC', 'MEMBERS');

-- CreateEnum
CREATE TYPE "EvaluationSource" AS ENUM ('LM_EVAL_IMPORT', 'MANUAL');

-- CreateEnum
CREATE TYPE "DatasetAccess" AS ENUM ('OPEN', 'MEMBERS', 'ON_REQUEST');

-- CreateEnum
CREATE TYPE "CrossBorderTransfer" AS ENUM ('ALLOWED', 'RESTRICTED', 'PROHIBITED');

-- CreateEnum
CREATE TYPE "DatasetModality" AS ENUM ('TEXT', 'SPEECH', 'IMAGE', 'VIDEO', 'TABULAR', 'MULTIMODAL', 'OTHER');

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED');

-- CreateTable
CREATE TABLE "AiModel" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "baseModelId" UUID,
    "parameterCount" BIGINT,
    "license" TEXT NOT NULL,
    "openWeights" BOOLEAN NOT NULL,
    "developer" TEXT NOT NULL,
    "originCountry" CHAR(2),
    "repository" TEXT,
    "url" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "registeredById" UUID NOT NULL,
    "delegationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AiModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Benchmark" (
    "id" UUID NOT NULL,
    "task" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "filter" TEXT NOT NULL DEFAULT 'none',
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Benchmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "source" "EvaluationSource" NOT NULL,
    "harness" TEXT NOT NULL,
    "harnessVersion" TEXT,
    "gitHash" TEXT,
    "modelBackend" TEXT,
    "modelArgs" TEXT,
    "modelSha" TEXT,
    "taskHashes" JSONB NOT NULL DEFAULT '{}',
    "evaluatedAt" TIMESTAMPTZ(3) NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "visibility" "ResultVisibility" NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileSize" INTEGER,
    "fileSha256" CHAR(64),
    "resultCount" INTEGER NOT NULL DEFAULT 0,
    "submittedById" UUID NOT NULL,
    "delegationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "benchmarkId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "stderr" DOUBLE PRECISION,
    "nShot" INTEGER,
    "language" TEXT NOT NULL,
    "visibility" "ResultVisibility" NOT NULL,
    "evaluatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "stewardDelegationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "originalLanguage" TEXT NOT NULL,
    "languages" TEXT[],
    "license" TEXT NOT NULL,
    "modality" "DatasetModality" NOT NULL,
    "sizeBytes" BIGINT,
    "recordCount" BIGINT,
    "residencyCountry" CHAR(2) NOT NULL,
    "residencyNote" TEXT NOT NULL DEFAULT '',
    "crossBorder" "CrossBorderTransfer" NOT NULL,
    "access" "DatasetAccess" NOT NULL,
    "url" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetText" (
    "datasetId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "kind" "TextKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DatasetText_pkey" PRIMARY KEY ("datasetId","language")
);

-- CreateTable
CREATE TABLE "DatasetFile" (
    "id" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetAccessRequest" (
    "id" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetAccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AiModel_slug_key" ON "AiModel"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "AiModel_repository_key" ON "AiModel"("repository");

-- CreateIndex
CREATE INDEX "AiModel_family_name_idx" ON "AiModel"("family", "name");

-- CreateIndex
CREATE INDEX "AiModel_name_idx" ON "AiModel"("name");

-- CreateIndex
CREATE INDEX "AiModel_baseModelId_idx" ON "AiModel"("baseModelId");

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_task_metric_filter_key" ON "Benchmark"("task", "metric", "filter");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRun_fileKey_key" ON "EvaluationRun"("fileKey");

-- CreateIndex
CREATE INDEX "EvaluationRun_modelId_createdAt_idx" ON "EvaluationRun"("modelId", "createdAt");

-- CreateIndex
CREATE INDEX "EvaluationRun_delegationId_createdAt_idx" ON "EvaluationRun"("delegationId", "createdAt");

-- CreateIndex
CREATE INDEX "EvaluationRun_submittedById_createdAt_idx" ON "EvaluationRun"("submittedById", "createdAt");

-- CreateIndex
CREATE INDEX "EvaluationRun_createdAt_idx" ON "EvaluationRun"("createdAt");

-- CreateIndex
CREATE INDEX "EvaluationResult_benchmarkId_modelId_score_idx" ON "EvaluationResult"("benchmarkId", "modelId", "score");

-- CreateIndex
CREATE INDEX "EvaluationResult_modelId_benchmarkId_score_idx" ON "EvaluationResult"("modelId", "benchmarkId", "score");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResult_runId_benchmarkId_key" ON "EvaluationResult"("runId", "benchmarkId");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_slug_key" ON "Dataset"("slug");

-- CreateIndex
CREATE INDEX "Dataset_stewardDelegationId_updatedAt_idx" ON "Dataset"("stewardDelegationId", "updatedAt");

-- CreateIndex
CREATE INDEX "Dataset_access_updatedAt_idx" ON "Dataset"("access", "updatedAt");

-- CreateIndex
CREATE INDEX "Dataset_updatedAt_idx" ON "Dataset"("updatedAt");

-- CreateIndex
CREATE INDEX "Dataset_languages_idx" ON "Dataset" USING GIN ("languages");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetFile_storageKey_key" ON "DatasetFile"("storageKey");

-- CreateIndex
CREATE INDEX "DatasetFile_datasetId_createdAt_idx" ON "DatasetFile"("datasetId", "createdAt");

-- CreateIndex
CREATE INDEX "DatasetAccessRequest_datasetId_status_createdAt_idx" ON "DatasetAccessRequest"("datasetId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "DatasetAccessRequest_requesterId_datasetId_status_idx" ON "DatasetAccessRequest"("requesterId", "datasetId", "status");

-- AddForeignKey
ALTER TABLE "AiModel" ADD CONSTRAINT "AiModel_baseModelId_fkey" FOREIGN KEY ("baseModelId") REFERENCES "AiModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiModel" ADD CONSTRAINT "AiModel_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiModel" ADD CONSTRAINT "AiModel_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "AiModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "AiModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_stewardDelegationId_fkey" FOREIGN KEY ("stewardDelegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetText" ADD CONSTRAINT "DatasetText_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetText" ADD CONSTRAINT "DatasetText_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetAccessRequest" ADD CONSTRAINT "DatasetAccessRequest_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetAccessRequest" ADD CONSTRAINT "DatasetAccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetAccessRequest" ADD CONSTRAINT "DatasetAccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
