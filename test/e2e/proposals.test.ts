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
    await page.locator(".comments .comment").first().waitFor();
    expect(await page.locator(".comments .comment").count()).toBe(1);
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
    await page.locator("#amendments .amendment").first().waitFor();
    expect(await page.locator("#amendments .amendment").count()).toBe(1);
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

// Two drafters edit the same version at once, in two browsers, one in Arabic:
// the second save is never applied over the first. It comes back merged — what
// happened said in words, each change kept — and a section both changed is a
// conflict shown with both texts and a word diff, saved only once settled.
describe.skipIf(!hasBrowser)("two drafters at once", () => {
  let browser: Browser;
  let path = "";

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
  const body = (page: Page, i: number) => page.locator(`textarea[name="sections[${i}].body"]`);
  const saveButton = (page: Page) => page.locator('form[id^="edit-proposal"] > button.button');

  it("the lead drafts a text and invites Egypt to draft it", async () => {
    const page = await as("delegate.za@demo.concord.example", "en");
    await page.goto("/en/proposals/new");
    await page.locator('input[name="title"]').fill("Regional network of AI safety institutes");
    await page.locator('input[name="topics"][value="DIGITAL_GOVERNANCE"]').check();
    await page.locator('input[name="sections[0].heading"]').fill("Principles");
    await page.locator('textarea[name="sections[0].body"]').fill("Institutes share evaluation methods.");
    for (const [i, heading, text] of [
      [1, "Financing", "Each institute funds its own work."],
      [2, "Review", "The network reviews its work every two years."],
    ] as const) {
      await page.getByRole("button", { name: "Add a section" }).click();
      await page.locator(`input[name="sections[${i}].heading"]`).fill(heading);
      await page.locator(`textarea[name="sections[${i}].body"]`).fill(text);
    }
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/\/en\/proposals\/regional-network-of-ai-safety-institutes-[0-9a-f]+$/);
    path = new URL(page.url()).pathname.replace(/^\/en/, "");
    await page.locator('form#co-drafter select[name="delegationId"]').selectOption({ label: "Egypt" });
    await page.locator('form#co-drafter button[type="submit"]').click();
    await page.locator(".proposal-header .meta", { hasText: "Egypt" }).waitFor();
    await page.context().close();
  });

  it("changes made at once to different sections are both kept; the page says so, in Arabic", async () => {
    const ana = await as("delegate.za@demo.concord.example", "en");
    const karim = await as("delegate.eg@demo.concord.example", "ar");
    await ana.goto(`/en${path}/edit`);
    await karim.goto(`/ar${path}/edit`);
    expect(await karim.locator("html").getAttribute("dir")).toBe("rtl");

    await body(ana, 0).fill("Institutes share evaluation methods and test results.");
    await ana.locator('input[name="changeNote"]').fill("Principles: results too");
    await saveButton(ana).click();
    await ana.waitForURL(/\?saved=1$/);

    // Karim saves on version 1, unaware of version 2.
    await body(karim, 1).fill("Each institute funds its own work; a joint fund pays for shared tests.");
    await karim.locator('input[name="changeNote"]').fill("تمويل مشترك");
    await saveButton(karim).click();
    const review = karim.getByTestId("merge-review");
    await review.waitFor();
    expect(await review.locator("h2").textContent()).toBe("لم يُطبَّق حفظك: تغيّر النص أثناء تحريرك له");
    const words = (await review.textContent()) ?? "";
    expect(words).toContain("الإصدار 2 بواسطة Pieter van der Merwe");
    expect(words).toContain("Principles");
    expect(words).toContain("Financing");
    // The form now holds both changes, based on version 2; nothing Karim typed is lost.
    expect(await body(karim, 0).inputValue()).toBe("Institutes share evaluation methods and test results.");
    expect(await body(karim, 1).inputValue()).toBe("Each institute funds its own work; a joint fund pays for shared tests.");
    await karim.locator('input[name="changeNote"]').fill("تمويل مشترك");
    await saveButton(karim).click();
    await karim.waitForURL(/\?saved=1$/);
    const text = (await karim.locator("article").textContent()) ?? "";
    expect(text).toContain("and test results");
    expect(text).toContain("a joint fund pays for shared tests");
    await ana.context().close();
    await karim.context().close();
  });

  it("a section both changed is a conflict: both texts and a word diff, no save until settled, then the combined text", async () => {
    const ana = await as("delegate.za@demo.concord.example", "en");
    const karim = await as("delegate.eg@demo.concord.example", "ar");
    await ana.goto(`/en${path}/edit`);
    await karim.goto(`/ar${path}/edit`);
    await body(ana, 2).fill("The network reviews its work every year.");
    await ana.locator('input[name="changeNote"]').fill("Yearly review");
    await saveButton(ana).click();
    await ana.waitForURL(/\?saved=1$/);

    await body(karim, 2).fill("The network reviews its work every three years.");
    await karim.locator('input[name="changeNote"]').fill("مراجعة");
    await saveButton(karim).click();
    const conflict = karim.locator(".conflict-block");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("every year.");
    expect(await conflict.textContent()).toContain("every three years.");
    expect(await conflict.locator("del").allTextContents()).toContain("year");
    expect((await conflict.locator("ins").allTextContents()).join(" ")).toContain("three years");
    // Saving without a choice is refused; the conflict stays on the page and nothing is saved.
    await karim.locator('input[name="changeNote"]').fill("مراجعة");
    await saveButton(karim).click();
    await karim.locator('[id="sections[2]-resolution-error"]').waitFor();
    await karim.waitForLoadState("networkidle");
    expect(karim.url()).toMatch(/\/edit$/);
    expect(await karim.locator(".conflict-block").textContent()).toContain("every year.");
    // Settle it: a combined text in the editor.
    await body(karim, 2).fill("The network reviews its work every year, and its mandate every three years.");
    await karim.locator('input[name="sections[2].resolution"][value="edited"]').check();
    expect(await body(karim, 2).inputValue()).toBe("The network reviews its work every year, and its mandate every three years.");
    await saveButton(karim).click();
    await karim.waitForURL(/\?saved=1$/);
    expect(await karim.locator("article").textContent()).toContain("its mandate every three years");

    // The history shows each drafter's contribution.
    await ana.goto(`/en${path}/versions`);
    const rows = await ana.locator("tbody tr").allTextContents();
    expect(rows.filter((r) => r.includes("Karim Mansour"))).toHaveLength(2);
    expect(rows.filter((r) => r.includes("Pieter van der Merwe"))).toHaveLength(3);
    await ana.context().close();
    await karim.context().close();
  });
});
