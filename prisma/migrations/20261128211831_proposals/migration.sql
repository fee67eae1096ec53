-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('DRAFT', 'CONSULTATION', 'VOTING', 'ADOPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DsiDimension" AS ENUM ('DATA_OWNERSHIP', 'DIGITAL_INFRASTRUCTURE', 'DIGITAL_GOVERNANCE', 'DIGITAL_CAPABILITY');

-- CreateEnum
CREATE TYPE "TextKind" AS ENUM ('ORIGINAL', 'OFFICIAL_TRANSLATION', 'UNOFFICIAL_TRANSLATION');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORT', 'NEUTRAL', 'CONCERN');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "BracketStatus" AS ENUM ('OPEN', 'KEPT', 'CHANGED', 'DROPPED');

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "leadDelegationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "originalLanguage" TEXT NOT NULL,
    "topics" "DsiDimension"[],
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "consultationEndsAt" TIMESTAMPTZ(3),
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalCoDrafter" (
    "proposalId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "invitedById" UUID NOT NULL,
    "invitedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalCoDrafter_pkey" PRIMARY KEY ("proposalId","delegationId")
);

-- CreateTable
CREATE TABLE "ProposalVersion" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" UUID NOT NULL,
    "changeNote" TEXT NOT NULL,
    "creditedDelegationId" UUID,
    "amendmentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalText" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "kind" "TextKind" NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalSection" (
    "id" UUID NOT NULL,
    "textId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "ProposalSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalSponsor" (
    "versionId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "joinedById" UUID NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalSponsor_pkey" PRIMARY KEY ("versionId","delegationId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "parentId" UUID,
    "rootId" UUID,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "authorId" UUID NOT NULL,
    "delegationId" UUID,
    "body" TEXT NOT NULL,
    "stance" "Stance",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenById" UUID,
    "hiddenReason" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Amendment" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,
    "resultingVersion" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bracket" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "openedInVersion" INTEGER NOT NULL,
    "passage" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "holderDelegationId" UUID NOT NULL,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "BracketStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolutionNote" TEXT,

    CONSTRAINT "Bracket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_slug_key" ON "Proposal"("slug");

-- CreateIndex
CREATE INDEX "Proposal_status_lastActivityAt_idx" ON "Proposal"("status", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Proposal_leadDelegationId_lastActivityAt_idx" ON "Proposal"("leadDelegationId", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Proposal_lastActivityAt_idx" ON "Proposal"("lastActivityAt");

-- CreateIndex
CREATE INDEX "ProposalCoDrafter_delegationId_idx" ON "ProposalCoDrafter"("delegationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalVersion_amendmentId_key" ON "ProposalVersion"("amendmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalVersion_proposalId_number_key" ON "ProposalVersion"("proposalId", "number");

-- CreateIndex
CREATE INDEX "ProposalText_language_idx" ON "ProposalText"("language");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalText_versionId_language_key" ON "ProposalText"("versionId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSection_textId_key_key" ON "ProposalSection"("textId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSection_textId_position_key" ON "ProposalSection"("textId", "position");

-- CreateIndex
CREATE INDEX "Comment_proposalId_sectionKey_rootId_createdAt_idx" ON "Comment"("proposalId", "sectionKey", "rootId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_rootId_createdAt_idx" ON "Comment"("rootId", "createdAt");

-- CreateIndex
CREATE INDEX "Amendment_proposalId_status_createdAt_idx" ON "Amendment"("proposalId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Amendment_delegationId_status_idx" ON "Amendment"("delegationId", "status");

-- CreateIndex
CREATE INDEX "Bracket_proposalId_status_idx" ON "Bracket"("proposalId", "status");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_leadDelegationId_fkey" FOREIGN KEY ("leadDelegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCoDrafter" ADD CONSTRAINT "ProposalCoDrafter_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCoDrafter" ADD CONSTRAINT "ProposalCoDrafter_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_creditedDelegationId_fkey" FOREIGN KEY ("creditedDelegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalText" ADD CONSTRAINT "ProposalText_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProposalVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalText" ADD CONSTRAINT "ProposalText_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSection" ADD CONSTRAINT "ProposalSection_textId_fkey" FOREIGN KEY ("textId") REFERENCES "ProposalText"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSponsor" ADD CONSTRAINT "ProposalSponsor_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProposalVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSponsor" ADD CONSTRAINT "ProposalSponsor_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bracket" ADD CONSTRAINT "Bracket_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bracket" ADD CONSTRAINT "Bracket_holderDelegationId_fkey" FOREIGN KEY ("holderDelegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bracket" ADD CONSTRAINT "Bracket_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bracket" ADD CONSTRAINT "Bracket_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
