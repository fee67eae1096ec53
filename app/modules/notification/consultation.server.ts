// Consultations: the delegations that follow a proposal or its DSI topics hear
// when comments open, and again 48 hours before they close.
import { prisma, type Transaction } from "~/utils/db.server";
import { sendJob } from "~/modules/jobs/boss.server";
import { QUEUES } from "~/modules/jobs/queues";
import { claimNotice, notifyEvent, type Recipients } from "./events.server";

/** Hours before a consultation closes that its followers are told. */
export const CONSULTATION_REMINDER_HOURS = 48;

async function audience(tx: Transaction, proposalId: string): Promise<Recipients[]> {
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { topics: true } });
  return [{ followers: "PROPOSAL", id: proposalId }, { dimensionFollowers: proposal.topics }, { drafters: proposalId }];
}

/** In the transaction that opens (or extends) a consultation: tells followers on opening, and queues the reminder. */
export async function noticeConsultation(tx: Transaction, { proposalId, endsAt, actorId, opened }: { proposalId: string; endsAt: Date; actorId: string; opened: boolean }) {
  if (opened) {
    await notifyEvent(tx, {
      kind: "consultation.opened",
      actorId,
      object: { type: "proposal", id: proposalId },
      proposalId,
      data: { endsAt: endsAt.toISOString() },
      to: await audience(tx, proposalId),
      membersOnly: true,
    });
  }
  const at = new Date(endsAt.getTime() - CONSULTATION_REMINDER_HOURS * 3_600_000);
  if (at.getTime() > Date.now()) {
    await sendJob(tx, QUEUES.consultationRemind.name, { proposalId, endsAt: endsAt.toISOString() }, { startAfter: at, singletonKey: proposalId });
  }
}

/** The 48-hour reminder, once per closing date; nothing if the date moved or the consultation ended. */
export async function remindConsultation({ proposalId, endsAt }: { proposalId: string; endsAt: string }): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const p = await tx.proposal.findUnique({ where: { id: proposalId }, select: { status: true, consultationEndsAt: true } });
    if (!p || p.status !== "CONSULTATION" || p.consultationEndsAt?.toISOString() !== endsAt || p.consultationEndsAt <= new Date()) return 0;
    if (!(await claimNotice(tx, `consultation-closing:${proposalId}:${endsAt}`))) return 0;
    const { notices } = await notifyEvent(tx, {
      kind: "consultation.closing",
      object: { type: "proposal", id: proposalId },
      proposalId,
      data: { endsAt },
      to: await audience(tx, proposalId),
      membersOnly: true,
    });
    return notices;
  });
}

/** When the proposal's running consultation would end, or null when none is running. */
export async function consultationEndsAt(proposalId: string): Promise<Date | null> {
  const p = await prisma.proposal.findUnique({ where: { id: proposalId }, select: { status: true, consultationEndsAt: true } });
  return p?.status === "CONSULTATION" && p.consultationEndsAt && p.consultationEndsAt > new Date() ? p.consultationEndsAt : null;
}
