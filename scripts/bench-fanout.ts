// Part of `npm run bench`: the fan-out of one "vote opened" event to everyone
// (at scale 1, 5,000 people follow the text): one notice and one queued mail per
// person, written set-based in the transaction that opens the vote. Measured in
// the bench process before the server starts, so nothing else competes.
import { prisma } from "~/utils/db.server";

export type FanOutResult = { recipients: number; notices: number; mails: number; openVoteMs: number };

export async function measureVoteOpenedFanOut(): Promise<FanOutResult> {
  const { openVote } = await import("~/modules/vote/vote.server");
  const { actorFor } = await import("../test/factories");
  const proposal = await prisma.proposal.findFirstOrThrow({
    where: { status: { in: ["DRAFT", "CONSULTATION"] }, votes: { none: {} } },
    orderBy: { slug: "asc" },
    select: { id: true },
  });
  // Everyone follows it (one statement), so the opening notice reaches every person.
  await prisma.$executeRaw`
    INSERT INTO "Follow" ("userId", "targetType", "targetId") SELECT id, 'PROPOSAL', ${proposal.id} FROM "User" WHERE "disabledAt" IS NULL
    ON CONFLICT DO NOTHING`;
  const recipients = await prisma.user.count({ where: { disabledAt: null, role: { not: "SECRETARIAT" } } });
  const chair = await actorFor(await prisma.user.findFirstOrThrow({ where: { role: "SECRETARIAT" } }));
  const before = await prisma.mailOutbox.count();
  const started = performance.now();
  // The vote stays open for a week: the server's pages see one more open vote, nothing else changes.
  await openVote({ actor: chair, proposalId: proposal.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: new Date(Date.now() + 7 * 86_400_000), endConsultation: true });
  const openVoteMs = performance.now() - started;
  const [notices, mails] = await Promise.all([
    prisma.notification.count({ where: { proposalId: proposal.id, kind: "vote.opened" } }),
    prisma.mailOutbox.count().then((n) => n - before),
  ]);
  return { recipients, notices, mails, openVoteMs };
}
