// Who may do what with a dataset. The steward delegation owns it: its people
// who submit research describe it and manage its files; its head (or an
// alternate) decides access requests. Downloads follow the access level.
import type { DatasetAccess } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

export type DatasetOwnership = { stewardDelegationId: string; access: DatasetAccess };

/** Cataloguing needs a delegation to be the steward. */
export function mayCreateDataset(user: CurrentUser | null): boolean {
  return can(user, "submitResearch") && user?.delegation != null;
}

export function isStewardPerson(user: CurrentUser | null, d: DatasetOwnership): boolean {
  return user?.delegation?.id === d.stewardDelegationId;
}

export function mayManageDataset(user: CurrentUser | null, d: DatasetOwnership): boolean {
  return can(user, "submitResearch") && isStewardPerson(user, d);
}

export function mayDecideAccess(user: CurrentUser | null, d: DatasetOwnership): boolean {
  return can(user, "publishForDelegation") && isStewardPerson(user, d);
}

/** Open data for anyone; members data for those who read members-only content; data on request for the steward's people and those granted. */
export function mayDownload(user: CurrentUser | null, d: DatasetOwnership, granted: boolean): boolean {
  switch (d.access) {
    case "OPEN":
      return true;
    case "MEMBERS":
      return can(user, "readMembersOnly");
    case "ON_REQUEST":
      return user !== null && (isStewardPerson(user, d) || granted);
  }
}

export function mayRequestAccess(user: CurrentUser | null, d: DatasetOwnership, granted: boolean): boolean {
  return user !== null && d.access === "ON_REQUEST" && !mayDownload(user, d, granted);
}

/** Downloads of data that is not open are recorded in the audit log. */
export function isRestricted(d: { access: DatasetAccess }): boolean {
  return d.access !== "OPEN";
}
