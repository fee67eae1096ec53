// What every proposal page shows at its top: the proposal, its title in the
// reader's language, and what the reader may do with it.
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { isLeadDrafter, mayBracket, mayComment, mayCoSponsor, mayEdit, mayLead, mayProposeAmendment } from "./permissions";
import { assertMayRead, getProposalBySlug, getVersionText } from "./proposal.server";

export async function loadProposalPage({ slug, lang, user, version }: { slug: string; lang: string; user: CurrentUser | null; version?: number }) {
  assertMayRead(user);
  const proposal = await getProposalBySlug(slug);
  const number = version ?? proposal.currentVersion;
  const current = await getVersionText({ proposalId: proposal.id, number, language: lang });
  const consultationOpen =
    proposal.status === "CONSULTATION" && proposal.consultationEndsAt !== null && proposal.consultationEndsAt.getTime() > Date.now();
  const ownDelegationId = user.delegation?.id;
  const may = {
    edit: mayEdit(user, proposal),
    lead: mayLead(user, proposal),
    isLead: isLeadDrafter(user, proposal),
    coSponsor: mayCoSponsor(user, proposal),
    isSponsor: current.version.sponsors.some((s) => s.id === ownDelegationId),
    bracket: mayBracket(user, proposal),
    amend: mayProposeAmendment(user, proposal) && consultationOpen,
    comment: mayComment(user, proposal) && consultationOpen,
    moderate: can(user, "moderate"),
  };
  return {
    proposal: {
      id: proposal.id,
      slug: proposal.slug,
      status: proposal.status,
      topics: proposal.topics,
      originalLanguage: proposal.originalLanguage,
      currentVersion: proposal.currentVersion,
      consultationEndsAt: proposal.consultationEndsAt,
      consultationOpen,
      lastActivityAt: proposal.lastActivityAt,
      leadDelegationId: proposal.leadDelegationId,
      leadCode: proposal.leadDelegation.code,
      coDrafters: proposal.coDrafters.map((c) => c.delegation.code),
    },
    current,
    may,
  };
}
