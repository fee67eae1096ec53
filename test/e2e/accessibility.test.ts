// WCAG checks with axe-core on the main pages, in English and in Arabic
// (right-to-left). Serious and critical violations fail the test.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eDb, hasBrowser, launch, newContext, signIn } from "./browser";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to the checker.
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return { violations: result.violations, passes: result.passes.length };
  });
  // The checker really ran its rules on this page.
  expect(passes).toBeGreaterThan(10);
  return (violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${path}: ${v.id} (${v.help}) at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

describe.skipIf(!hasBrowser)("accessibility (axe-core, WCAG 2.x A/AA)", () => {
  let browser: Browser;
  let slugs: { proposal: string; position: string };
  beforeAll(async () => {
    browser = await launch();
    const prisma = await e2eDb();
    const proposal = await prisma.proposal.findFirstOrThrow({ where: { status: "CONSULTATION" }, select: { slug: true } });
    const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
    slugs = { proposal: proposal.slug, position: position.slug };
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["en", "ar"]) {
    it(`has no serious violations on the main pages in ${lang}`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of [`/${lang}`, `/${lang}/login`, `/${lang}/members`, `/${lang}/positions`, `/${lang}/positions/${slugs.position}`, `/${lang}/search?q=sovereign`]) {
        problems.push(...(await audit(page, path)));
      }
      await signIn(page, "expert.br@demo.concord.example", undefined, lang);
      for (const path of [
        `/${lang}/proposals`,
        `/${lang}/proposals/${slugs.proposal}`,
        `/${lang}/proposals/${slugs.proposal}/versions`,
        `/${lang}/proposals/${slugs.proposal}/vote`,
        `/${lang}/account`,
        `/${lang}/search?q=data&year=&sort=newest`,
      ]) {
        problems.push(...(await audit(page, path)));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
