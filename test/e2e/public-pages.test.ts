// A public page as a shared cache hands it out (ADR 018): the same HTML for
// everyone, no nonce, any inline block (JSON-LD) allowed by its hash. Pages send no
// JavaScript (ADR 021). In Chromium the page must load with no
// Content-Security-Policy violation and no error, and its links must lead on,
// in English and in Arabic.
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
    it(`a public position page loads cleanly, sends no script, and its links lead on (${lang})`, async () => {
      const prisma = await e2eDb();
      const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
      const context = await newContext(browser, lang);
      const page = await context.newPage();
      const problems: string[] = [];
      const scripts: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(r.url());
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(`/${lang}/positions/${position.slug}`);
      expect(response?.headers()["cache-control"]).toMatch(/^public, /);
      const csp = response?.headers()["content-security-policy"] ?? "";
      expect(csp).not.toContain("'nonce-");
      expect(csp).not.toContain("unsafe-inline");
      expect(await page.locator("html").getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
      // A link to the list is followed: a new page, in the same language.
      await page.locator(`main a[href="/${lang}/positions"]`).first().click();
      await page.waitForURL(`**/${lang}/positions`);
      expect(await page.locator("h1").count()).toBe(1);
      expect(scripts).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
