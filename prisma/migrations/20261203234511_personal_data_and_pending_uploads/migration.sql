-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('PASSWORD_ACCEPTED', 'PASSWORD_REFUSED', 'SECOND_FACTOR_REFUSED', 'THROTTLED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pseudonymNumber" INTEGER;

-- CreateTable
CREATE TABLE "SignInRecord" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "outcome" "SignInOutcome" NOT NULL,
    "ipAddress" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingUpload" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingUpload_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInRecord_userId_occurredAt_idx" ON "SignInRecord"("userId", "occurredAt");

-- CreateIndex
CREATE INDEX "SignInRecord_occurredAt_idx" ON "SignInRecord"("occurredAt");

-- CreateIndex
CREATE INDEX "PendingUpload_createdAt_idx" ON "PendingUpload"("createdAt");

-- AddForeignKey
ALTER TABLE "SignInRecord" ADD CONSTRAINT "SignInRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules of erasure (docs/decisions/013-personal-data.md).
-- An erased person has a pseudonym number, unique within their delegation (or among those without one).
ALTER TABLE "User" ADD CONSTRAINT "User_erased_pseudonym" CHECK (("erasedAt" IS NULL) = ("pseudonymNumber" IS NULL));
ALTER TABLE "User" ADD CONSTRAINT "User_pseudonymNumber" CHECK ("pseudonymNumber" IS NULL OR "pseudonymNumber" >= 1);
CREATE UNIQUE INDEX "User_pseudonym_per_delegation" ON "User" ("delegationId", "pseudonymNumber")
  WHERE "pseudonymNumber" IS NOT NULL AND "delegationId" IS NOT NULL;
CREATE UNIQUE INDEX "User_pseudonym_without_delegation" ON "User" ("pseudonymNumber")
  WHERE "pseudonymNumber" IS NOT NULL AND "delegationId" IS NULL;
-- An erased account never signs in again.
ALTER TABLE "User" ADD CONSTRAINT "User_erased_disabled" CHECK ("erasedAt" IS NULL OR "disabledAt" IS NOT NULL);
