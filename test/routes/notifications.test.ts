// The notification pages called as the HTTP server calls them: the centre names
// each object in the reader's language and pages; marking read; preferences
// keep bad input and say why; one-click unsubscribe works without a session;
// the dashboard shows who voted, never how; the home page names what needs you.
import { describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor, newTotpSecret } from "../factories";
import { get, loadContext, post, respond, sessionCookieFor } from "../http";
import * as centre from "~/routes/$lang.notifications";
import * as preferencesPage from "~/routes/$lang.account.notifications._index";
import * as unsubscribeLink from "~/routes/mail.unsubscribe";
import * as unsubscribePage from "~/routes/$lang.mail.unsubscribe";
import * as dashboard from "~/routes/$lang.admin._index";
import * as home from "~/routes/$lang._index";
import * as follow from "~/routes/$lang.follow";
import { prisma } from "~/utils/db.server";
import { ensureSettings, unsubscribeToken } from "~/modules/notification/preferences.server";
import { createProposal, inviteCoDrafter, saveTranslation } from "~/modules/proposal/proposal.server";
import { castBallot, openVote } from "~/modules/vote/vote.server";

const args = (request: Request, params: Record<string, string> = { lang: "en" }) => ({ request, params, context: loadContext() });

async function invitedTo(title: string, invited: Awaited<ReturnType<typeof delegationActor>>, lead: Awaited<ReturnType<typeof delegationActor>>) {
  const p = await createProposal({ actor: lead, title, originalLanguage: "en", topics: ["DIGITAL_GOVERNANCE"], sections: [{ heading: "H", body: "B" }] });
  await inviteCoDrafter({ actor: lead, proposalId: p.id, delegationId: invited.delegation!.id });
  return p;
}

describe("notification centre", () => {
  it("names each object in the reader's language, links to it, pages, and marks read", async () => {
    const lead = await delegationActor("BR");
    const reader = await delegationActor("EG", "DELEGATE");
    const p = await invitedTo("Shared compute", reader, lead);
    const key = (await prisma.proposalSection.findFirstOrThrow({ where: { text: { version: { proposalId: p.id } } } })).key;
    await saveTranslation({
      actor: lead,
      proposalId: p.id,
      version: 1,
      language: "ar",
      kind: "OFFICIAL_TRANSLATION",
      title: "الحوسبة المشتركة",
      sections: [{ key, heading: "ع", body: "ب" }],
    });
    for (let i = 0; i < 21; i++) await invitedTo(`Text ${i}`, reader, lead);
    const cookie = await sessionCookieFor(reader.id);

    const ar = await (await respond(() => centre.loader(args(get("/ar/notifications?page=2", cookie), { lang: "ar" })))).json();
    expect(ar.total).toBe(22);
    expect(ar.notices).toHaveLength(2);
    const shared = ar.notices.find((n: { title: string }) => n.title === "الحوسبة المشتركة");
    expect(shared).toMatchObject({ titleLanguage: "ar", href: `/ar/proposals/${p.slug}` });
    expect(shared.before + shared.title + shared.after).toBe("دعا البرازيل وفدكم إلى المشاركة في صياغة الحوسبة المشتركة");

    const one = await prisma.notification.findFirstOrThrow({ where: { userId: reader.id } });
    const other = await delegationActor("IN");
    // Someone else's notice id changes nothing.
    await respond(() => centre.action(args(post("/en/notifications", { intent: "markRead", notificationId: one.id }, cookie))));
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: one.id } })).readAt).not.toBeNull();
    const otherCookie = await sessionCookieFor(other.id);
    await respond(() => centre.action(args(post("/en/notifications", { intent: "markAllRead" }, otherCookie))));
    const unread = await prisma.notification.findFirstOrThrow({ where: { userId: reader.id, readAt: null } });
    await respond(() => centre.action(args(post("/en/notifications", { intent: "markRead", notificationId: unread.id }, otherCookie))));
    expect(await prisma.notification.count({ where: { userId: reader.id, readAt: null } })).toBe(21);
    await respond(() => centre.action(args(post("/en/notifications", { intent: "markAllRead" }, cookie))));
    expect(await prisma.notification.count({ where: { userId: reader.id, readAt: null } })).toBe(0);
  });
});

describe("preferences", () => {
  it("refuses an unknown time zone with the message beside the field and the input kept; saves a valid form", async () => {
    const person = await delegationActor("CN", "DELEGATE");
    const cookie = await sessionCookieFor(person.id);
    const fields: Record<string, string> = { intent: "preferences", timeZone: "Mars/Olympus", digestHour: "8" };
    for (const c of ["votes", "consultations", "comments", "amendments", "brackets", "drafting", "datasets", "dsi", "strategies", "evaluations"]) {
      fields[`categories.${c}.email`] = c === "comments" ? "OFF" : "IMMEDIATE";
      if (c !== "strategies") fields[`categories.${c}.inApp`] = "on";
    }
    const bad = await respond(() => preferencesPage.action(args(post("/en/account/notifications", fields, cookie))));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.result.error.timeZone).toEqual(["notifications:errors.timeZone"]);
    expect(body.result.initialValue.timeZone).toBe("Mars/Olympus");
    expect(body.result.initialValue.categories.comments.email).toBe("OFF");
    expect(await prisma.notificationPreference.count({ where: { userId: person.id } })).toBe(0);

    fields.timeZone = "Asia/Shanghai";
    const ok = await respond(() => preferencesPage.action(args(post("/en/account/notifications", fields, cookie))));
    expect(ok.headers.get("Location")).toBe("/en/account/notifications?saved=preferences");
    expect(await prisma.notificationPreference.findUniqueOrThrow({ where: { userId_category: { userId: person.id, category: "strategies" } } })).toMatchObject({
      email: "IMMEDIATE",
      inApp: false,
    });
    expect(await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: person.id } })).toMatchObject({ timeZone: "Asia/Shanghai", digestHour: 8 });
  });

  it("follows and unfollows through the follow form, back to a page on this site only", async () => {
    const person = await delegationActor("ZA", "DELEGATE");
    const cookie = await sessionCookieFor(person.id);
    const res = await respond(() =>
      follow.action(args(post("/en/follow", { intent: "follow", targetType: "DSI_DIMENSION", targetId: "DIGITAL_CAPABILITY", redirectTo: "//evil.example" }, cookie))),
    );
    expect(res.headers.get("Location")).toBe("/en/account/notifications");
    expect(await prisma.follow.count({ where: { userId: person.id } })).toBe(1);
    const missing = await respond(() =>
      follow.action(args(post("/en/follow", { intent: "follow", targetType: "PROPOSAL", targetId: "00000000-0000-4000-8000-000000000000" }, cookie))),
    );
    expect(missing.status).toBe(404);
  });
});

describe("one-click unsubscribe", () => {
  it("takes the RFC 8058 POST without a session; a forged token changes nothing", async () => {
    const person = await delegationActor("RU", "DELEGATE");
    const { unsubscribeKey } = await ensureSettings(person.id);
    const token = unsubscribeToken(unsubscribeKey, person.id, "votes");
    await prisma.user.update({ where: { id: person.id }, data: { locale: "ru" } });
    const query = `u=${person.id}&c=votes&t=${token}`;
    const forged = await respond(() => unsubscribeLink.action(args(post(`/mail/unsubscribe?u=${person.id}&c=votes&t=${"x".repeat(43)}`, { "List-Unsubscribe": "One-Click" }), {})));
    expect(forged.status).toBe(404);
    // A person opening the link is sent to the page in their own language, which asks to confirm.
    const opened = await respond(() => unsubscribeLink.loader(args(get(`/mail/unsubscribe?${query}`), {})));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/ru/mail/unsubscribe?${query}`);
    const forgedPage = await respond(() => unsubscribeLink.loader(args(get(`/mail/unsubscribe?u=${person.id}&c=votes&t=${"x".repeat(43)}`), {})));
    expect(forgedPage.status).toBe(404);
    const page = await respond(() => unsubscribePage.loader(args(get(`/ru/mail/unsubscribe?${query}`), { lang: "ru" })));
    expect(page.status).toBe(200);
    expect(((await page.json()) as { lang: string }).lang).toBe("ru");
    // Looking at the page changes nothing.
    expect(await prisma.notificationPreference.count({ where: { userId: person.id } })).toBe(0);
    const done = await respond(() => unsubscribeLink.action(args(post(`/mail/unsubscribe?${query}`, { "List-Unsubscribe": "One-Click" }), {})));
    expect(done.status).toBe(200);
    expect(await prisma.notificationPreference.findUniqueOrThrow({ where: { userId_category: { userId: person.id, category: "votes" } } })).toMatchObject({
      email: "OFF",
      inApp: true,
    });
  });
});

describe("dashboard and home", () => {
  it("the dashboard shows who has voted, never how; only the secretariat sees it", async () => {
    const heads = await Promise.all(["ET", "IR"].map((c) => delegationActor(c, "HEAD")));
    const chair = await actorFor(await createUser({ role: "SECRETARIAT", totpSecret: newTotpSecret() }));
    const lead = await delegationActor("ET");
    const p = await createProposal({ actor: lead, title: "Dashboard text", originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
    const vote = await openVote({ actor: chair, proposalId: p.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: new Date(Date.now() + 48 * 3_600_000) });
    await castBallot({ actor: heads[0]!, voteId: vote.id, choice: "NO" });
    const anonymous = await respond(() => dashboard.loader(args(get("/en/admin"))));
    expect(anonymous.status).toBe(302);
    const delegateCookie = await sessionCookieFor(lead.id);
    expect((await respond(() => dashboard.loader(args(get("/en/admin", delegateCookie))))).status).toBe(403);
    const chairCookie = await sessionCookieFor(chair.id);
    const res = await respond(() => dashboard.loader(args(get("/en/admin", chairCookie))));
    const body = await res.text();
    const data = JSON.parse(body);
    const open = data.openVotes.find((v: { id: string }) => v.id === vote.id);
    expect(open).toMatchObject({ voted: 1, title: "Dashboard text" });
    expect(open.delegations.find((d: { code: string }) => d.code === "ET").state).toBe("voted");
    expect(open.delegations.find((d: { code: string }) => d.code === "IR").state).toBe("waiting");
    expect(body).not.toContain('"NO"');
    expect(body).not.toContain("choice");
  });

  it("home names what needs the person: a ballot to cast, with its text and deadline", async () => {
    const head = await delegationActor("ID", "HEAD");
    const chair = await actorFor(await createUser({ role: "SECRETARIAT" }));
    const p = await createProposal({ actor: await delegationActor("BR"), title: "Text to vote on", originalLanguage: "en", topics: [], sections: [{ heading: "H", body: "B" }] });
    await openVote({ actor: chair, proposalId: p.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: new Date(Date.now() + 48 * 3_600_000) });
    const headCookie = await sessionCookieFor(head.id);
    const data = await (await respond(() => home.loader(args(get("/en", headCookie))))).json();
    const ballot = data.todo.find((t: { title: string }) => t.title === "Text to vote on");
    expect(ballot.before).toBe("Cast your delegation's ballot on ");
    expect(ballot.after).toMatch(/ — closes .+ UTC$/);
    expect(ballot.href).toBe(`/en/proposals/${p.slug}/vote`);
  });
});
