// The vote page's view model: the proposal, its latest vote as the reader may
// see it, the record once closed, and what the reader may do — computed here
// from the vote module's own rules, so the route holds none.
import { loadProposalPage } from "~/modules/proposal/view.server";
import { loadAccess } from "~/modules/proposal/proposal.server";
import { consultationEndsAt } from "~/modules/notification/consultation.server";
import { hasRecentAuthentication, type CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { getVoteRecord, getVoteState } from "./record.server";
import { closeVoteIfDue, mayCastBallot, mayOpenVote } from "./vote.server";

export async function loadVotePage({ slug, lang, user }: { slug: string; lang: string; user: CurrentUser }) {
  let page = await loadProposalPage({ slug, lang, user });
  let vote = await getVoteState(page.proposal.id, user);
  // A vote past its deadline closes on the first request after it (also if the server was down then).
  if (vote?.status === "OPEN" && (await closeVoteIfDue(vote.id))) {
    page = await loadProposalPage({ slug, lang, user });
    vote = await getVoteState(page.proposal.id, user);
  }
  const [access, record] = await Promise.all([loadAccess(prisma, page.proposal.id), vote?.status === "CLOSED" ? getVoteRecord(vote.id) : null]);
  const mayOpen = !vote || vote.status === "CLOSED" ? mayOpenVote(user, access) : false;
  return {
    ...page,
    vote,
    record,
    mayOpen,
    // A running consultation ends only if the opener says so (asked explicitly in the form).
    consultationUntil: mayOpen ? await consultationEndsAt(page.proposal.id) : null,
    isChair: can(user, "chairVote"),
    mayCast: mayCastBallot(user, vote),
    recentlyAuthenticated: hasRecentAuthentication(user),
  };
}

/** The vote a ballot cast from the page goes to: the proposal's latest. */
export async function currentVoteId(proposalId: string, user: CurrentUser): Promise<string | null> {
  return (await getVoteState(proposalId, user))?.id ?? null;
}
