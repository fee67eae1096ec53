-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('READ', 'EVALUATIONS_WRITE');

-- AlterTable
ALTER TABLE "DatasetFile" ADD COLUMN     "columns" JSONB;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "tokenHash" CHAR(64) NOT NULL,
    "hint" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_createdAt_idx" ON "ApiToken"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Vote_outcome_closedAt_idx" ON "Vote"("outcome", "closedAt");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the database keeps for tokens and recorded columns (ADR 017).
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scopes" CHECK (scopes IS NOT NULL AND cardinality(scopes) >= 1);
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_tokenHash" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_expiry" CHECK ("expiresAt" > "createdAt");
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_name" CHECK (length(name) BETWEEN 1 AND 100);
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_columns" CHECK (columns IS NULL OR jsonb_typeof(columns) = 'array');
