// Who may do what: one table for the whole portal (ADR 004, who may do what).
// Domain services ask `can(actor, act)`; object-level rules (is this *their*
// delegation's proposal?) are checked in the service on top of this.
import type { DelegationStatus, Role } from "~/generated/prisma/enums";

export type Actor = { role: Role; delegation: { status: DelegationStatus } | null } | null;

const signedIn = (a: Actor) => a !== null;
const isSecretariat = (a: Actor) => a?.role === "SECRETARIAT";
const inDelegationWithStatus = (a: Actor, statuses: DelegationStatus[]) => a?.delegation != null && statuses.includes(a.delegation.status);
const hasRole = (a: Actor, roles: Role[]) => a != null && roles.includes(a.role);
const DRAFTING_ROLES: Role[] = ["HEAD", "ALTERNATE", "DELEGATE"];
const LEADING_ROLES: Role[] = ["HEAD", "ALTERNATE"];

const RULES = {
  /** See the people of delegations and members-only content. */
  readMembersOnly: (a: Actor) => isSecretariat(a) || a?.delegation != null || a?.role === "EXPERT",
  /** Comment on texts under consultation. */
  comment: (a: Actor) => isSecretariat(a) || hasRole(a, [...DRAFTING_ROLES, "EXPERT", "OBSERVER"]),
  /** Draft and edit texts for one's delegation. */
  draftForDelegation: (a: Actor) => hasRole(a, DRAFTING_ROLES) && inDelegationWithStatus(a, ["MEMBER", "PARTNER"]),
  /** Publish for the delegation. */
  publishForDelegation: (a: Actor) => hasRole(a, LEADING_ROLES) && a?.delegation != null,
  /** Name the delegation's alternates: the head alone. */
  nameAlternates: (a: Actor) => hasRole(a, ["HEAD"]) && a?.delegation != null,
  /** Join or leave the co-sponsors of a text. */
  coSponsor: (a: Actor) => hasRole(a, LEADING_ROLES) && inDelegationWithStatus(a, ["MEMBER", "PARTNER"]),
  /** Cast the delegation's ballot. */
  castBallot: (a: Actor) => hasRole(a, LEADING_ROLES) && inDelegationWithStatus(a, ["MEMBER"]),
  /** Submit model evaluations and datasets. */
  submitResearch: (a: Actor) => hasRole(a, [...DRAFTING_ROLES, "EXPERT"]) || isSecretariat(a),
  /** Open and close votes as chair. */
  chairVote: isSecretariat,
  /** Hide comments, with a reason. */
  moderate: isSecretariat,
  /** Read and verify the audit log. */
  readAuditLog: isSecretariat,
  /** Manage delegations, users, roles and invitations. */
  administer: isSecretariat,
  /** Use one's own account page. */
  manageOwnAccount: signedIn,
} satisfies Record<string, (a: Actor) => boolean>;

export type Act = keyof typeof RULES;
export const ACTS = Object.keys(RULES) as Act[];

export function can(actor: Actor, act: Act): boolean {
  return RULES[act](actor);
}

/** Roles that must use a second factor (ADR 004). */
export function requiresSecondFactor(role: Role): boolean {
  return role === "HEAD" || role === "SECRETARIAT";
}
