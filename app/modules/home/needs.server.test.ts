// "What needs you now" in one query: for every person of the demo (every role, every
// delegation) it finds exactly what the straightforward reading — one query per kind,
// kept here as the reference — finds, in the same order.
import { describe, expect, it } from "vitest";
import type { DsiDimension } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { seedDemoIfEmpty } from "../../../prisma/seed";
import { actorFor } from "../../../test/factories";
import { getNeeds, needsOf, type Need } from "./needs.server";

const NEEDS_PER_KIND = 5;
const CLOSING_SOON_DAYS = 7;

describe("what needs the person", () => {
  it("finds, for every demo user, what one query per kind finds", async () => {
    await seedDemoIfEmpty();
    const users = await prisma.user.findMany({ select: { id: true }, orderBy: { email: "asc" } });
    const kinds = new Set<string>();
    for (const { id } of users) {
      const user = (await actorFor({ id })) as CurrentUser;
      const [fast, reference] = await Promise.all([needsOf(user), referenceNeeds(user)]);
      const shape = (n: Need) => ({ ...n, at: n.at?.toISOString() ?? null });
      expect(fast.map(shape), user.email).toEqual(reference.map(shape));
      for (const n of fast) kinds.add(n.kind);
    }
    // The demo exercises ten of the twelve kinds (consultations close within a week only on some days).
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        "accessRequest",
        "amendment",
        "assessmentDraft",
        "assessmentToReview",
        "ballot",
        "ballotCast",
        "bracket",
        "coDrafting",
        "strategyDraft",
        "voteToChair",
      ]),
    );
  });

  it("names each object in the reader's language and links it", async () => {
    await seedDemoIfEmpty();
    const head = await prisma.user.findFirstOrThrow({ where: { role: "HEAD", delegation: { status: "MEMBER" } }, orderBy: { email: "asc" } });
    const needs = await getNeeds((await actorFor(head)) as CurrentUser, "fr");
    expect(needs.length).toBeGreaterThan(0);
    for (const n of needs) {
      expect(n.href.startsWith("/fr/")).toBe(true);
      expect(n.href).not.toContain("{slug}");
      expect(n.title.length).toBeGreaterThan(0);
    }
  });
});

async function referenceNeeds(user: CurrentUser): Promise<Need[]> {
  const delegationId = user.delegation?.id ?? null;
  const drafts = Boolean(delegationId) && can(user, "draftForDelegation");
  const leads = Boolean(delegationId) && can(user, "publishForDelegation");
  const casts = Boolean(delegationId) && can(user, "castBallot");
  const chairs = can(user, "chairVote");
  const members = can(user, "readMembersOnly");
  const now = new Date();
  const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000);
  const none = Promise.resolve([] as never[]);

  const [ballots, chairVotes, amendments, coDrafting, consultations, brackets, requests, assessments, reviews, strategies] = await Promise.all([
    casts
      ? prisma.vote.findMany({
          where: { status: "OPEN", closesAt: { gt: now }, eligibility: { some: { delegationId: delegationId! } } },
          orderBy: { closesAt: "asc" },
          take: NEEDS_PER_KIND,
          select: { proposalId: true, closesAt: true, ballots: { where: { delegationId: delegationId! }, select: { castAt: true } } },
        })
      : none,
    chairs
      ? prisma.vote.findMany({
          where: { status: "OPEN" },
          orderBy: { closesAt: "asc" },
          take: NEEDS_PER_KIND,
          select: { proposalId: true, closesAt: true, eligibleCount: true, _count: { select: { ballots: true } } },
        })
      : none,
    drafts
      ? prisma.amendment.findMany({
          where: { status: "PENDING", proposal: { leadDelegationId: delegationId!, status: "CONSULTATION" } },
          orderBy: { createdAt: "asc" },
          take: NEEDS_PER_KIND,
          select: { proposalId: true, sectionKey: true, delegation: { select: { code: true } } },
        })
      : none,
    drafts
      ? prisma.proposalCoDrafter.findMany({
          where: { delegationId: delegationId!, proposal: { status: { in: ["DRAFT", "CONSULTATION"] } } },
          orderBy: { invitedAt: "desc" },
          take: NEEDS_PER_KIND,
          select: { proposalId: true },
        })
      : none,
    members ? consultationsOnMyTopics(user, now, soon) : none,
    drafts
      ? prisma.bracket.findMany({
          where: { holderDelegationId: delegationId!, status: "OPEN", proposal: { status: { in: ["DRAFT", "CONSULTATION"] } } },
          orderBy: { openedAt: "asc" },
          distinct: ["proposalId"],
          take: NEEDS_PER_KIND,
          select: { proposalId: true, sectionKey: true },
        })
      : none,
    leads
      ? prisma.datasetAccessRequest.findMany({
          where: { status: "PENDING", dataset: { stewardDelegationId: delegationId! } },
          orderBy: { createdAt: "asc" },
          take: NEEDS_PER_KIND,
          select: { datasetId: true, requester: { select: { name: true } } },
        })
      : none,
    user.role === "HEAD" && delegationId
      ? prisma.dsiAssessment.findMany({ where: { delegationId, status: "DRAFT" }, orderBy: { year: "desc" }, take: NEEDS_PER_KIND, select: { id: true, returnNote: true } })
      : none,
    can(user, "administer") ? prisma.dsiAssessment.findMany({ where: { status: "SUBMITTED" }, orderBy: { submittedAt: "asc" }, take: NEEDS_PER_KIND, select: { id: true } }) : none,
    leads
      ? prisma.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Strategy" WHERE "delegationId" = ${delegationId}::uuid AND status <> 'SUPERSEDED'
            AND ("publishedVersion" IS NULL OR "publishedVersion" < "currentVersion")
          ORDER BY "lastActivityAt" DESC LIMIT ${NEEDS_PER_KIND}`
      : none,
  ]);

  const proposal = (id: string) => ({ type: "proposal" as const, id });
  return [
    ...ballots.map((v): Need => ({ kind: v.ballots.length ? "ballotCast" : "ballot", object: proposal(v.proposalId), path: "/proposals/{slug}/vote", at: v.closesAt })),
    ...chairVotes.map((v): Need => ({
      kind: "voteToChair",
      object: proposal(v.proposalId),
      path: "/proposals/{slug}/vote",
      at: v.closesAt,
      values: { voted: v._count.ballots, eligible: v.eligibleCount },
    })),
    ...amendments.map((a): Need => ({
      kind: "amendment",
      object: proposal(a.proposalId),
      path: `/proposals/{slug}/sections/${encodeURIComponent(a.sectionKey)}#amendments`,
      values: { delegationCode: a.delegation.code },
    })),
    ...coDrafting.map((c): Need => ({ kind: "coDrafting", object: proposal(c.proposalId), path: "/proposals/{slug}" })),
    ...consultations.map((c): Need => ({ kind: "consultation", object: proposal(c.id), path: "/proposals/{slug}", at: c.consultationEndsAt! })),
    ...brackets.map((b): Need => ({ kind: "bracket", object: proposal(b.proposalId), path: `/proposals/{slug}/sections/${encodeURIComponent(b.sectionKey)}#brackets` })),
    ...requests.map((r): Need => ({ kind: "accessRequest", object: { type: "dataset", id: r.datasetId }, path: "/datasets/{slug}/access", values: { name: r.requester.name } })),
    ...assessments.map((a): Need => ({ kind: a.returnNote ? "assessmentReturned" : "assessmentDraft", object: { type: "dsi", id: a.id }, path: "/strategies/dsi/{slug}" })),
    ...reviews.map((a): Need => ({ kind: "assessmentToReview", object: { type: "dsi", id: a.id }, path: "/strategies/dsi/{slug}" })),
    ...strategies.map((s): Need => ({ kind: "strategyDraft", object: { type: "strategy", id: s.id }, path: "/strategies/{slug}" })),
  ];
}

/** Consultations closing within a week on what the person follows (the texts, their DSI topics, their delegation's texts); all of them if they follow nothing. */
async function consultationsOnMyTopics(user: CurrentUser, now: Date, soon: Date) {
  const follows = await prisma.follow.findMany({
    where: { userId: user.id, targetType: { in: ["PROPOSAL", "DSI_DIMENSION"] } },
    select: { targetType: true, targetId: true },
  });
  const delegationId = user.delegation?.id;
  const proposals = follows.filter((f) => f.targetType === "PROPOSAL").map((f) => f.targetId);
  const topics = follows.filter((f) => f.targetType === "DSI_DIMENSION").map((f) => f.targetId as DsiDimension);
  // Someone who follows nothing sees every consultation closing soon; otherwise only theirs.
  const theirs =
    follows.length === 0
      ? {}
      : {
          OR: [
            { id: { in: proposals } },
            { topics: { hasSome: topics } },
            ...(delegationId ? [{ leadDelegationId: delegationId }, { coDrafters: { some: { delegationId } } }] : []),
          ],
        };
  return prisma.proposal.findMany({
    where: { status: "CONSULTATION", consultationEndsAt: { gt: now, lte: soon }, ...theirs },
    orderBy: { consultationEndsAt: "asc" },
    take: NEEDS_PER_KIND,
    select: { id: true, consultationEndsAt: true },
  });
}
