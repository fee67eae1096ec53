-- CreateEnum
CREATE TYPE "StrategyStatus" AS ENUM ('DRAFT', 'IN_FORCE', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "StrategyVisibility" AS ENUM ('PUBLIC', 'MEMBERS');

-- CreateEnum
CREATE TYPE "DsiAssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED');

-- CreateTable
CREATE TABLE "Strategy" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "delegationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "status" "StrategyStatus" NOT NULL DEFAULT 'DRAFT',
    "visibility" "StrategyVisibility" NOT NULL DEFAULT 'MEMBERS',
    "originalLanguage" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "publishedAt" TIMESTAMPTZ(3),
    "supersededAt" TIMESTAMPTZ(3),
    "supersededById" UUID,
    "dimensions" "DsiDimension"[],
    "sectors" TEXT[],
    "languages" TEXT[],
    "adoptedOn" DATE,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Strategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyVersion" (
    "id" UUID NOT NULL,
    "strategyId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" UUID NOT NULL,
    "changeNote" TEXT NOT NULL,
    "adoptedOn" DATE,
    "dimensions" "DsiDimension"[],
    "sectors" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyText" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "kind" "TextKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "issuingAuthority" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategySection" (
    "id" UUID NOT NULL,
    "textId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "StrategySection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyDimensionNote" (
    "textId" UUID NOT NULL,
    "dimension" "DsiDimension" NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "StrategyDimensionNote_pkey" PRIMARY KEY ("textId","dimension")
);

-- CreateTable
CREATE TABLE "StrategyAttachment" (
    "id" UUID NOT NULL,
    "strategyId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "language" TEXT,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DsiAssessment" (
    "id" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "DsiAssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "submittedById" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "returnNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DsiAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DsiIndicatorValue" (
    "assessmentId" UUID NOT NULL,
    "indicator" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "DsiIndicatorValue_pkey" PRIMARY KEY ("assessmentId","indicator")
);

-- CreateTable
CREATE TABLE "DsiScore" (
    "assessmentId" UUID NOT NULL,
    "dimension" "DsiDimension" NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "DsiScore_pkey" PRIMARY KEY ("assessmentId","dimension")
);

-- CreateTable
CREATE TABLE "DsiEvidence" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "indicator" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "DsiEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Strategy_slug_key" ON "Strategy"("slug");

-- CreateIndex
CREATE INDEX "Strategy_status_lastActivityAt_idx" ON "Strategy"("status", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Strategy_delegationId_lastActivityAt_idx" ON "Strategy"("delegationId", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Strategy_visibility_status_lastActivityAt_idx" ON "Strategy"("visibility", "status", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Strategy_adoptedOn_idx" ON "Strategy"("adoptedOn");

-- CreateIndex
CREATE INDEX "Strategy_lastActivityAt_idx" ON "Strategy"("lastActivityAt");

-- CreateIndex
CREATE INDEX "Strategy_dimensions_idx" ON "Strategy" USING GIN ("dimensions");

-- CreateIndex
CREATE INDEX "Strategy_sectors_idx" ON "Strategy" USING GIN ("sectors");

-- CreateIndex
CREATE INDEX "Strategy_languages_idx" ON "Strategy" USING GIN ("languages");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyVersion_strategyId_number_key" ON "StrategyVersion"("strategyId", "number");

-- CreateIndex
CREATE INDEX "StrategyText_language_idx" ON "StrategyText"("language");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyText_versionId_language_key" ON "StrategyText"("versionId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "StrategySection_textId_key_key" ON "StrategySection"("textId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "StrategySection_textId_position_key" ON "StrategySection"("textId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyAttachment_storageKey_key" ON "StrategyAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "StrategyAttachment_strategyId_createdAt_idx" ON "StrategyAttachment"("strategyId", "createdAt");

-- CreateIndex
CREATE INDEX "DsiAssessment_status_year_idx" ON "DsiAssessment"("status", "year");

-- CreateIndex
CREATE UNIQUE INDEX "DsiAssessment_delegationId_year_key" ON "DsiAssessment"("delegationId", "year");

-- CreateIndex
CREATE INDEX "DsiScore_dimension_idx" ON "DsiScore"("dimension");

-- CreateIndex
CREATE UNIQUE INDEX "DsiEvidence_assessmentId_position_key" ON "DsiEvidence"("assessmentId", "position");

-- AddForeignKey
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Strategy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyVersion" ADD CONSTRAINT "StrategyVersion_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyVersion" ADD CONSTRAINT "StrategyVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyText" ADD CONSTRAINT "StrategyText_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyText" ADD CONSTRAINT "StrategyText_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategySection" ADD CONSTRAINT "StrategySection_textId_fkey" FOREIGN KEY ("textId") REFERENCES "StrategyText"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyDimensionNote" ADD CONSTRAINT "StrategyDimensionNote_textId_fkey" FOREIGN KEY ("textId") REFERENCES "StrategyText"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyAttachment" ADD CONSTRAINT "StrategyAttachment_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyAttachment" ADD CONSTRAINT "StrategyAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiAssessment" ADD CONSTRAINT "DsiAssessment_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiIndicatorValue" ADD CONSTRAINT "DsiIndicatorValue_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "DsiAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiScore" ADD CONSTRAINT "DsiScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "DsiAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsiEvidence" ADD CONSTRAINT "DsiEvidence_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "DsiAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
