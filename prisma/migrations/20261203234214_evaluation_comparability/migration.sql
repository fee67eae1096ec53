-- Generated from prisma/schema.prisma, with two changes by hand, both finished
-- by the next migration (evaluation_comparability_data), which brings the
-- database to the schema's state: "leaderboardId" is added without NOT NULL
-- (filled for existing results there, then set NOT NULL), and the unique index
-- "EvaluationRun_modelId_fileSha256_key" is created there, after existing
-- duplicate imports are removed.

-- DropIndex
DROP INDEX "Benchmark_task_metric_filter_key";

-- DropIndex
DROP INDEX "EvaluationResult_benchmarkId_modelId_score_idx";

-- DropIndex
DROP INDEX "EvaluationResult_modelId_benchmarkId_score_idx";

-- AlterTable
ALTER TABLE "Benchmark" ADD COLUMN     "isGroup" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EvaluationRun" ADD COLUMN     "durationSeconds" DOUBLE PRECISION,
ADD COLUMN     "fileFormat" TEXT,
ADD COLUMN     "groupSubtasks" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "hasConfig" BOOLEAN,
ADD COLUMN     "limitedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "modelName" TEXT,
ADD COLUMN     "modelRevision" TEXT,
ADD COLUMN     "sampleLimit" DOUBLE PRECISION,
ALTER COLUMN "evaluatedAt" DROP NOT NULL;

-- AlterTable
ALTER TABLE "EvaluationResult" ADD COLUMN     "isLimited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "leaderboardId" UUID,
ADD COLUMN     "samplesEffective" INTEGER,
ADD COLUMN     "samplesOriginal" INTEGER,
ALTER COLUMN "evaluatedAt" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Leaderboard" (
    "id" UUID NOT NULL,
    "benchmarkId" UUID NOT NULL,
    "taskVersion" TEXT,
    "nShot" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Leaderboard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaderboardEntry" (
    "audience" "ResultVisibility" NOT NULL,
    "leaderboardId" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "resultId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "stderr" DOUBLE PRECISION,
    "language" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMPTZ(3),
    "rankLow" INTEGER NOT NULL,
    "rankHigh" INTEGER NOT NULL,

    CONSTRAINT "LeaderboardEntry_pkey" PRIMARY KEY ("audience","leaderboardId","modelId")
);

-- CreateTable
CREATE TABLE "LeaderboardSummary" (
    "audience" "ResultVisibility" NOT NULL,
    "leaderboardId" UUID NOT NULL,
    "modelCount" INTEGER NOT NULL,
    "resultCount" INTEGER NOT NULL,
    "limitedCount" INTEGER NOT NULL,
    "leaderModelId" UUID,
    "leaderScore" DOUBLE PRECISION,
    "leaderStderr" DOUBLE PRECISION,
    "firstCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LeaderboardSummary_pkey" PRIMARY KEY ("audience","leaderboardId")
);

-- CreateIndex
CREATE INDEX "Leaderboard_benchmarkId_idx" ON "Leaderboard"("benchmarkId");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_audience_leaderboardId_score_idx" ON "LeaderboardEntry"("audience", "leaderboardId", "score");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_audience_modelId_idx" ON "LeaderboardEntry"("audience", "modelId");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_resultId_idx" ON "LeaderboardEntry"("resultId");

-- CreateIndex
CREATE INDEX "LeaderboardSummary_audience_modelCount_idx" ON "LeaderboardSummary"("audience", "modelCount");

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_task_metric_filter_isGroup_key" ON "Benchmark"("task", "metric", "filter", "isGroup");

-- CreateIndex
CREATE INDEX "EvaluationRun_modelSha_idx" ON "EvaluationRun"("modelSha");

-- CreateIndex
CREATE INDEX "EvaluationResult_leaderboardId_modelId_score_idx" ON "EvaluationResult"("leaderboardId", "modelId", "score");

-- CreateIndex
CREATE INDEX "EvaluationResult_modelId_leaderboardId_idx" ON "EvaluationResult"("modelId", "leaderboardId");

-- CreateIndex
CREATE INDEX "EvaluationResult_benchmarkId_idx" ON "EvaluationResult"("benchmarkId");

-- AddForeignKey
ALTER TABLE "Leaderboard" ADD CONSTRAINT "Leaderboard_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_leaderboardId_fkey" FOREIGN KEY ("leaderboardId") REFERENCES "Leaderboard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "AiModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "EvaluationResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardSummary" ADD CONSTRAINT "LeaderboardSummary_leaderboardId_fkey" FOREIGN KEY ("leaderboardId") REFERENCES "Leaderboard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardSummary" ADD CONSTRAINT "LeaderboardSummary_leaderModelId_fkey" FOREIGN KEY ("leaderModelId") REFERENCES "AiModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_leaderboardId_fkey" FOREIGN KEY ("leaderboardId") REFERENCES "Leaderboard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
