// A public page as a shared cache hands it out (ADR 018): the same HTML for
// everyone, no nonce, its inline scripts allowed by hash. In Chromium it must
// still run every script (the app hydrates and navigates in the browser) with
// no Content-Security-Policy violation, in English and in Arabic.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eDb, hasBrowser, launch, newContext } from "./browser";

describe.skipIf(!hasBrowser)("public pages under their hash-based CSP", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["en", "ar"]) {
    it(`hydrates a public position page and navigates in the browser (${lang})`, async () => {
      const prisma = await e2eDb();
      const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
      const context = await newContext(browser, lang);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(`/${lang}/positions/${position.slug}`);
      expect(response?.headers()["cache-control"]).toMatch(/^public, /);
      expect(response?.headers()["content-security-policy"]).toContain("'sha256-");
      // Hydrated: Remix's router runs in the page.
      await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
      // A link to the list is followed in the browser, without loading a new document.
      await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
      await page.locator(`main a[href="/${lang}/positions"]`).first().click();
      await page.waitForURL(`**/${lang}/positions`);
      expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
