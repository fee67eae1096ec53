// What a viewer may find: the same rules as the pages that show each kind,
// taken from the portal-wide table and the domains' own helpers, so that search
// shows nothing a page would refuse. The SQL that applies this scope
// (search/visibility.server.ts) is checked against those helpers by tests.
import type { ResultVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { visibleTo } from "~/modules/evaluation/permissions";
import type { EntryKind } from "./constants";

export type SearchScope = {
  /**
   * Reads members-only content: proposals at every stage (drafts included), their
   * comments and amendments, members-only strategies, people
   * (proposal.server assertMayRead, the member profile's people).
   */
  members: boolean;
  /** Sees its own delegation's unpublished strategies and versions (strategy/permissions maySeeUnpublished). */
  ownDelegationId: string | null;
  /** Benchmarks are found when they have results of these visibilities (evaluation/permissions visibleTo). */
  resultVisibilities: ResultVisibility[];
  /** Delegations are found by name by signed-in users. */
  delegations: boolean;
  /** The entry kinds worth searching at all for this viewer. */
  kinds: EntryKind[];
};

/** Public for everyone: positions (adopted proposals), published public strategies, the dataset catalogue, the model registry, benchmarks. */
const PUBLIC_KINDS: EntryKind[] = ["proposal", "strategy", "dataset", "model", "benchmark"];
const MEMBERS_KINDS: EntryKind[] = [...PUBLIC_KINDS, "comment", "amendment", "person"];

export function searchScope(viewer: CurrentUser | null): SearchScope {
  const members = can(viewer, "readMembersOnly");
  return {
    members,
    ownDelegationId: members ? (viewer?.delegation?.id ?? null) : null,
    resultVisibilities: visibleTo(viewer),
    delegations: viewer !== null,
    kinds: members ? MEMBERS_KINDS : PUBLIC_KINDS,
  };
}
