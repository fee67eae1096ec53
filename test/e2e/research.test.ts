// Research journeys in a real browser: an expert imports lm-evaluation-harness
// results (a broken file is refused beside the field first) and sees them on
// the leaderboard; a delegate asks for a dataset on request, the steward's
// head approves in Arabic (right-to-left), and the delegate downloads the file
// whose SHA-256 matches the one the page shows.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, e2eDb, hasBrowser, launch, newContext, signIn, signInWithTotp, withKnownTotp } from "./browser";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Serious and critical WCAG 2.x A/AA violations (axe-core) on a page, described. */
async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return { violations: result.violations, passes: result.passes.length };
  });
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

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A results file as lm-evaluation-harness 0.4 writes it, for a model the demo registry knows by its repository. */
function resultsFile(): Buffer {
  return Buffer.from(
    JSON.stringify(
      {
        results: {
          arc_challenge: { alias: "arc_challenge", "acc,none": 0.9514, "acc_stderr,none": 0.0063, "acc_norm,none": 0.9731, "acc_norm_stderr,none": 0.0047 },
          belebele_tam_Taml: { alias: "belebele_tam_Taml", "acc,none": 0.8123, "acc_stderr,none": 0.013 },
        },
        versions: { arc_challenge: 1.0, belebele_tam_Taml: 0.0 },
        "n-shot": { arc_challenge: 25, belebele_tam_Taml: 0 },
        higher_is_better: { arc_challenge: { acc: true, acc_norm: true }, belebele_tam_Taml: { acc: true } },
        config: { model: "hf", model_args: "pretrained=deepseek-ai/DeepSeek-R1-Distill-Llama-8B,dtype=bfloat16", model_sha: "6a6f4aa4197940add57724a7707d069478df56b1" },
        git_hash: "e2e0a1b2",
        date: 1740000000.25,
        task_hashes: { arc_challenge: "a".repeat(64) },
        lm_eval_version: "0.4.8",
      },
      null,
      2,
    ),
  );
}

describe.skipIf(!hasBrowser)("models, evaluations and datasets in the browser", () => {
  let browser: Browser;

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

  it("an expert imports lm-eval results and sees them lead the leaderboard", async () => {
    const page = await as("expert.in@demo.concord.example", "en");
    await page.goto("/en/evaluations/import");

    // A file that is not such a result: refused beside the file field, the other choices kept.
    await page.locator('select[name="language"]').selectOption("ta");
    await page.locator('input[name="file"]').setInputFiles({ name: "results.json", mimeType: "application/json", buffer: Buffer.from('{"name": "not results"}') });
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.locator('input[name="file"]').getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".field-errors").textContent()).toContain("not an lm-evaluation-harness results file");
    expect(await page.locator('select[name="language"]').inputValue()).toBe("ta");

    const file = resultsFile();
    await page.locator('input[name="file"]').setInputFiles({ name: "results_2025-02-19.json", mimeType: "application/json", buffer: file });
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/\/en\/evaluations\/runs\/[0-9a-f-]{36}\?imported=3$/);
    expect(await page.locator(".alert-success").textContent()).toContain("3 results imported");
    // The provenance is shown, with the submitted file's checksum.
    const provenance = await page.locator("#provenance-heading + dl").textContent();
    expect(provenance).toContain("Harness version0.4.8");
    expect(provenance).toContain("e2e0a1b2");
    expect(provenance).toContain("6a6f4aa4197940add57724a7707d069478df56b1");
    expect(await page.locator("code.checksum").textContent()).toBe(sha256(file));

    // The leaderboard of arc_challenge (acc_norm): the imported score leads, in the chart and the table.
    await page.goto("/en/evaluations?q=arc_challenge");
    await page.locator("tbody tr", { hasText: "acc_norm" }).getByRole("link", { name: "arc_challenge" }).click();
    await page.waitForURL(/\/en\/evaluations\/leaderboards\//);
    const first = page.locator("table.leaderboard tbody tr").first();
    expect(await first.locator("th").textContent()).toContain("DeepSeek-R1-Distill-Llama-8B");
    expect(await first.locator("data").textContent()).toBe("0.9731");
    expect(await page.locator("figure.eval-chart svg text.eval-chart-label").first().textContent()).toBe("DeepSeek-R1-Distill-Llama-8B");
    await page.context().close();
  });

  it("a delegate asks for a dataset, Egypt's head approves in Arabic, the delegate downloads it and the checksum matches", async () => {
    // The requester finds the dataset in the catalogue.
    const requester = await as("delegate.ru@demo.concord.example", "en");
    await requester.goto("/en/datasets?steward=EG&access=ON_REQUEST");
    await requester.getByRole("link", { name: "Arabic news headlines (Egypt)" }).click();
    await requester.waitForURL(/\/en\/datasets\/[a-z0-9-]+$/);
    const datasetPath = new URL(requester.url()).pathname.replace(/^\/en/, "");
    // Not theirs yet: the file is listed with its checksum but cannot be downloaded.
    expect(await requester.locator(".files-table tbody a").count()).toBe(0);
    await requester.locator('textarea[name="purpose"]').fill("Evaluating Russian–Arabic headline translation for our public broadcaster.");
    await requester.getByRole("button", { name: "Ask for access" }).click();
    await expect.poll(() => requester.locator("#access .alert").textContent()).toContain("waiting for the steward's decision");

    // The steward's head decides, in Arabic.
    const secret = await withKnownTotp("head.eg@demo.concord.example");
    const headContext = await newContext(browser, "ar-EG");
    const head = await headContext.newPage();
    head.on("pageerror", (e) => {
      throw e;
    });
    await signInWithTotp(head, "head.eg@demo.concord.example", secret, "ar");
    await head.goto(`/ar${datasetPath}/access`);
    expect(await head.locator("html").getAttribute("dir")).toBe("rtl");
    const card = head.locator(".request-list .card", { hasText: "Olga Smirnova" });
    await card.locator('textarea[name="note"]').fill("موافقة لأغراض البحث فقط.");
    await card.getByRole("button", { name: "موافقة" }).click();
    await expect.poll(() => head.locator("#decided-heading + .request-list").textContent()).toContain("Olga Smirnova");
    await headContext.close();

    // The requester is told, and can now download; the bytes hash to the checksum the page shows.
    await requester.goto("/en/notifications");
    expect(await requester.getByTestId("notices").textContent()).toContain("Your request for access to Arabic news headlines (Egypt) was approved");
    await requester.goto(`/en${datasetPath}`);
    expect(await requester.locator("#access .alert-success").textContent()).toContain("approved");
    const row = requester.locator(".files-table tbody tr").first();
    const shown = (await row.getByTestId("sha256").textContent())!.trim();
    const [download] = await Promise.all([requester.waitForEvent("download"), row.locator("a").click()]);
    const saved = await download.path();
    expect(sha256(await fs.readFile(saved))).toBe(shown);
    expect(download.suggestedFilename()).toBe("headlines-sample.jsonl");
    await requester.context().close();
  });

  for (const lang of ["en", "ar"]) {
    it(`the research pages have no serious accessibility violations in ${lang}, and the charts read without JavaScript`, async () => {
      const prisma = await e2eDb();
      const benchmark = await prisma.benchmark.findFirstOrThrow({ where: { task: "mmlu", metric: "acc" }, select: { id: true } });
      const dataset = await prisma.dataset.findFirstOrThrow({ where: { access: "OPEN", files: { some: {} } }, select: { slug: true } });
      const pages = [
        `/${lang}/models`,
        `/${lang}/models/deepseek-r1-distill-qwen-7b`,
        `/${lang}/evaluations`,
        `/${lang}/evaluations/benchmarks/${benchmark.id}`,
        `/${lang}/evaluations/compare?models=deepseek-r1&models=qwen2-5-32b&models=jais-13b-chat`,
        `/${lang}/datasets`,
        `/${lang}/datasets/${dataset.slug}`,
      ];
      const problems: string[] = [];
      const context = await newContext(browser, lang === "ar" ? "ar-EG" : "en-GB");
      const page = await context.newPage();
      for (const path of pages) problems.push(...(await audit(page, path)));
      await context.close();
      // Without JavaScript: the charts and their tables are in the server's HTML.
      const noScript = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
      const plain = await noScript.newPage();
      await plain.goto(`/${lang}/evaluations/benchmarks/${benchmark.id}`);
      expect(await plain.locator("figure.eval-chart svg[role=img] rect.eval-chart-bar").count()).toBeGreaterThan(5);
      expect(await plain.locator("table.leaderboard tbody tr").count()).toBeGreaterThan(5);
      await plain.goto(`/${lang}/evaluations/compare?models=deepseek-r1&models=qwen2-5-32b`);
      expect(await plain.locator("figure.eval-chart svg .eval-series-1").count()).toBeGreaterThan(1);
      await noScript.close();

      const signed = await as("expert.cn@demo.concord.example", lang);
      for (const path of [`/${lang}/evaluations/import`, `/${lang}/evaluations/new`, `/${lang}/models/new`, `/${lang}/datasets/new`]) problems.push(...(await audit(signed, path)));
      await signed.context().close();
      expect(problems).toEqual([]);
      // Axe on every research page, with and without JavaScript: a busy machine needs more than a minute.
    }, 180_000);
  }
});
