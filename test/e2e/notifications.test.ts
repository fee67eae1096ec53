// The participation loop in a real browser, with a real SMTP server receiving
// what the server under test mails: a head is told a vote opened, follows the
// mail's link, votes, and the reminder that follows never comes to them; the
// secretariat's dashboard shows who has voted (never how); a person sets their
// notification preferences in Arabic without JavaScript.
import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { e2eDb, hasBrowser, launch, newContext, signIn, signInWithTotp, withKnownTotp } from "./browser";

const TITLE = "Cross-border data flows for AI training";

async function mails(): Promise<{ to: string; mail: ParsedMail }[]> {
  const dir = inject("mailDir");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort();
  return Promise.all(
    files.map(async (f) => {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const to = Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? "");
      return { to, mail };
    }),
  );
}

async function mailTo(address: string, match: (m: ParsedMail) => boolean, timeoutMs = 20_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mails()).find((m) => m.to === address && match(m.mail));
    if (found) return found.mail;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${address} in time`);
}

describe.skipIf(!hasBrowser)("notifications in the browser", () => {
  let browser: Browser;
  let slug = "";
  let voteId = "";

  beforeAll(async () => {
    browser = await launch();
    const prisma = await e2eDb();
    const { createProposal } = await import("~/modules/proposal/proposal.server");
    const { openVote } = await import("~/modules/vote/vote.server");
    const { actorFor } = await import("../factories");
    const lead = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email: "delegate.br@demo.concord.example" } }));
    const chair = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.concord.example" } }));
    const proposal = await createProposal({
      actor: lead,
      title: TITLE,
      originalLanguage: "en",
      topics: ["DATA_OWNERSHIP"],
      sections: [{ heading: "Principle", body: "Data stays where its people decide." }],
    });
    slug = proposal.slug;
    voteId = (await openVote({ actor: chair, proposalId: proposal.id, rule: "SIMPLE_MAJORITY", quorumPercent: 20, closesAt: new Date(Date.now() + 3 * 86_400_000) })).id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(email: string, lang = "en"): Promise<Page> {
    const secret = await withKnownTotp(email);
    const page = await (await newContext(browser, lang)).newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    await signInWithTotp(page, email, secret, lang);
    return page;
  }

  it("a head gets the vote-opened mail, follows its link, votes — and the reminder never comes to them", async () => {
    // India's head reads Concord in Hindi: the mail is in Hindi and links to the Hindi page.
    const mail = await mailTo("head.in@demo.concord.example", (m) => (m.subject ?? "").includes(TITLE));
    expect(mail.subject).toMatch(new RegExp(`^${TITLE} पर मतदान खुल गया है — .+ को बंद होगा$`));
    const link = /(http:\/\/\S+\/hi\/proposals\/\S+\/vote)/.exec(mail.text ?? "")![1]!;
    expect(link).toContain(`/hi/proposals/${slug}/vote`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('lang="hi"');

    const page = await as("head.in@demo.concord.example", "hi");
    // The header counts the unread notice; the centre names the vote's text.
    expect(Number(await page.getByTestId("notifications-link").locator(".badge").textContent())).toBeGreaterThanOrEqual(1);
    await page.goto("/en/notifications");
    expect(await page.getByTestId("notices").textContent()).toContain(`A vote is open on ${TITLE}`);
    await page.goto(new URL(link).pathname);
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    await page.locator('form#cast input[name="choice"][value="YES"]').check();
    await page.locator('form#cast button[type="submit"]').click();
    await page.waitForURL(/\?cast=1$/);
    await page.context().close();

    // Two hours before the (moved) deadline the server's job reminds those who have not voted.
    const prisma = await e2eDb();
    const closesAt = new Date(Date.now() + 90 * 60_000);
    await prisma.vote.update({ where: { id: voteId }, data: { openedAt: new Date(Date.now() - 10 * 3_600_000), closesAt } });
    const { sendJobNow } = await import("~/modules/jobs/boss.server");
    await sendJobNow("vote-remind", { voteId, closesAt: closesAt.toISOString(), hours: 2 });
    // China has not voted: its head is reminded (a second mail naming the text, after the opening one); India's is not.
    const aboutTitle = async (to: string) => (await mails()).filter((m) => m.to === to && (m.mail.subject ?? "").includes(TITLE));
    const deadline = Date.now() + 20_000;
    while ((await aboutTitle("head.cn@demo.concord.example")).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await aboutTitle("head.cn@demo.concord.example")).toHaveLength(2);
    expect(await aboutTitle("head.in@demo.concord.example")).toHaveLength(1);
    const india = await prisma.user.findUniqueOrThrow({ where: { email: "head.in@demo.concord.example" } });
    expect(await prisma.notification.count({ where: { userId: india.id, kind: "vote.reminder" } })).toBe(0);
  });

  it("the secretariat's dashboard shows participation, never how anyone voted", async () => {
    const page = await as("secretariat@demo.concord.example");
    await page.goto("/en/admin");
    const card = page.getByTestId("open-vote").filter({ hasText: TITLE });
    expect(await card.getByTestId("participation").textContent()).toBe("1 of 10 have voted");
    expect(await card.getByTestId("voted").textContent()).toBe("India");
    expect(await card.getByTestId("not-voted").textContent()).toContain("Brazil");
    expect(await card.textContent()).toContain("United Arab Emirates");
    expect(await card.textContent()).not.toMatch(/\bYes\b/);
    expect(await page.getByTestId("unable-delegations").textContent()).toContain("United Arab Emirates");
    expect(Number(await page.getByTestId("mail-health").locator("dd").nth(1).textContent())).toBeGreaterThan(0);
    await page.context().close();
  });

  it("sets notification preferences without JavaScript, in Arabic", async () => {
    const context = await browser.newContext({ baseURL: inject("baseUrl"), locale: "ar", javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signIn(page, "delegate.eg@demo.concord.example", undefined, "ar");
    await page.goto("/ar/account/notifications");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).toBe("تفضيلات الإشعارات");
    await page.locator('select[name="timeZone"]').selectOption("Asia/Tehran");
    await page.locator('select[name="digestHour"]').selectOption("18");
    await page.locator('input[name="categories.comments.email"][value="OFF"]').check();
    await page.locator('input[name="categories.strategies.inApp"]').uncheck();
    await page.locator('form#preferences button[type="submit"]').click();
    await page.waitForURL(/saved=preferences/);
    expect(await page.locator(".alert-success").textContent()).toBe("حُفظت تفضيلاتك.");
    expect(await page.locator('select[name="timeZone"]').inputValue()).toBe("Asia/Tehran");
    expect(await page.locator('input[name="categories.comments.email"][value="OFF"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="categories.strategies.inApp"]').isChecked()).toBe(false);
    await page.locator('input[name="dimensions"][value="DATA_OWNERSHIP"]').check();
    await page.locator('button:has-text("حفظ الأبعاد")').click();
    await page.waitForURL(/saved=dimensions/);
    await context.close();

    const prisma = await e2eDb();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "delegate.eg@demo.concord.example" } });
    expect(await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ timeZone: "Asia/Tehran", digestHour: 18 });
    expect(await prisma.notificationPreference.findUniqueOrThrow({ where: { userId_category: { userId: user.id, category: "comments" } } })).toMatchObject({
      email: "OFF",
      inApp: true,
    });
    expect(await prisma.notificationPreference.findUniqueOrThrow({ where: { userId_category: { userId: user.id, category: "strategies" } } })).toMatchObject({ inApp: false });
    expect(await prisma.follow.count({ where: { userId: user.id, targetType: "DSI_DIMENSION", targetId: "DATA_OWNERSHIP" } })).toBe(1);
  });
});
