-- CreateEnum
CREATE TYPE "VoteRule" AS ENUM ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'CONSENSUS', 'SILENCE');

-- CreateEnum
CREATE TYPE "VoteStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteOutcome" AS ENUM ('ADOPTED', 'REJECTED', 'NO_QUORUM');

-- CreateEnum
CREATE TYPE "BallotChoice" AS ENUM ('YES', 'NO', 'ABSTAIN', 'OBJECT', 'BREAK_SILENCE');

-- CreateTable
CREATE TABLE "Vote" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "rule" "VoteRule" NOT NULL,
    "quorumPercent" INTEGER NOT NULL,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "VoteStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "outcome" "VoteOutcome",
    "eligibleCount" INTEGER NOT NULL,
    "tallyYes" INTEGER NOT NULL DEFAULT 0,
    "tallyNo" INTEGER NOT NULL DEFAULT 0,
    "tallyAbstain" INTEGER NOT NULL DEFAULT 0,
    "tallyObject" INTEGER NOT NULL DEFAULT 0,
    "tallyBreak" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteEligibility" (
    "voteId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,

    CONSTRAINT "VoteEligibility_pkey" PRIMARY KEY ("voteId","delegationId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "voteId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "choice" "BallotChoice" NOT NULL,
    "explanation" TEXT,
    "reservations" JSONB NOT NULL DEFAULT '[]',
    "castById" UUID NOT NULL,
    "castAt" TIMESTAMPTZ(6) NOT NULL,
    "nonce" TEXT NOT NULL,
    "receipt" TEXT NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotHistory" (
    "id" BIGSERIAL NOT NULL,
    "voteId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "choice" "BallotChoice" NOT NULL,
    "explanation" TEXT,
    "reservations" JSONB NOT NULL DEFAULT '[]',
    "castById" UUID NOT NULL,
    "castAt" TIMESTAMPTZ(6) NOT NULL,
    "receipt" TEXT NOT NULL,

    CONSTRAINT "BallotHistory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Vote_status_closesAt_idx" ON "Vote"("status", "closesAt");

-- CreateIndex
CREATE INDEX "Vote_proposalId_idx" ON "Vote"("proposalId");

-- CreateIndex
CREATE INDEX "VoteEligibility_delegationId_idx" ON "VoteEligibility"("delegationId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_receipt_key" ON "Ballot"("receipt");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_voteId_delegationId_key" ON "Ballot"("voteId", "delegationId");

-- CreateIndex
CREATE INDEX "BallotHistory_voteId_delegationId_castAt_idx" ON "BallotHistory"("voteId", "delegationId", "castAt");

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteEligibility" ADD CONSTRAINT "VoteEligibility_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteEligibility" ADD CONSTRAINT "VoteEligibility_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_castById_fkey" FOREIGN KEY ("castById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotHistory" ADD CONSTRAINT "BallotHistory_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
