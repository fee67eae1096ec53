// The voting journey in a real browser, in English and Arabic: the secretariat
// opens a consensus vote, three member heads vote (one with a reservation), a
// partner delegation cannot vote, the vote closes, and the position shows the
// reservation as a footnote.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eDb, hasBrowser, launch, newContext, signInWithTotp, withKnownTotp } from "./browser";

describe.skipIf(!hasBrowser)("voting in the browser", () => {
  let browser: Browser;
  let slug = "";

  beforeAll(async () => {
    browser = await launch();
    // The text to vote on, drafted by Brazil through the service (drafting has its own journey).
    const prisma = await e2eDb();
    const { createProposal } = await import("~/modules/proposal/proposal.server");
    const { actorFor } = await import("../factories");
    const lead = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email: "delegate.br@demo.concord.example" } }));
    const proposal = await createProposal({
      actor: lead,
      title: "Joint position on AI in public health",
      originalLanguage: "en",
      topics: ["DIGITAL_GOVERNANCE"],
      sections: [
        { heading: "Principles", body: "Health data used to train AI stays under the control of the public health authority." },
        { heading: "Cooperation", body: "Member States share evaluation results of diagnostic AI systems." },
      ],
    });
    slug = proposal.slug;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(email: string, lang: string): Promise<Page> {
    const secret = await withKnownTotp(email);
    const context = await newContext(browser, lang === "ar" ? "ar" : "en");
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    await signInWithTotp(page, email, secret, lang);
    return page;
  }

  async function vote(email: string, lang: string, choiceValue: string, reservation?: string) {
    const page = await as(email, lang);
    await page.goto(`/${lang}/proposals/${slug}/vote`);
    await page.locator(`form#cast input[name="choice"][value="${choiceValue}"]`).check();
    if (reservation) {
      await page.locator("form#cast details summary").click();
      await page.locator('form#cast textarea[name="reservations[0].text"]').fill(reservation);
    }
    await page.locator('form#cast button[type="submit"]').click();
    await page.waitForURL(/\?cast=1$/);
    expect(await page.getByTestId("receipt").textContent()).toMatch(/^[0-9a-f]{64}$/);
    await page.context().close();
  }

  it("the secretariat opens a consensus vote", async () => {
    const page = await as("secretariat@demo.concord.example", "en");
    await page.goto(`/en/proposals/${slug}/vote`);
    await page.locator('form#open-vote select[name="rule"]').selectOption("CONSENSUS");
    await page.locator('form#open-vote input[name="quorumPercent"]').fill("20");
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    await page.locator('form#open-vote input[name="closesAt"]').fill(tomorrow);
    await page.locator('form#open-vote button[type="submit"]').click();
    await expect.poll(() => page.locator("h3#vote-facts").textContent()).toBe("Consensus");
    expect(await page.locator("main").textContent()).toContain("0 of 10 eligible member delegations have voted");
    await page.context().close();
  });

  it("three member heads vote, one in Arabic and one with a reservation; results stay hidden", async () => {
    await vote("head.in@demo.concord.example", "en", "YES");
    await vote("head.za@demo.concord.example", "ar", "YES");
    await vote("head.cn@demo.concord.example", "en", "YES", "China reads “public health authority” as the national one.");
    const page = await as("head.br@demo.concord.example", "en");
    await page.goto(`/en/proposals/${slug}/vote`);
    expect(await page.locator("main").textContent()).toContain("3 of 10 eligible member delegations have voted");
    expect(await page.locator(".results-chart").count()).toBe(0);
    await page.context().close();
  });

  it("a partner delegation's head cannot vote", async () => {
    const page = await as("head.my@demo.concord.example", "en");
    await page.goto(`/en/proposals/${slug}/vote`);
    expect(await page.locator("form#cast").count()).toBe(0);
    await page.context().close();
  });

  it("the vote closes and the position shows the reservation as a footnote, in English and Arabic", async () => {
    const prisma = await e2eDb();
    const proposal = await prisma.proposal.findUniqueOrThrow({ where: { slug } });
    await prisma.vote.updateMany({ where: { proposalId: proposal.id, status: "OPEN" }, data: { closesAt: new Date(Date.now() - 1000) } });
    const page = await as("secretariat@demo.concord.example", "en");
    await page.goto(`/en/proposals/${slug}/vote`);
    await expect.poll(() => page.locator(".outcome").textContent()).toBe("Adopted");
    await page.goto(`/en/positions/${slug}`);
    expect(await page.locator("h1").textContent()).toBe("Joint position on AI in public health");
    expect(await page.locator(".footnotes").textContent()).toContain("China reads “public health authority” as the national one.");
    expect(await page.locator(".proposal-section sup a").first().getAttribute("href")).toBe("#fn-1");
    await page.context().close();

    const context = await newContext(browser, "ar");
    const reader = await context.newPage();
    await reader.goto(`/ar/positions/${slug}`);
    expect(await reader.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await reader.locator(".footnotes").textContent()).toContain("China reads");
    expect(await reader.locator(".footnotes strong").first().textContent()).toBe("الصين:");
    await context.close();
  });
});
