// Who may see and do what with a strategy. A delegation's drafters (head,
// alternate, delegates) write its strategies; only its head (or an alternate
// acting as head) publishes, supersedes and decides who may read it.
// Readers outside the delegation see published strategies only: public ones
// when anonymous, members-only ones too when they may read members-only content.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

export type StrategyAccess = { delegationId: string; status: string; publishedVersion: number | null; currentVersion: number };

export function isOwnDelegation(user: CurrentUser | null, s: { delegationId: string }): boolean {
  return user?.delegation?.id === s.delegationId;
}

/** Start a strategy for one's delegation. */
export function mayCreate(user: CurrentUser | null): boolean {
  return user !== null && can(user, "draftForDelegation") && user.delegation !== null;
}

/** Save new versions and translations: the delegation's drafters, until the strategy is superseded. */
export function mayEdit(user: CurrentUser | null, s: StrategyAccess): boolean {
  return user !== null && s.status !== "SUPERSEDED" && can(user, "draftForDelegation") && isOwnDelegation(user, s);
}

/** Publish, declare a translation official, change visibility, supersede: the head. */
export function mayPublish(user: CurrentUser | null, s: StrategyAccess): boolean {
  return user !== null && s.status !== "SUPERSEDED" && can(user, "publishForDelegation") && isOwnDelegation(user, s);
}

/** The delegation's own people (and only they) see drafts and unpublished versions. */
export function maySeeUnpublished(user: CurrentUser | null, s: { delegationId: string }): boolean {
  return user !== null && can(user, "readMembersOnly") && isOwnDelegation(user, s);
}

/** The newest version this reader may see. */
export function readableVersion(user: CurrentUser | null, s: StrategyAccess): number | null {
  return maySeeUnpublished(user, s) ? s.currentVersion : s.publishedVersion;
}

/**
 * The strategies a reader may see, as a Prisma filter: every query that finds
 * strategies (list, page, comparison, profile, files) starts from it.
 */
export function visibleStrategies(user: CurrentUser | null): Prisma.StrategyWhereInput {
  const published: Prisma.StrategyWhereInput = { publishedVersion: { not: null } };
  if (!user || !can(user, "readMembersOnly")) return { ...published, visibility: "PUBLIC" };
  const own = user.delegation ? [{ delegationId: user.delegation.id }] : [];
  return { OR: [published, ...own] };
}
