// Mail delivery against a real SMTP server: retries with back-off when the
// server is down or says "later", a permanent refusal marks the address, daily
// digests grouped by proposal at the person's hour, one-click unsubscribe,
// address confirmation, and the outbox page's rendering without SMTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { delegationActor } from "../../../test/factories";
import { mailsTo, startTestSmtp, type TestSmtp } from "../../../test/mail";
import { prisma } from "~/utils/db.server";
import { createProposal, inviteCoDrafter } from "~/modules/proposal/proposal.server";
import { notifyEvent } from "~/modules/notification/events.server";
import { confirmAddress, getPreferences, requestAddressConfirmation, teamReachability, unsubscribe } from "~/modules/notification/preferences.server";
import { writeDueDigests } from "./digest.server";
import { deliverDueMail, listOutbox, mailHealth } from "./outbox.server";
import { setMailTransport } from "./transport.server";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

type Actor = Awaited<ReturnType<typeof delegationActor>>;
async function invite(lead: Actor, invited: Actor, title: string) {
  const p = await createProposal({ actor: lead, title, originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
  await inviteCoDrafter({ actor: lead, proposalId: p.id, delegationId: invited.delegation!.id });
  return p;
}
const due = () => prisma.mailOutbox.updateMany({ where: { status: "QUEUED" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

describe("delivery", () => {
  it("keeps mail queued while the server says later, backs off, then sends once", async () => {
    const lead = await delegationActor("BR");
    const invited = await delegationActor("IN", "HEAD");
    await invite(lead, invited, "Retry text");
    smtp.refuseWith(451);
    const first = await deliverDueMail();
    expect(first.retried).toBeGreaterThanOrEqual(1);
    const row = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: invited.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Not due yet: nothing is tried.
    expect((await deliverDueMail()).retried).toBe(0);
    smtp.refuseWith(null);
    await due();
    expect((await deliverDueMail()).sent).toBeGreaterThanOrEqual(1);
    expect(await deliverDueMail()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(mailsTo(smtp, invited.email)).toHaveLength(1);
    expect(await prisma.mailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("a permanent refusal fails the mail and shows the address as bouncing to the head", async () => {
    const delegate = await delegationActor("CN", "DELEGATE");
    await invite(await delegationActor("ZA"), delegate, "Bounce text");
    smtp.refuseWith(550);
    expect((await deliverDueMail()).failed).toBeGreaterThanOrEqual(1);
    smtp.refuseWith(null);
    const head = await delegationActor("CN", "HEAD");
    expect(await prisma.mailOutbox.findFirstOrThrow({ where: { userId: delegate.id } })).toMatchObject({ status: "FAILED", bounced: true });
    const team = await teamReachability(head);
    expect(team.find((p) => p.id === delegate.id)?.reachability).toBe("bounced");
    expect(team.find((p) => p.id === head.id)?.reachability).toBe("unconfirmed");
    expect((await mailHealth()).bounced).toBeGreaterThanOrEqual(1);
  });

  it("without a mail server nothing leaves; the outbox page shows each mail as its recipient would read it", async () => {
    setMailTransport(null);
    const invited = await delegationActor("EG", "DELEGATE");
    await prisma.user.update({ where: { id: invited.id }, data: { locale: "fa" } });
    await invite(await delegationActor("RU"), invited, "Outbox text");
    expect(await deliverDueMail()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const page = await listOutbox({ page: 1, status: "QUEUED" });
    const mine = page.items.find((i) => i.mail?.to === invited.email)!;
    expect(mine.mail!.language).toBe("fa");
    expect(mine.mail!.html).toContain('dir="rtl"');
    expect(mine.mail!.subject).toContain("Outbox text");
    smtp.useAsTransport();
  });
});

describe("digests", () => {
  it("gathers waiting notices at the person's hour in their zone, grouped by proposal, once", async () => {
    const lead = await delegationActor("ID");
    const reader = await delegationActor("ET", "HEAD");
    await prisma.notificationPreference.create({ data: { userId: reader.id, category: "drafting", email: "DIGEST", inApp: true } });
    // Their digest hour has just passed in their zone (Addis Ababa, UTC+3).
    const hour = (new Date().getUTCHours() + 3) % 24;
    await prisma.notificationSettings.create({ data: { userId: reader.id, timeZone: "Africa/Addis_Ababa", digestHour: hour } });
    const first = await invite(lead, reader, "Digest alpha");
    const second = await invite(lead, reader, "Digest beta");
    await prisma.notification.updateMany({ where: { userId: reader.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    expect(await prisma.mailOutbox.count({ where: { userId: reader.id } })).toBe(0);
    const [a, b] = await Promise.all([writeDueDigests(), writeDueDigests()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await prisma.mailOutbox.count({ where: { userId: reader.id, kind: "DIGEST" } })).toBe(1);
    expect(await writeDueDigests()).toBe(0);
    await deliverDueMail();
    const [mail] = mailsTo(smtp, reader.email);
    expect(mail!.parsed.subject).toBe("Concord: your daily digest (2 notices)");
    const text = mail!.parsed.text!;
    expect(text.indexOf("## Digest alpha")).toBeGreaterThan(-1);
    expect(text.indexOf("## Digest beta")).toBeGreaterThan(-1);
    expect(text).toContain(`/en/proposals/${first.slug}`);
    expect(text).toContain(`/en/proposals/${second.slug}`);
    expect(mail!.raw).toContain("c=digest");
  });

  it("waits for the next slot when the notices came after today's", async () => {
    const reader = await delegationActor("IR", "HEAD");
    await prisma.notificationPreference.create({ data: { userId: reader.id, category: "drafting", email: "DIGEST", inApp: true } });
    const hour = (new Date().getUTCHours() + 23) % 24; // an hour ago, in UTC
    await prisma.notificationSettings.create({ data: { userId: reader.id, digestHour: hour } });
    await invite(await delegationActor("AE"), reader, "Too late today");
    await writeDueDigests();
    expect(await prisma.mailOutbox.count({ where: { userId: reader.id } })).toBe(0);
  });
});

describe("unsubscribe and address confirmation", () => {
  it("one-click unsubscribe turns that category's mail off and keeps it in the app", async () => {
    const reader = await delegationActor("MY", "HEAD", "PARTNER");
    await invite(await delegationActor("KZ"), reader, "Unsubscribe text");
    await deliverDueMail();
    const raw = mailsTo(smtp, reader.email)[0]!.raw.replace(/\r?\n(?=[ \t])/g, "");
    const url = new URL(/^List-Unsubscribe: <([^>]+)>/m.exec(raw)![1]!);
    await expect(unsubscribe({ userId: url.searchParams.get("u")!, category: "drafting", token: "forged-token-value" })).rejects.toMatchObject({ status: 400 });
    await unsubscribe({ userId: url.searchParams.get("u")!, category: url.searchParams.get("c")!, token: url.searchParams.get("t")! });
    expect((await getPreferences(reader.id)).drafting).toEqual({ email: "OFF", inApp: true });
    await invite(await delegationActor("BO"), reader, "After unsubscribing");
    expect(await prisma.notification.count({ where: { userId: reader.id, kind: "codrafter.invited" } })).toBe(2);
    expect(await prisma.mailOutbox.count({ where: { userId: reader.id } })).toBe(1);
  });

  it("confirms an address with the mailed link, once", async () => {
    const person = await delegationActor("PE", "DELEGATE");
    await requestAddressConfirmation({ actor: person });
    await deliverDueMail();
    const [mail] = mailsTo(smtp, person.email);
    const link = /(http:\/\/\S+\/account\/notifications\/confirm\?token=[\w-]+)/.exec(mail!.parsed.text!)![1]!;
    const token = new URL(link).searchParams.get("token")!;
    // Sent: the token is no longer kept in the outbox.
    expect(await prisma.mailOutbox.findFirstOrThrow({ where: { userId: person.id, kind: "ADDRESS_CONFIRMATION" } })).toMatchObject({ status: "SENT", payload: {} });
    await expect(confirmAddress({ token })).resolves.toMatchObject({ email: person.email });
    await expect(confirmAddress({ token })).rejects.toMatchObject({ status: 410 });
    expect((await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: person.id } })).verifiedEmail).toBe(person.email);
  });
});

describe("set-based fan-out", () => {
  it("writes one notice and one mail per recipient in one statement, whatever their number", async () => {
    const d = await prisma.delegation.create({ data: { code: "XA", status: "MEMBER" } });
    await prisma.$executeRaw`
      INSERT INTO "User" (id, email, name, "passwordHash", role, "delegationId", "updatedAt")
      SELECT gen_random_uuid(), 'fan' || g || '@concord.example', 'Fan ' || g, 'x', 'DELEGATE', ${d.id}::uuid, now() FROM generate_series(1, 500) g`;
    const p = await createProposal({ actor: await delegationActor("BR"), title: "Fan-out", originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
    const result = await prisma.$transaction((tx) =>
      notifyEvent(tx, { kind: "codrafter.invited", object: { type: "proposal", id: p.id }, proposalId: p.id, to: [{ delegations: [d.id] }] }),
    );
    expect(result).toEqual({ notices: 500, mails: 500 });
  });
});
