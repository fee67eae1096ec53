// Who may do what with DSI assessments. A delegation assesses itself: its head
// (or an alternate acting as head) fills in and submits; the secretariat
// publishes or sends back. Published assessments are public.
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

export type AssessmentAccess = { delegationId: string; status: string };

/** The head or an alternate of the delegation assessed. */
export function isOwnHead(user: CurrentUser | null, delegationId: string): boolean {
  return user !== null && can(user, "publishForDelegation") && user.delegation?.id === delegationId;
}

/** Fill in (create or change) the self-assessment: its head, while it is a draft. */
export function mayEditAssessment(user: CurrentUser | null, a: { delegationId: string; status: string | null }): boolean {
  return isOwnHead(user, a.delegationId) && (a.status === null || a.status === "DRAFT");
}

export function maySubmitAssessment(user: CurrentUser | null, a: AssessmentAccess): boolean {
  return isOwnHead(user, a.delegationId) && a.status === "DRAFT";
}

/** Publishing and sending back are the secretariat's: it administers the portal. */
export function mayReviewAssessment(user: CurrentUser | null, a: AssessmentAccess): boolean {
  return can(user, "administer") && a.status === "SUBMITTED";
}

/** Published assessments are public; drafts and submissions are seen by the delegation and the secretariat. */
export function mayReadAssessment(user: CurrentUser | null, a: AssessmentAccess): boolean {
  if (a.status === "PUBLISHED") return true;
  if (!user || !can(user, "readMembersOnly")) return false;
  return can(user, "administer") || user.delegation?.id === a.delegationId;
}
