// The secretariat's dashboard: open votes with participation (who has voted,
// never how), member delegations that cannot vote, proposals ready for a vote,
// consultations closing, pending invitations, email delivery health.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { forbidden } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { mailHealth } from "~/modules/mail/outbox.server";
import { titlesOfVersions } from "~/modules/proposal/proposal.server";

const DASHBOARD_LIST_SIZE = 20;
const CLOSING_SOON_DAYS = 7;

type Title = { proposalId: string; language: string; title: string; kind: string };
const pickTitle = (titles: Title[], proposalId: string, lang: string, fallback: string) => {
  const mine = titles.filter((t) => t.proposalId === proposalId);
  const shown = mine.find((t) => t.language === lang) ?? mine.find((t) => t.kind === "ORIGINAL") ?? mine[0];
  return { title: shown?.title ?? fallback, language: shown?.language ?? lang };
};

/** Member delegations without an active head or alternate: they count as eligible but cannot cast a ballot. */
export async function delegationsUnableToVote(): Promise<{ id: string; code: string }[]> {
  return prisma.$queryRaw<{ id: string; code: string }[]>`
    SELECT d.id, d.code FROM "Delegation" d
    WHERE d.status = 'MEMBER' AND NOT EXISTS (
      SELECT 1 FROM "User" u WHERE u."delegationId" = d.id AND u.role IN ('HEAD', 'ALTERNATE') AND u."disabledAt" IS NULL)
    ORDER BY d.code`;
}

export async function getSecretariatDashboard({ viewer, lang }: { viewer: CurrentUser; lang: string }) {
  if (!can(viewer, "chairVote")) throw forbidden();
  const now = new Date();
  const [votes, unable, ready, closing, pendingInvitations, mail] = await Promise.all([
    prisma.vote.findMany({
      where: { status: "OPEN" },
      orderBy: { closesAt: "asc" },
      take: DASHBOARD_LIST_SIZE,
      select: { id: true, proposalId: true, versionNumber: true, rule: true, closesAt: true, originalClosesAt: true, eligibleCount: true, proposal: { select: { slug: true } } },
    }),
    delegationsUnableToVote(),
    prisma.proposal.findMany({
      where: { status: "CONSULTATION", consultationEndsAt: { lte: now } },
      orderBy: { consultationEndsAt: "asc" },
      take: DASHBOARD_LIST_SIZE,
      select: { id: true, slug: true, currentVersion: true, consultationEndsAt: true },
    }),
    prisma.proposal.findMany({
      where: { status: "CONSULTATION", consultationEndsAt: { gt: now, lte: new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000) } },
      orderBy: { consultationEndsAt: "asc" },
      take: DASHBOARD_LIST_SIZE,
      select: { id: true, slug: true, currentVersion: true, consultationEndsAt: true },
    }),
    prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    mailHealth(),
  ]);
  const voteIds = votes.map((v) => v.id);
  // Who has voted: the delegation of each ballot, never its choice.
  const [eligibility, ballots, titles] = await Promise.all([
    prisma.voteEligibility.findMany({ where: { voteId: { in: voteIds } }, select: { voteId: true, delegation: { select: { id: true, code: true } } } }),
    prisma.ballot.findMany({ where: { voteId: { in: voteIds } }, select: { voteId: true, delegationId: true } }),
    titlesOfVersions([
      ...votes.map((v) => ({ proposalId: v.proposalId, number: v.versionNumber })),
      ...[...ready, ...closing].map((p) => ({ proposalId: p.id, number: p.currentVersion })),
    ]),
  ]);
  const unableIds = new Set(unable.map((u) => u.id));
  return {
    openVotes: votes.map((v) => {
      const voted = new Set(ballots.filter((b) => b.voteId === v.id).map((b) => b.delegationId));
      const delegations = eligibility
        .filter((e) => e.voteId === v.id)
        .map((e) => ({
          code: e.delegation.code,
          state: voted.has(e.delegation.id) ? ("voted" as const) : unableIds.has(e.delegation.id) ? ("unable" as const) : ("waiting" as const),
        }));
      return {
        id: v.id,
        slug: v.proposal.slug,
        ...pickTitle(titles, v.proposalId, lang, v.proposal.slug),
        rule: v.rule,
        closesAt: v.closesAt,
        originalClosesAt: v.originalClosesAt,
        eligible: v.eligibleCount,
        voted: voted.size,
        delegations,
        // The chair may close early once everyone able to vote has (never a silence procedure).
        mayCloseEarly: v.rule !== "SILENCE" && delegations.every((d) => d.state !== "waiting"),
      };
    }),
    unable,
    readyForVote: ready.map((p) => ({ slug: p.slug, ...pickTitle(titles, p.id, lang, p.slug), endedAt: p.consultationEndsAt })),
    consultationsClosing: closing.map((p) => ({ slug: p.slug, ...pickTitle(titles, p.id, lang, p.slug), endsAt: p.consultationEndsAt! })),
    pendingInvitations,
    mail,
  };
}
