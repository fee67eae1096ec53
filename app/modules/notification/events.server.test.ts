// Who hears of each event on a proposal, in which language, in the app and by
// mail — delivered to a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor } from "../../../test/factories";
import { mailsTo, startTestSmtp, type TestSmtp } from "../../../test/mail";
import { prisma } from "~/utils/db.server";
import { addComment } from "~/modules/comment/comment.server";
import { follow } from "~/modules/follow/follow.server";
import { deliverDueMail } from "~/modules/mail/outbox.server";
import { acceptAmendment, proposeAmendment, rejectAmendment } from "~/modules/proposal/amendment.server";
import { openBracket, resolveBracket } from "~/modules/proposal/bracket.server";
import { createProposal, inviteCoDrafter, openOrExtendConsultation, saveTranslation } from "~/modules/proposal/proposal.server";
import { setSponsorship } from "~/modules/proposal/sponsor.server";
import { remindVote } from "~/modules/vote/deadlines.server";
import { castBallot, closeVoteIfDue, openVote } from "~/modules/vote/vote.server";
import { remindConsultation } from "./consultation.server";

type Actor = Awaited<ReturnType<typeof delegationActor>>;
let smtp: TestSmtp;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

async function noticesOf(kind: string, proposalId: string) {
  return prisma.notification.findMany({ where: { kind, proposalId }, select: { userId: true, inApp: true, digestPending: true, data: true } });
}
const ids = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort();

async function draft(lead: Actor, title = "Cross-border data flows for AI training") {
  return createProposal({
    actor: lead,
    title,
    originalLanguage: "en",
    topics: ["DATA_OWNERSHIP"],
    sections: [{ heading: "Principle", body: "Data stays where its people decide." }],
  });
}

describe("a vote", () => {
  let heads: Actor[];
  let egyptHead: Actor;
  let partnerHead: Actor;
  let lead: Actor;
  let follower: Actor;
  let chair: Actor;
  let proposalId: string;
  let voteId: string;

  beforeAll(async () => {
    heads = await Promise.all(["BR", "IN", "CN"].map((c) => delegationActor(c, "HEAD")));
    egyptHead = await actorFor(
      await createUser({ role: "HEAD", delegationId: (await delegationActor("EG", "DELEGATE")).delegation!.id, locale: "ar", email: "head.eg@concord.example" }),
    );
    partnerHead = await delegationActor("MY", "HEAD", "PARTNER");
    lead = await delegationActor("BR", "DELEGATE");
    follower = await delegationActor("MY", "DELEGATE", "PARTNER");
    chair = await actorFor(await createUser({ role: "SECRETARIAT" }));
    const p = await draft(lead);
    proposalId = p.id;
    await saveTranslation({
      actor: lead,
      proposalId,
      version: 1,
      language: "ar",
      kind: "OFFICIAL_TRANSLATION",
      title: "تدفقات البيانات عبر الحدود لتدريب الذكاء الاصطناعي",
      sections: [
        { key: (await prisma.proposalSection.findFirstOrThrow({ where: { text: { version: { proposalId } } } })).key, heading: "المبدأ", body: "تبقى البيانات حيث يقرر أهلها." },
      ],
    });
    await follow({ actor: follower, target: "PROPOSAL", id: proposalId });
    voteId = (await openVote({ actor: chair, proposalId, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: inHours(30) })).id;
  });

  it("opened: heads and alternates of eligible members, the drafters and the followers hear of it, in the app and by mail in their language", async () => {
    const rows = await noticesOf("vote.opened", proposalId);
    const expected = [...heads.map((h) => h.id), egyptHead.id, lead.id, follower.id].sort();
    expect(ids(rows)).toEqual(expected);
    // Not the partner's head (not eligible), not the chair who opened it.
    expect(ids(rows)).not.toContain(partnerHead.id);
    expect(ids(rows)).not.toContain(chair.id);
    expect(rows.every((r) => r.inApp && !r.digestPending)).toBe(true);
    expect(await prisma.mailOutbox.count({ where: { kind: "NOTICE", userId: { in: expected } } })).toBe(expected.length);

    await deliverDueMail();
    const arabic = mailsTo(smtp, "head.eg@concord.example");
    expect(arabic).toHaveLength(1);
    const mail = arabic[0]!.parsed;
    // The sentence in Arabic, naming the proposal by its Arabic title.
    expect(mail.subject).toMatch(/^فُتح التصويت على تدفقات البيانات عبر الحدود لتدريب الذكاء الاصطناعي — ويُغلق في /);
    expect(mail.text).toContain("مرحبًا");
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    expect(mail.text).toContain(`/ar/proposals/`);
    expect(mail.text).toContain("/vote");
    const headers = arabic[0]!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n(?=[ \t])/g, "");
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/mail\/unsubscribe\?u=[^>]+&c=votes&t=[^>]+>\r?$/m);
    const english = mailsTo(smtp, heads[0]!.email);
    expect(english[0]!.parsed.subject).toBe(`A vote is open on Cross-border data flows for AI training — it closes ${english[0]!.parsed.subject!.split("closes ")[1]}`);
    expect(english[0]!.parsed.text).toContain("/en/proposals/");
  });

  it("reminds only those whose delegation has not voted, and never again for the same deadline", async () => {
    await castBallot({ actor: heads[0]!, voteId, choice: "YES" });
    await prisma.vote.update({ where: { id: voteId }, data: { openedAt: inHours(-10), closesAt: inHours(1.5) } });
    const closesAt = (await prisma.vote.findUniqueOrThrow({ where: { id: voteId } })).closesAt.toISOString();
    await remindVote({ voteId, closesAt, hours: 2 });
    await remindVote({ voteId, closesAt, hours: 2 });
    const rows = await noticesOf("vote.reminder", proposalId);
    expect(ids(rows)).toEqual([heads[1]!.id, heads[2]!.id, egyptHead.id].sort());
    await deliverDueMail();
    const [reminder] = mailsTo(smtp, "head.eg@concord.example").slice(1);
    expect(reminder!.parsed.subject).toMatch(/^لم يصوّت وفدكم على تدفقات البيانات عبر الحدود لتدريب الذكاء الاصطناعي: يُغلق التصويت خلال ساعتين \(/);
    expect(mailsTo(smtp, heads[1]!.email).at(-1)!.parsed.subject).toMatch(
      /^Your delegation has not voted on Cross-border data flows for AI training: the vote closes in 2 hours \(/,
    );
  });

  it("closed: the outcome to the same people; those following its DSI topic hear of the new position", async () => {
    const topicFollower = await delegationActor("ZA", "DELEGATE");
    await follow({ actor: topicFollower, target: "DSI_DIMENSION", id: "DATA_OWNERSHIP" });
    await castBallot({ actor: heads[1]!, voteId, choice: "YES" });
    await prisma.vote.update({ where: { id: voteId }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await closeVoteIfDue(voteId)).toBe(true);
    const closed = await noticesOf("vote.closed", proposalId);
    expect(closed.length).toBeGreaterThanOrEqual(6);
    expect(closed[0]!.data).toMatchObject({ outcome: "ADOPTED" });
    const adopted = await noticesOf("position.adopted", proposalId);
    expect(ids(adopted)).toEqual([topicFollower.id]);
  });
});

describe("drafting", () => {
  it("consultation, comments, amendments, brackets, co-drafting and sponsors reach the right people", async () => {
    const lead = await delegationActor("AR", "DELEGATE");
    const leadHead = await delegationActor("AR", "HEAD");
    const other = await delegationActor("SA", "DELEGATE");
    const otherHead = await delegationActor("SA", "HEAD");
    const topicFollower = await delegationActor("ID", "DELEGATE");
    await follow({ actor: topicFollower, target: "DSI_DIMENSION", id: "DATA_OWNERSHIP" });
    const p = await draft(lead, "Shared compute for open models");
    const sectionKey = (await prisma.proposalSection.findFirstOrThrow({ where: { text: { version: { proposalId: p.id } } } })).key;

    await inviteCoDrafter({ actor: lead, proposalId: p.id, delegationId: other.delegation!.id });
    expect(ids(await noticesOf("codrafter.invited", p.id))).toEqual([other.id, otherHead.id].sort());

    const until = inHours(24 * 10);
    await openOrExtendConsultation({ actor: lead, proposalId: p.id, until, extend: false });
    const opened = ids(await noticesOf("consultation.opened", p.id));
    expect(opened).toContain(topicFollower.id);
    expect(opened).toContain(other.id);
    expect(opened).not.toContain(lead.id);
    // The 48-hour reminder waits in the job queue until its time.
    const job = await prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'consultation-remind' AND data->>'proposalId' = ${p.id} AND start_after > now() + interval '7 days'`;
    expect(job[0]!.n).toBe(1);
    await prisma.proposal.update({ where: { id: p.id }, data: { consultationEndsAt: inHours(47) } });
    const endsAt = (await prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).consultationEndsAt!.toISOString();
    expect(await remindConsultation({ proposalId: p.id, endsAt: until.toISOString() })).toBe(0);
    expect(await remindConsultation({ proposalId: p.id, endsAt })).toBeGreaterThan(0);
    expect(await remindConsultation({ proposalId: p.id, endsAt })).toBe(0);

    const first = await addComment({ actor: other, proposalId: p.id, sectionKey, body: "We need a shared definition of compute." });
    const onText = await noticesOf("comment.onText", p.id);
    expect(ids(onText)).toEqual([lead.id, leadHead.id, otherHead.id].sort());
    // Comments on our text come in the daily digest by default: no mail now.
    expect(onText.every((n) => n.digestPending)).toBe(true);
    await addComment({ actor: lead, proposalId: p.id, sectionKey, body: "Agreed.", parentId: first.id });
    expect(ids(await noticesOf("comment.reply", p.id))).toEqual([other.id]);

    const amendment = await proposeAmendment({ actor: other, proposalId: p.id, sectionKey, heading: "Principle", body: "Compute is shared fairly.", rationale: "Fairness." });
    expect(ids(await noticesOf("amendment.proposed", p.id))).toEqual([lead.id, leadHead.id, otherHead.id].sort());
    await acceptAmendment({ actor: lead, amendmentId: amendment.id });
    expect(ids(await noticesOf("amendment.accepted", p.id))).toEqual([other.id]);
    const second = await proposeAmendment({ actor: otherHead, proposalId: p.id, sectionKey, heading: "Principle", body: "x", rationale: "y" });
    await rejectAmendment({ actor: lead, amendmentId: second.id, reason: "Out of scope." });
    expect(ids(await noticesOf("amendment.rejected", p.id))).toEqual([otherHead.id]);

    const bracket = await openBracket({ actor: other, proposalId: p.id, sectionKey, passage: "shared fairly", note: "Define fairly." });
    expect(ids(await noticesOf("bracket.opened", p.id))).toEqual([lead.id, leadHead.id, otherHead.id].sort());
    await resolveBracket({ actor: lead, bracketId: bracket.id, outcome: "KEPT" });
    const resolved = await noticesOf("bracket.resolved", p.id);
    expect(ids(resolved)).toEqual([leadHead.id, other.id, otherHead.id].sort());
    expect(resolved[0]!.data).toMatchObject({ resolution: "KEPT", delegation: "SA" });

    const sponsor = await delegationActor("KZ", "HEAD");
    await setSponsorship({ actor: sponsor, proposalId: p.id, join: true });
    expect(ids(await noticesOf("sponsor.joined", p.id))).toEqual([lead.id, leadHead.id, other.id, otherHead.id].sort());
    await setSponsorship({ actor: sponsor, proposalId: p.id, join: false });
    expect(await noticesOf("sponsor.withdrawn", p.id)).toHaveLength(4);
  });

  it("respects preferences: mail off, not in the app, nothing at all", async () => {
    const lead = await delegationActor("ET", "DELEGATE");
    const quiet = await delegationActor("ET", "HEAD");
    const other = await delegationActor("IR", "HEAD");
    await prisma.notificationPreference.createMany({
      data: [
        { userId: quiet.id, category: "drafting", email: "OFF", inApp: true },
        { userId: other.id, category: "drafting", email: "IMMEDIATE", inApp: false },
      ],
    });
    const p = await draft(lead, "Quiet text");
    await inviteCoDrafter({ actor: lead, proposalId: p.id, delegationId: other.delegation!.id });
    await setSponsorship({ actor: await delegationActor("AE", "HEAD"), proposalId: p.id, join: true });
    const joined = await prisma.notification.findMany({ where: { proposalId: p.id, kind: "sponsor.joined" }, select: { userId: true, inApp: true, id: true } });
    const quietRow = joined.find((n) => n.userId === quiet.id)!;
    expect(quietRow.inApp).toBe(true);
    expect(await prisma.mailOutbox.count({ where: { notificationId: quietRow.id } })).toBe(0);
    const invited = await prisma.notification.findFirstOrThrow({ where: { proposalId: p.id, kind: "codrafter.invited", userId: other.id } });
    expect(invited.inApp).toBe(false);
    expect(await prisma.mailOutbox.count({ where: { notificationId: invited.id } })).toBe(1);
  });
});
