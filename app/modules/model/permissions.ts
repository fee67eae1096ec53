// Who may change a registry entry. Registering needs `submitResearch` (the
// portal-wide table); editing is for whoever registered it, people of the
// same delegation who submit research, and the secretariat.
import type { CurrentUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

export type ModelOwnership = { registeredById: string; delegationId: string | null };

export function mayEditModel(user: CurrentUser | null, model: ModelOwnership): boolean {
  if (!user || !can(user, "submitResearch")) return false;
  if (user.role === "SECRETARIAT" || user.id === model.registeredById) return true;
  return model.delegationId !== null && user.delegation?.id === model.delegationId;
}
