// A position — or, for members, any proposal version — as a whole document,
// for open-data exports (Akoma Ntoso, the API; ADR 017): every language
// version with its sections, the co-sponsors of that version with the dates
// they joined, and — when the
// version went to a vote that has closed — the vote and each delegation's
// recorded vote with its reservations. Constant number of queries.
import type { BallotChoice, DsiDimension, ProposalStatus, TextKind, VoteOutcome, VoteRule } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { getVoteRecord } from "~/modules/vote/record.server";

export type DocumentText = {
  language: string;
  kind: TextKind;
  title: string;
  createdAt: Date;
  sections: { key: string; heading: string; body: string }[];
};

export type RecordedVote = {
  delegationCode: string;
  choice: BallotChoice | null;
  explanation: string | null;
  reservations: { sectionKey: string; text: string }[];
  receipt: string | null;
  castAt: Date | null;
};

export type ClosedVote = {
  id: string;
  rule: VoteRule;
  quorumPercent: number;
  versionNumber: number;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date;
  outcome: VoteOutcome;
  eligibleCount: number;
  /** Whether the secretariat (as chair) opened it, rather than the lead delegation. */
  openedByChair: boolean;
  tally: { yes: number; no: number; abstain: number; object: number; breakSilence: number };
};

export type TextDocument = {
  proposal: {
    id: string;
    slug: string;
    status: ProposalStatus;
    topics: DsiDimension[];
    originalLanguage: string;
    createdAt: Date;
    leadCode: string;
  };
  version: { number: number; createdAt: Date; changeNote: string; creditedCode: string | null };
  texts: DocumentText[];
  sponsors: { code: string; joinedAt: Date }[];
  vote: ClosedVote | null;
  record: RecordedVote[];
};

/**
 * The adopted text of a position (public), or any version of a proposal
 * (`number`; members only — the caller checks who may read it).
 */
export async function loadTextDocument({ slug, number }: { slug: string; number?: number }): Promise<TextDocument> {
  const proposal = await prisma.proposal.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      topics: true,
      originalLanguage: true,
      createdAt: true,
      currentVersion: true,
      leadDelegation: { select: { code: true } },
      votes: {
        where: { status: "CLOSED" },
        orderBy: { closedAt: "desc" },
        select: {
          id: true,
          rule: true,
          quorumPercent: true,
          versionNumber: true,
          openedAt: true,
          closesAt: true,
          closedAt: true,
          outcome: true,
          eligibleCount: true,
          tallyYes: true,
          tallyNo: true,
          tallyAbstain: true,
          tallyObject: true,
          tallyBreak: true,
          openedBy: { select: { role: true } },
        },
      },
    },
  });
  if (!proposal) throw notFound();
  const adopted = proposal.votes.find((v) => v.outcome === "ADOPTED");
  if (number === undefined && (proposal.status !== "ADOPTED" || !adopted)) throw notFound();
  const versionNumber = number ?? adopted!.versionNumber;
  const version = await prisma.proposalVersion.findUnique({
    where: { proposalId_number: { proposalId: proposal.id, number: versionNumber } },
    select: {
      number: true,
      createdAt: true,
      changeNote: true,
      creditedDelegation: { select: { code: true } },
      sponsors: { orderBy: [{ joinedAt: "asc" }, { delegationId: "asc" }], select: { joinedAt: true, delegation: { select: { code: true } } } },
      texts: {
        orderBy: [{ createdAt: "asc" }, { language: "asc" }],
        select: {
          language: true,
          kind: true,
          title: true,
          createdAt: true,
          sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } },
        },
      },
    },
  });
  if (!version) throw notFound();
  const voted = proposal.votes.find((v) => v.versionNumber === versionNumber && v.closedAt && v.outcome);
  const vote: ClosedVote | null = voted
    ? {
        id: voted.id,
        rule: voted.rule,
        quorumPercent: voted.quorumPercent,
        versionNumber: voted.versionNumber,
        openedAt: voted.openedAt,
        closesAt: voted.closesAt,
        closedAt: voted.closedAt!,
        outcome: voted.outcome!,
        eligibleCount: voted.eligibleCount,
        openedByChair: voted.openedBy.role === "SECRETARIAT",
        tally: { yes: voted.tallyYes, no: voted.tallyNo, abstain: voted.tallyAbstain, object: voted.tallyObject, breakSilence: voted.tallyBreak },
      }
    : null;
  const record = vote ? (await getVoteRecord(vote.id)).sort((a, b) => a.delegationCode.localeCompare(b.delegationCode)) : [];
  // The original first, then translations in the order they were made.
  const texts = [...version.texts].sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL"));
  return {
    proposal: {
      id: proposal.id,
      slug: proposal.slug,
      status: proposal.status,
      topics: proposal.topics,
      originalLanguage: proposal.originalLanguage,
      createdAt: proposal.createdAt,
      leadCode: proposal.leadDelegation.code,
    },
    version: { number: version.number, createdAt: version.createdAt, changeNote: version.changeNote, creditedCode: version.creditedDelegation?.code ?? null },
    texts,
    sponsors: version.sponsors.map((s) => ({ code: s.delegation.code, joinedAt: s.joinedAt })),
    vote,
    record,
  };
}
