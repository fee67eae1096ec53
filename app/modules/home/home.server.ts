// The first page: "what needs me now?" for a signed-in user, and what is new for everyone.
// Each domain adds its own items here as it arrives.
import { prisma } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { countPendingRequestsFor } from "~/modules/dataset/access.server";
import { listStrategies } from "~/modules/strategy/strategy.server";
import { listPositions } from "~/modules/position/position.server";
import { titlesOfVersions } from "~/modules/proposal/proposal.server";

const HOME_LIST_SIZE = 5;

/** Recently published work, for everyone (members see members-only items too). */
export async function getRecent(user: CurrentUser | null, lang: string) {
  const [strategies, positions, evaluations] = await Promise.all([
    listStrategies({ user, lang, page: 1, filters: { status: "IN_FORCE" }, pageSize: HOME_LIST_SIZE }),
    listPositions({ page: 1, pageSize: HOME_LIST_SIZE }),
    prisma.evaluationRun.findMany({
      where: can(user, "readMembersOnly") ? {} : { visibility: "PUBLIC" },
      orderBy: { createdAt: "desc" },
      take: HOME_LIST_SIZE,
      select: { id: true, createdAt: true, resultCount: true, isDemo: true, model: { select: { name: true } } },
    }),
  ]);
  return {
    strategies: strategies.items.slice(0, HOME_LIST_SIZE).map((s) => ({ slug: s.slug, title: s.title, language: s.textLanguage, delegationCode: s.delegationCode })),
    positions: positions.items.slice(0, HOME_LIST_SIZE).map((p) => {
      const shown = p.titles.find((t) => t.language === lang) ?? p.titles.find((t) => t.kind === "ORIGINAL") ?? p.titles[0];
      return { slug: p.slug, title: shown?.title ?? p.slug, language: shown?.language ?? lang, adoptedAt: p.adoptedAt };
    }),
    evaluations: evaluations.map((e) => ({ id: e.id, model: e.model.name, results: e.resultCount, createdAt: e.createdAt, isDemo: e.isDemo })),
  };
}

export async function getHome(user: CurrentUser | null) {
  const readsProposals = can(user, "readMembersOnly");
  const leadsDrafts = user && can(user, "draftForDelegation") && user.delegation;
  const votesForDelegation = user && can(user, "castBallot") && user.delegation;
  const [statusCounts, unreadNotices, openInvitations, consultations, pendingAmendments, votesToCast, accessRequests] = await Promise.all([
    prisma.delegation.groupBy({ by: ["status"], _count: { _all: true } }),
    user ? prisma.notification.count({ where: { userId: user.id, readAt: null } }) : Promise.resolve(0),
    user?.role === "SECRETARIAT"
      ? prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })
      : Promise.resolve(0),
    readsProposals
      ? prisma.proposal.findMany({
          where: { status: "CONSULTATION", consultationEndsAt: { gt: new Date() } },
          orderBy: { consultationEndsAt: "asc" },
          take: HOME_LIST_SIZE,
          select: { id: true, slug: true, consultationEndsAt: true, currentVersion: true, originalLanguage: true },
        })
      : Promise.resolve([]),
    leadsDrafts
      ? prisma.amendment.count({ where: { status: "PENDING", proposal: { leadDelegationId: user.delegation!.id } } })
      : Promise.resolve(0),
    // Open votes the user's delegation may cast and has not yet.
    votesForDelegation
      ? prisma.vote.findMany({
          where: {
            status: "OPEN",
            closesAt: { gt: new Date() },
            eligibility: { some: { delegationId: user.delegation!.id } },
            ballots: { none: { delegationId: user.delegation!.id } },
          },
          orderBy: { closesAt: "asc" },
          take: HOME_LIST_SIZE,
          select: { closesAt: true, rule: true, proposal: { select: { slug: true } } },
        })
      : Promise.resolve([]),
    // Access requests to the delegation's datasets, for those who decide them.
    user && can(user, "publishForDelegation") ? countPendingRequestsFor(user) : Promise.resolve(0),
  ]);
  // Titles of the listed consultations in every language they exist in, one query.
  const titles = await titlesOfVersions(consultations.map((c) => ({ proposalId: c.id, number: c.currentVersion })));
  const counts = Object.fromEntries(statusCounts.map((s) => [s.status, s._count._all])) as Partial<
    Record<"MEMBER" | "PARTNER" | "OBSERVER", number>
  >;
  return {
    delegations: { MEMBER: counts.MEMBER ?? 0, PARTNER: counts.PARTNER ?? 0, OBSERVER: counts.OBSERVER ?? 0 },
    needs: { unreadNotices, openInvitations, pendingAmendments, accessRequests },
    votesToCast: votesToCast.map((v) => ({ slug: v.proposal.slug, closesAt: v.closesAt, rule: v.rule })),
    consultations: consultations.map((c) => ({
      slug: c.slug,
      endsAt: c.consultationEndsAt!,
      titles: titles.filter((t) => t.proposalId === c.id).map((t) => ({ language: t.language, title: t.title, kind: t.kind })),
    })),
  };
}
