// Search in a real browser: from the header box of any page, in each of the
// ten languages; an Arabic search, right to left, with the matched word marked;
// a member finding a Chinese word inside a Chinese-original draft, grouped by
// kind; and the box and the filters without JavaScript.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { baseUrl, hasBrowser, launch, newContext, signIn } from "./browser";

const t = (lang: string, ns: string, key: string): string =>
  key.split(".").reduce((o: unknown, k) => (o as Record<string, unknown>)[k], JSON.parse(fs.readFileSync(path.resolve("locales", lang, `${ns}.json`), "utf8"))) as string;

describe.skipIf(!hasBrowser)("search in the browser", () => {
  let browser: Browser;

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

  const marked = (page: Page) => page.locator(".search-results mark").allTextContents();

  it("searches from the header box of a page in every language", async () => {
    const context = await newContext(browser);
    const page = watch(await context.newPage());
    for (const lang of LANGUAGE_CODES) {
      await page.goto(`/${lang}/strategies`);
      const box = page.getByRole("search", { name: t(lang, "common", "nav.searchLabel") }).getByLabel(t(lang, "common", "nav.searchLabel"));
      await box.fill("sovereign");
      await Promise.all([page.waitForURL(new RegExp(`/${lang}/search\\?q=sovereign$`)), box.press("Enter")]);
      await expect.poll(() => page.locator("main h1").textContent()).toBe(t(lang, "search", "title"));
      expect(await page.locator(".search-results > li").count(), lang).toBeGreaterThan(0);
      expect(await marked(page), lang).toContain("Sovereign");
      // The box shows what was searched for.
      expect(await box.inputValue(), lang).toBe("sovereign");
    }
    await context.close();
  });

  it("searches in Arabic, right to left, and leads to what it found", async () => {
    const context = await newContext(browser, "ar");
    const page = watch(await context.newPage());
    await page.goto("/ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const box = page.getByRole("searchbox", { name: t("ar", "common", "nav.searchLabel") });
    await box.fill("السيادة");
    await Promise.all([
      page.waitForURL(/\/ar\/search\?q=/),
      page
        .getByRole("search", { name: t("ar", "common", "nav.searchLabel") })
        .getByRole("button")
        .click(),
    ]);
    const result = page.locator(".search-results > li").filter({ hasText: "الاستراتيجية الوطنية للذكاء الاصطناعي السيادي" });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator("mark").allTextContents()).toContain("السيادي");
    expect(await result.locator(".card-title a").getAttribute("lang")).toBe("ar");
    await Promise.all([page.waitForURL(/\/ar\/strategies\/[^?]+\?text=ar$/), result.locator(".card-title a").click()]);
    await expect.poll(() => page.locator("h1").textContent()).toContain("الاستراتيجية الوطنية للذكاء الاصطناعي السيادي");
    await context.close();
  });

  it("finds a Chinese word inside a Chinese-original draft for a member, never for the public", async () => {
    const anonymous = await newContext(browser, "zh-CN");
    const visitor = watch(await anonymous.newPage());
    await visitor.goto(`/zh/search?q=${encodeURIComponent("解码参数")}`);
    await expect.poll(() => visitor.locator(".search-none").count()).toBe(1);
    await anonymous.close();

    const context = await newContext(browser, "zh-CN");
    const page = watch(await context.newPage());
    await signIn(page, "delegate.cn@demo.concord.example", undefined, "zh");
    const box = page.getByRole("searchbox", { name: t("zh", "common", "nav.searchLabel") });
    await box.fill("解码参数");
    await Promise.all([page.waitForURL(/\/zh\/search\?q=/), box.press("Enter")]);
    const result = page.locator(".search-results > li").filter({ hasText: "开放模型评测标准" });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator(".result-kind").textContent()).toBe(t("zh", "search", "kind.proposal"));
    expect(await result.locator("mark").allTextContents()).toEqual(["解码参数"]);
    // Grouped by kind: the proposals tab shows it alone.
    await Promise.all([
      page.waitForURL(/kind=proposal/),
      page
        .locator(".search-kinds a")
        .filter({ hasText: t("zh", "search", "kindPlural.proposal") })
        .click(),
    ]);
    expect(await page.locator(".search-results > li").count()).toBe(1);
    await Promise.all([page.waitForURL(/\/zh\/proposals\//), result.locator(".card-title a").click()]);
    await context.close();
  });

  it("works without JavaScript: the header box, filters and the links to each kind", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "pt-BR", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/pt/datasets");
    await page.getByRole("searchbox", { name: t("pt", "common", "nav.searchLabel") }).fill("corpus");
    await Promise.all([page.waitForURL(/\/pt\/search\?q=corpus$/), page.getByRole("searchbox", { name: t("pt", "common", "nav.searchLabel") }).press("Enter")]);
    expect(await page.locator(".search-results > li").count()).toBeGreaterThan(0);
    await page.locator(".search-filters summary").click();
    await page.getByLabel(t("pt", "search", "filter.kind"), { exact: true }).selectOption("dataset");
    await Promise.all([page.waitForURL(/kind=dataset/), page.getByRole("button", { name: t("pt", "search", "filter.apply") }).click()]);
    const kinds = await page.locator(".search-results .result-kind").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set([t("pt", "search", "kind.dataset")]));
    await context.close();
  });
});
