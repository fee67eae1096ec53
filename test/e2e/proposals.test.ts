// The proposal journey in a real browser, in English and Arabic (right-to-left):
// a delegate drafts, another delegation's expert comments on a section, a
// delegate of a third delegation proposes an amendment, the lead accepts it,
// and the word-level diff shows the change.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, launch, newContext, signIn } from "./browser";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasBrowser)("proposals in the browser", () => {
  let browser: Browser;
  let proposalPath = "";
  let sectionPath = "";

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(email: string, lang: string): Promise<Page> {
    const context = await newContext(browser, lang === "ar" ? "ar-EG" : "en-GB");
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    await signIn(page, email, undefined, lang);
    return page;
  }

  it("a delegate drafts a proposal and opens consultation", async () => {
    const page = await as("delegate.za@demo.concord.example", "en");
    await page.goto("/en/proposals/new");
    await page.locator('input[name="title"]').fill("Shared compute for public-interest AI");
    await page.locator('input[name="topics"][value="DIGITAL_INFRASTRUCTURE"]').check();
    await page.locator('input[name="sections[0].heading"]').fill("Purpose");
    await page.locator('textarea[name="sections[0].body"]').fill("Member states pool compute for public-interest AI research.");
    await page.getByRole("button", { name: "Add a section" }).click();
    await page.locator('input[name="sections[1].heading"]').fill("Governance");
    await page.locator('textarea[name="sections[1].body"]').fill("A steering group of member states oversees the shared facility.");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/\/en\/proposals\/shared-compute-for-public-interest-ai-[0-9a-f]+$/);
    proposalPath = new URL(page.url()).pathname.replace(/^\/en/, "");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Shared compute for public-interest AI");
    expect(await page.locator("article").textContent()).toContain("A steering group of member states");

    await page.locator('form#consultation input[name="until"]').fill(inDays(14));
    await page.getByRole("button", { name: "Open consultation" }).click();
    await expect.poll(() => page.locator(".proposal-header .status").textContent()).toBe("Consultation");
    const discuss = page.locator(".section-activity a").nth(1);
    sectionPath = new URL((await discuss.getAttribute("href"))!, "http://x").pathname.replace(/^\/en/, "");
    await page.context().close();
  });

  it("an expert of another delegation comments on a section, in Arabic", async () => {
    const page = await as("expert.eg@demo.concord.example", "ar");
    await page.goto(`/ar${proposalPath}`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    // Not translated into Arabic yet: the original is shown with a notice and the list of languages.
    await expect.poll(() => page.locator('.proposal-header [role="note"]').count()).toBe(1);
    await page.goto(`/ar${sectionPath}`);
    await page.locator('form#comment textarea[name="body"]').fill("نؤيد إنشاء فريق توجيهي يضم جميع الدول الأعضاء.");
    await page.locator('form#comment select[name="stance"]').selectOption("SUPPORT");
    await page.locator('form#comment button[type="submit"]').click();
    await expect.poll(() => page.locator(".comments .comment").count()).toBe(1);
    expect(await page.locator(".comments .comment .markdown").textContent()).toContain("فريق توجيهي");
    await page.context().close();
  });

  it("a delegate of a third delegation proposes an amendment; an empty rationale is refused beside the field, text kept", async () => {
    const page = await as("delegate.in@demo.concord.example", "en");
    await page.goto(`/en${sectionPath}`);
    await page.getByText("Propose an amendment to this section").click();
    await page.locator('form#amend textarea[name="body"]').fill("A steering group of all member states, rotating annually, oversees the shared facility.");
    await page.locator('form#amend button[type="submit"]').click();
    const rationale = page.locator('form#amend textarea[name="rationale"]');
    await expect.poll(() => rationale.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('form#amend textarea[name="body"]').inputValue()).toContain("rotating annually");
    await rationale.fill("Rotation keeps the facility accountable to every member.");
    await page.locator('form#amend button[type="submit"]').click();
    await expect.poll(() => page.locator("#amendments .amendment").count()).toBe(1);
    await page.context().close();
  });

  it("the lead accepts it, and the diff shows the change in English and Arabic", async () => {
    const page = await as("delegate.za@demo.concord.example", "en");
    await page.goto(`/en${sectionPath}`);
    await page.getByRole("button", { name: "Accept (new version)" }).click();
    await page.waitForURL(/\/versions\?from=1&to=2$/);
    const inserted = await page.locator(".diff ins").allTextContents();
    expect(inserted.join(" ")).toContain("rotating annually");
    await page.goto(`/en${proposalPath}`);
    expect(await page.locator(".proposal-aside").textContent()).toContain("Amendment of India");
    await page.context().close();

    const reader = await as("expert.eg@demo.concord.example", "ar");
    await reader.goto(`/ar${proposalPath}/versions?from=1&to=2`);
    expect(await reader.locator("html").getAttribute("dir")).toBe("rtl");
    expect((await reader.locator(".diff ins").allTextContents()).join(" ")).toContain("rotating annually");
    expect(await reader.locator("h2").first().textContent()).not.toBe("Versions");
    await reader.context().close();
  });
});
