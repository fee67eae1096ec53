// Two drafters of one delegation edit the same strategy at once (issue 11), in a
// real browser without JavaScript: a change to another part is kept and merged
// in; a field both changed is a conflict shown with both texts, refused until
// settled, then saved as the drafter chose. Nothing either of them typed is lost.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, launch, newContext, signIn, signInWithTotp, withKnownTotp } from "./browser";

describe.skipIf(!hasBrowser)("two drafters of a strategy at once", () => {
  let browser: Browser;
  let path = "";

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  function watch(page: Page) {
    page.on("pageerror", (e) => {
      throw e;
    });
    return page;
  }
  const delegate = async () => {
    const page = watch(await (await newContext(browser, "en-GB")).newPage());
    await signIn(page, "delegate.ru@demo.concord.example", undefined, "en");
    return page;
  };
  const head = async () => {
    const email = "head.ru@demo.concord.example";
    const secret = await withKnownTotp(email);
    const page = watch(await (await newContext(browser, "ru")).newPage());
    await signInWithTotp(page, email, secret, "ru");
    return page;
  };
  const save = (page: Page) => page.locator('form[id^="edit-strategy"] > button.button');

  it("a delegate drafts a strategy with two sections", async () => {
    const page = await delegate();
    await page.goto("/en/strategies/new");
    await page.locator('input[name="title"]').fill("Russian AI compute strategy");
    await page.locator('textarea[name="summary"]').fill("Public compute for research institutes.");
    await page.locator('input[name="issuingAuthority"]').fill("Ministry of Digital Development");
    await page.locator('input[name="dimensions"][value="DIGITAL_INFRASTRUCTURE"]').check();
    await page.locator('textarea[name="dimensionNotes.DIGITAL_INFRASTRUCTURE"]').fill("National compute centres.");
    await page.locator('input[name="sections[0].heading"]').fill("Compute");
    await page.locator('textarea[name="sections[0].body"]').fill("Three national centres serve research.");
    await page.getByRole("button", { name: "Add a section" }).click();
    await page.locator('input[name="sections[1].heading"]').fill("Access");
    await page.locator('textarea[name="sections[1].body"]').fill("Universities apply once a year.");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/\/en\/strategies\/russian-ai-compute-strategy-[0-9a-f]+$/);
    path = new URL(page.url()).pathname.replace(/^\/en/, "");
    await page.context().close();
  });

  it("a change to another part is merged in; a field both changed is a conflict, settled by the second drafter", async () => {
    const first = await delegate();
    const second = await head();
    await first.goto(`/en${path}/edit`);
    await second.goto(`/ru${path}/edit`);

    // The delegate changes the summary and a section, and saves version 2.
    await first.locator('textarea[name="summary"]').fill("Public compute for research institutes and universities.");
    await first.locator('textarea[name="sections[0].body"]').fill("Four national centres serve research.");
    await first.locator('input[name="changeNote"]').fill("Four centres");
    await save(first).click();
    await first.waitForURL(`**/en${path}`);

    // The head, still on version 1, changes the summary differently and the other section.
    await second.locator('textarea[name="summary"]').fill("Public compute for research institutes, free of charge.");
    await second.locator('textarea[name="sections[1].body"]').fill("Universities apply twice a year.");
    await second.locator('input[name="changeNote"]').fill("Дважды в год");
    await save(second).click();
    await second.getByTestId("merge-review").waitFor();
    // The section only the delegate changed is taken in; the head's own change is kept.
    expect(await second.locator('textarea[name="sections[0].body"]').inputValue()).toBe("Four national centres serve research.");
    expect(await second.locator('textarea[name="sections[1].body"]').inputValue()).toBe("Universities apply twice a year.");
    // The summary both changed: both texts, nothing saved without a choice.
    const conflict = second.locator('[data-conflict="summary"]');
    expect(await conflict.textContent()).toContain("and universities.");
    expect(await conflict.textContent()).toContain("free of charge.");
    await second.locator('input[name="changeNote"]').fill("Дважды в год");
    await save(second).click();
    await second.locator("#resolution-summary-error").waitFor();
    expect(second.url()).toMatch(/\/edit$/);

    // Settled with a combined text.
    await second.locator('textarea[name="summary"]').fill("Public compute for research institutes and universities, free of charge.");
    await second.locator('input[name="fieldResolutions.summary"][value="edited"]').check();
    await save(second).click();
    await second.waitForURL(`**/ru${path}`);
    const text = (await second.locator("main").textContent()) ?? "";
    expect(text).toContain("and universities, free of charge.");
    expect(text).toContain("Four national centres serve research.");
    expect(text).toContain("Universities apply twice a year.");
    await first.context().close();
    await second.context().close();
  });
});
