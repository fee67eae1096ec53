// Who sees and changes evaluation results. Submitting needs `submitResearch`
// (the portal-wide table); members-only results are read by those who may
// read members-only content; a submission is withdrawn by its submitter,
// people of the same delegation who submit research, or the secretariat.
import type { ResultVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

/** The visibilities whose results this viewer may see. */
export function visibleTo(viewer: CurrentUser | null): ResultVisibility[] {
  return can(viewer, "readMembersOnly") ? ["PUBLIC", "MEMBERS"] : ["PUBLIC"];
}

export function mayReadRun(viewer: CurrentUser | null, run: { visibility: ResultVisibility }): boolean {
  return visibleTo(viewer).includes(run.visibility);
}

export function mayWithdrawRun(viewer: CurrentUser | null, run: { submittedById: string; delegationId: string | null }): boolean {
  if (!viewer || !can(viewer, "submitResearch")) return false;
  if (viewer.role === "SECRETARIAT" || viewer.id === run.submittedById) return true;
  return run.delegationId !== null && viewer.delegation?.id === run.delegationId;
}
