// Who may do what to one proposal. The portal-wide table (utils/permissions)
// says which roles may draft, co-sponsor, comment; these rules add whose
// proposal it is.
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

export type ProposalAccess = {
  leadDelegationId: string;
  coDrafterDelegationIds: string[];
  status: string;
};

const OPEN_FOR_DRAFTING = ["DRAFT", "CONSULTATION"];

/** A drafter of the lead delegation. */
export function isLeadDrafter(user: CurrentUser, p: ProposalAccess): boolean {
  return can(user, "draftForDelegation") && user.delegation?.id === p.leadDelegationId;
}

/** May save a new version: the lead's drafters and those of invited co-drafting delegations. */
export function mayEdit(user: CurrentUser, p: ProposalAccess): boolean {
  if (!OPEN_FOR_DRAFTING.includes(p.status) || !can(user, "draftForDelegation") || !user.delegation) return false;
  return user.delegation.id === p.leadDelegationId || p.coDrafterDelegationIds.includes(user.delegation.id);
}

/** Opening or extending consultation, inviting co-drafters, deciding amendments, withdrawing: the lead. */
export function mayLead(user: CurrentUser, p: ProposalAccess): boolean {
  return OPEN_FOR_DRAFTING.includes(p.status) && isLeadDrafter(user, p);
}

/** Heads (or alternates) of other member and partner delegations co-sponsor. */
export function mayCoSponsor(user: CurrentUser, p: ProposalAccess): boolean {
  return OPEN_FOR_DRAFTING.includes(p.status) && can(user, "coSponsor") && user.delegation?.id !== p.leadDelegationId;
}

/** Any delegation that drafts may put a passage in brackets while the text is open. */
export function mayBracket(user: CurrentUser, p: ProposalAccess): boolean {
  return OPEN_FOR_DRAFTING.includes(p.status) && can(user, "draftForDelegation");
}

export function mayProposeAmendment(user: CurrentUser, p: ProposalAccess): boolean {
  return p.status === "CONSULTATION" && can(user, "draftForDelegation");
}

export function mayComment(user: CurrentUser, p: ProposalAccess): boolean {
  return p.status === "CONSULTATION" && can(user, "comment");
}

/** Resolving a bracket: the lead's drafters, or the delegation that holds it, while the text is open. */
export function mayResolveBracket(user: CurrentUser, p: ProposalAccess, bracket: { holderDelegationId: string }): boolean {
  if (!OPEN_FOR_DRAFTING.includes(p.status)) return false;
  const isHolder = can(user, "draftForDelegation") && user.delegation?.id === bracket.holderDelegationId;
  return isLeadDrafter(user, p) || isHolder;
}
