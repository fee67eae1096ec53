// Sign-in records: each attempt on an existing account, with the address it came
// from — shown to the account's owner, part of their data export, and removed
// after SIGN_IN_RETENTION_MONTHS by the retention sweep (retention.server.ts).
import type { SignInOutcome } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";

export async function recordSignIn({ userId, outcome, ip = null }: { userId: string; outcome: SignInOutcome; ip?: string | null }): Promise<void> {
  await prisma.signInRecord.create({ data: { userId, outcome, ipAddress: ip && ip !== "unknown" ? ip : null } });
}

export const SIGN_IN_PAGE_SIZE = 10;

/** The newest sign-in records of a user, for their account page. */
export async function listOwnSignIns(userId: string) {
  const rows = await prisma.signInRecord.findMany({
    where: { userId },
    orderBy: { occurredAt: "desc" },
    take: SIGN_IN_PAGE_SIZE,
    select: { id: true, outcome: true, ipAddress: true, occurredAt: true },
  });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
