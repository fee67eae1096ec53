// The first page: "what needs me now?" for a signed-in user, and what is new for everyone.
// What needs the person (named objects, by role) is in needs.server.ts.
import { prisma } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { recentStrategies } from "~/modules/strategy/strategy.server";
import { recentPositions } from "~/modules/position/position.server";
import { CURRENT_TITLES, currentTitles } from "~/modules/proposal/proposal.server";

const HOME_LIST_SIZE = 5;

/** Recently published work, for everyone (members see members-only items too). */
export async function getRecent(user: CurrentUser | null, lang: string) {
  const [strategies, positions, evaluations] = await Promise.all([
    recentStrategies({ user, lang, filters: { status: "IN_FORCE" }, limit: HOME_LIST_SIZE }),
    recentPositions(HOME_LIST_SIZE),
    prisma.evaluationRun.findMany({
      where: can(user, "readMembersOnly") ? {} : { visibility: "PUBLIC" },
      orderBy: { createdAt: "desc" },
      take: HOME_LIST_SIZE,
      select: { id: true, createdAt: true, resultCount: true, isDemo: true, model: { select: { name: true } } },
    }),
  ]);
  return {
    strategies: strategies.map((s) => ({ slug: s.slug, title: s.title, language: s.textLanguage, delegationCode: s.delegationCode })),
    positions: positions.map((p) => {
      const shown = p.titles.find((t) => t.language === lang) ?? p.titles.find((t) => t.kind === "ORIGINAL") ?? p.titles[0];
      return { slug: p.slug, title: shown?.title ?? p.slug, language: shown?.language ?? lang, adoptedAt: p.adoptedAt };
    }),
    evaluations: evaluations.map((e) => ({ id: e.id, model: e.model.name, results: e.resultCount, createdAt: e.createdAt, isDemo: e.isDemo })),
  };
}

export async function getHome(user: CurrentUser | null) {
  const readsProposals = can(user, "readMembersOnly");
  // The unread count is the header's (root loader): not read twice.
  const [statusCounts, openInvitations, consultations] = await Promise.all([
    prisma.delegation.groupBy({ by: ["status"], _count: { _all: true } }),
    user?.role === "SECRETARIAT" ? prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }) : Promise.resolve(0),
    readsProposals
      ? prisma.proposal.findMany({
          where: { status: "CONSULTATION", consultationEndsAt: { gt: new Date() } },
          orderBy: { consultationEndsAt: "asc" },
          take: HOME_LIST_SIZE,
          select: { id: true, slug: true, consultationEndsAt: true, originalLanguage: true, ...CURRENT_TITLES },
        })
      : Promise.resolve([]),
  ]);
  const counts = Object.fromEntries(statusCounts.map((s) => [s.status, s._count._all])) as Partial<Record<"MEMBER" | "PARTNER" | "OBSERVER", number>>;
  return {
    delegations: { MEMBER: counts.MEMBER ?? 0, PARTNER: counts.PARTNER ?? 0, OBSERVER: counts.OBSERVER ?? 0 },
    needs: { openInvitations },
    consultations: consultations.map((c) => ({
      slug: c.slug,
      endsAt: c.consultationEndsAt!,
      titles: currentTitles(c),
    })),
  };
}
