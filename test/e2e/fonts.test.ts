// Readable in every script (issue 16, ADR 020): on a device without fonts for
// Chinese, Hindi or Arabic/Persian (this test's Chromium has none of them),
// pages in those languages draw their text with the self-hosted Noto faces,
// fetched from our own origin as woff2 slices cached for good, while a page in
// English fetches none. The icons that replaced emoji are inline SVG, hidden
// from assistive technology, and the directional ones turn round in RTL.
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, launch, newContext } from "./browser";

type UsedFont = { familyName: string; isCustomFont: boolean; glyphCount: number };

/** The fonts Chromium really drew an element's text with (DevTools protocol). */
async function fontsDrawing(page: Page, selector: string): Promise<UsedFont[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts;
}

/** Opens a page and waits until the web fonts its text needs have arrived. */
async function open(page: Page, path: string) {
  const fontResponses: Response[] = [];
  page.on("response", (r) => {
    if (/\.woff2(\?|$)/.test(r.url())) fontResponses.push(r);
  });
  await page.goto(path);
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.includes("/fonts-")));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return fontResponses;
}

describe.skipIf(!hasBrowser)("fonts for every script", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // This Chromium's system face (DejaVu Sans) draws Arabic but neither Chinese nor Devanagari.
  // For Arabic and Persian the test stands for a device whose system face has no Arabic: the
  // element gets the page's own font stack without its first entry (system-ui).
  const cases = [
    { lang: "zh", family: "Noto Sans SC", sample: "中文", sheet: "fonts-han", systemFaceLacksScript: true },
    { lang: "hi", family: "Noto Sans Devanagari", sample: "हिन्दी", sheet: "fonts-devanagari", systemFaceLacksScript: true },
    { lang: "ar", family: "Noto Sans Arabic", sample: "العربية", sheet: "fonts-arabic", systemFaceLacksScript: false },
    { lang: "fa", family: "Noto Sans Arabic", sample: "فارسی", sheet: "fonts-arabic", systemFaceLacksScript: false },
  ];
  const fontSheets = (page: Page) => page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? "").filter((href) => href.includes("/fonts-")));
  // The switcher names the page's language in its own script (中文, हिन्दी, العربية, فارسی).
  const NAMED_IN_ITS_SCRIPT = ".language-switcher summary";
  for (const { lang, family, sample, sheet, systemFaceLacksScript } of cases) {
    it(`draws a page in ${lang} with ${family}, fetched from our origin`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const fonts = await open(page, `/${lang}`);
      // The language names' sheet, and the sheet of the page's own script (and of any other
      // script its text is in: the demo home lists titles in several languages).
      const sheets = (await fontSheets(page)).map((href) => /\/(fonts-[a-z]+)/.exec(href)![1]);
      expect(sheets).toContain("fonts-names");
      expect(sheets).toContain(sheet);
      if (!systemFaceLacksScript) {
        expect(await fontsDrawing(page, NAMED_IN_ITS_SCRIPT)).toContainEqual(expect.objectContaining({ isCustomFont: false }));
        await page.evaluate((selector) => {
          const element = document.querySelector<HTMLElement>(selector)!;
          const stack = getComputedStyle(element)
            .fontFamily.split(",")
            .map((name) => name.trim());
          if (stack[0] !== "system-ui") throw new Error(`the stack starts with ${stack[0]}`);
          element.style.fontFamily = stack.slice(1).join(", ");
        }, NAMED_IN_ITS_SCRIPT);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
      }
      const used = await fontsDrawing(page, NAMED_IN_ITS_SCRIPT);
      // The family inside the files is named after the source font's instance ("Noto Sans SC Thin"), so by prefix.
      expect(used.filter((f) => f.isCustomFont && f.familyName.startsWith(family))).toHaveLength(1);
      expect(await page.evaluate(([fam, text]) => document.fonts.check(`16px "${fam}"`, text), [family, sample] as const)).toBe(true);
      expect(fonts.length).toBeGreaterThan(0);
      // Only the slices the page's characters fall in: Chinese comes in ~100 of them.
      expect(fonts.length).toBeLessThan(lang === "zh" ? 50 : 2);
      for (const response of fonts) {
        expect(new URL(response.url()).origin).toBe(baseUrl());
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe("font/woff2");
        expect(response.headers()["cache-control"]).toMatch(/immutable/);
      }
      await context.close();
    });
  }

  it("fetches no font slice for a page in English, and every stylesheet names only our origin", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const fonts = await open(page, "/en/login");
    expect(fonts).toEqual([]);
    // Only the small sheet of the language names: no script's full sheet to parse.
    expect((await fontSheets(page)).map((href) => /\/(fonts-[a-z]+)/.exec(href)![1])).toEqual(["fonts-names"]);
    const hrefs = await page.evaluate(() => [...document.styleSheets].map((s) => s.href!).filter(Boolean));
    expect(hrefs.length).toBe(2);
    for (const href of hrefs) {
      expect(new URL(href).origin).toBe(baseUrl());
      const response = await page.request.get(href);
      expect(response.headers()["cache-control"]).toMatch(/immutable/);
      const text = await response.text();
      expect(text).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    }
    const fontsCss = await (await page.request.get(hrefs.find((h) => h.includes("/fonts-"))!)).text();
    expect(fontsCss).toMatch(/unicode-range/);
    expect(fontsCss).toMatch(/font-display:swap/);
    await context.close();
  });

  it("shows the language switcher's globe and the back arrow as hidden SVG icons, turned round in Arabic", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const lang of ["en", "ar"]) {
      await page.goto(`/${lang}/members/in`);
      const summary = page.locator(".language-switcher summary");
      expect(await summary.textContent()).not.toContain("🌐");
      await expect.poll(() => summary.locator("svg[aria-hidden='true']").count()).toBe(1);
      // The control keeps its name: "Choose language: …".
      expect(await summary.locator(".visually-hidden").textContent()).toBeTruthy();
      const back = page.locator("main a svg.icon-directional").first();
      const transform = await back.evaluate((el) => getComputedStyle(el).transform);
      expect(transform).toBe(lang === "ar" ? "matrix(-1, 0, 0, 1, 0, 0)" : "none");
    }
    await context.close();
  });
});
