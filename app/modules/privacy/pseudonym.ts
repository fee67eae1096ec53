// The stable pseudonym an erased person's name is replaced with: their role and
// delegation at erasure, and a number counted per delegation ("Former delegate
// of Brazil #3"). Stored as the person's name, in English, the language of the
// record (docs/decisions/013-personal-data.md).
import type { Role } from "~/generated/prisma/enums";
import { delegationName } from "~/modules/delegation/names";

const ROLE_LABELS: Record<Role, string> = {
  HEAD: "head of delegation",
  ALTERNATE: "alternate",
  DELEGATE: "delegate",
  EXPERT: "expert",
  OBSERVER: "observer",
  SECRETARIAT: "secretariat member",
};

export function pseudonym({ role, delegationCode, number }: { role: Role; delegationCode: string | null; number: number }): string {
  const label = ROLE_LABELS[role];
  return delegationCode ? `Former ${label} of ${delegationName(delegationCode, "en")} #${number}` : `Former ${label} #${number}`;
}

/** The address an erased account keeps: unique, never deliverable (.invalid is reserved, RFC 2606), derived from nothing personal. */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}
