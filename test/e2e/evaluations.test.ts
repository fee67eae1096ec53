// Evaluations an expert can trust, in a real browser: an expert imports a
// group run (mmlu with its subject groups) and a run made with --limit, and
// reads what the leaderboards show — the group ranked only against the group,
// with its tasks; rank ranges and 95 % intervals; the limited run kept off the
// ranking, counted, and shown labelled "10 of 10,042 samples" on request; the
// same file refused a second time with a link to the first import — in English
// and in Arabic (right-to-left).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eDb, hasBrowser, launch, newContext, signIn } from "./browser";

/** The group fixture (lm-eval 0.4.9 shape) as if run on DeepSeek-R1-Distill-Qwen-14B, scoring above every demo model. */
function groupFile(): Buffer {
  const root = JSON.parse(fs.readFileSync(path.resolve("test/fixtures/lm-eval/group-mmlu-qwen2.5-14b.json"), "utf8"));
  root.config.model_args = "pretrained=deepseek-ai/DeepSeek-R1-Distill-Qwen-14B,dtype=bfloat16";
  root.config.model_sha = "1df8507178afcc1bef68cd8c393f61a886323761";
  root.model_name = "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B";
  root.model_name_sanitized = "deepseek-ai__DeepSeek-R1-Distill-Qwen-14B";
  for (const name of ["mmlu", "mmlu_humanities", "mmlu_stem"]) {
    root.results[name]["acc,none"] = 0.97;
    root.results[name]["acc_stderr,none"] = 0.005;
    root.groups[name]["acc,none"] = 0.97;
    root.groups[name]["acc_stderr,none"] = 0.005;
  }
  return Buffer.from(JSON.stringify(root, null, 2));
}

/** A --limit 10 run of Jais-13b-chat on hellaswag (10-shot, version 1): its 0.99 would lead if it were ranked. */
function limitedFile(): Buffer {
  return Buffer.from(
    JSON.stringify(
      {
        results: { hellaswag: { alias: "hellaswag", "acc,none": 0.9, "acc_stderr,none": 0.1, "acc_norm,none": 0.99, "acc_norm_stderr,none": 0.0333 } },
        group_subtasks: { hellaswag: [] },
        configs: { hellaswag: { task: "hellaswag", num_fewshot: 10 } },
        versions: { hellaswag: 1.0 },
        "n-shot": { hellaswag: 10 },
        higher_is_better: { hellaswag: { acc: true, acc_norm: true } },
        "n-samples": { hellaswag: { original: 10042, effective: 10 } },
        config: { model: "hf", model_args: "pretrained=inceptionai/jais-13b-chat,trust_remote_code=True", model_revision: "main", limit: 10.0 },
        git_hash: "4e7e0d47",
        date: 1749100000.5,
        lm_eval_version: "0.4.8",
        model_name: "inceptionai/jais-13b-chat",
      },
      null,
      2,
    ),
  );
}

describe.skipIf(!hasBrowser)("evaluations that compare like with like, in the browser", () => {
  let browser: Browser;
  let groupRun = "";

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

  async function importFile(page: Page, lang: string, name: string, content: Buffer) {
    await page.goto(`/${lang}/evaluations/import`);
    await page.locator('input[name="file"]').setInputFiles({ name, mimeType: "application/json", buffer: content });
    await page.getByRole("button", { name: "Import" }).click();
  }

  it("an expert imports a group run and finds the group ranked against the same group only, with intervals and its tasks", async () => {
    const page = await as("expert.cn@demo.concord.example", "en");
    await importFile(page, "en", "results_2025-05-30.json", groupFile());
    await page.waitForURL(/\/en\/evaluations\/runs\/[0-9a-f-]{36}\?imported=11$/);
    groupRun = new URL(page.url()).pathname.split("/").pop()!;
    expect(await page.locator(".alert-success").textContent()).toContain("11 results imported");
    // The run's page: groups marked, tasks placed in their group; what the file stated, and when it was imported.
    const mmluRow = page.locator("table.run-results tbody tr", { has: page.getByRole("link", { name: "mmlu", exact: true }) });
    expect(await mmluRow.locator(".badge-group").textContent()).toBe("group");
    expect(await mmluRow.textContent()).toContain("2 members");
    expect(await mmluRow.textContent()).toContain("5-shot · version 2");
    const formalLogic = page.locator("table.run-results tbody tr", { hasText: "mmlu_formal_logic" });
    expect(await formalLogic.textContent()).toContain("in the group mmlu_humanities");
    expect(await formalLogic.textContent()).toContain("126 samples");
    const provenance = await page.locator("#provenance-heading + dl").textContent();
    expect(provenance).toContain("Imported on");
    expect(provenance).toContain("lm-evaluation-harness 0.4 or later");
    expect(provenance).toContain("none (all samples)");

    // The mmlu leaderboard: a group's board, its tasks listed, ranks as ranges, intervals in the table and the chart.
    await mmluRow.getByRole("link", { name: "mmlu", exact: true }).click();
    await page.waitForURL(/\/en\/evaluations\/leaderboards\//);
    await page.locator("h1 .badge-group").waitFor();
    expect(await page.getByTestId("board-setting").textContent()).toContain("5-shot · version 2");
    expect(await page.getByTestId("board-direction").textContent()).toContain("Higher is better: sorted from the highest score.");
    expect(await page.locator(".group-members summary").textContent()).toBe("2 members");
    const first = page.locator("table.leaderboard tbody tr").first();
    expect(await first.locator("th a").textContent()).toBe("DeepSeek-R1-Distill-Qwen-14B");
    expect(await first.locator("td").nth(0).textContent()).toBe("1");
    expect(await first.locator("td").nth(2).textContent()).toMatch(/^\[0\.96\d*, 0\.97\d*\]$/);
    expect(await page.locator("figure.eval-chart svg .eval-chart-interval").count()).toBeGreaterThan(5);
    // Demo scores whose intervals overlap are shown as tied, never as ranked apart.
    expect(await page.locator("table.leaderboard .rank-tied").count()).toBeGreaterThan(0);

    // The same file again: refused, with the way to the first import.
    await importFile(page, "en", "results_again.json", groupFile());
    await page.getByTestId("import-duplicate").waitFor();
    expect(await page.locator(".field-errors").textContent()).toContain("already been imported for this model");
    await page.getByRole("link", { name: "See the earlier import" }).click();
    await page.waitForURL(new RegExp(`/en/evaluations/runs/${groupRun}$`));
    await page.context().close();
  });

  it("an expert imports a --limit run: off the leaderboard, counted, and shown labelled on request", async () => {
    const page = await as("expert.eg@demo.concord.example", "en");
    await importFile(page, "en", "results_limit10.json", limitedFile());
    await page.waitForURL(/\/en\/evaluations\/runs\/[0-9a-f-]{36}\?imported=2&limited=2$/);
    expect(await page.locator(".alert-success").textContent()).toContain("2 of them come from limited runs");
    expect(await page.getByTestId("run-limited").textContent()).toContain("kept off the leaderboards");
    const row = page.locator("table.run-results tbody tr", { hasText: "acc_norm" });
    expect(await row.locator(".samples-limited").textContent()).toBe("10 of 10,042 samples");

    await row.getByRole("link", { name: "hellaswag" }).click();
    await page.waitForURL(/\/en\/evaluations\/leaderboards\//);
    // Jais's 0.99 is on no ranking: Jais is ranked by its full run, and the limited run is only counted.
    const rankedScores = async () => page.locator("table.leaderboard tbody td data").allTextContents();
    expect(await rankedScores()).not.toContain("0.99");
    const jais = page.locator("table.leaderboard tbody tr", { has: page.getByRole("link", { name: "Jais-13b-chat" }) });
    expect(await jais.locator("data").textContent()).not.toBe("0.99");
    expect(await page.getByTestId("limited-note").textContent()).toContain("1 result of a limited run is not shown");
    await page.getByRole("link", { name: "Show them" }).click();
    await page.locator("table.limited-table").waitFor();
    const limitedRow = page.locator("table.limited-table tbody tr").first();
    expect(await limitedRow.locator("th").textContent()).toBe("Jais-13b-chat");
    expect(await limitedRow.locator(".samples-limited").textContent()).toBe("10 of 10,042 samples");
    // Still not ranked, even when shown.
    expect(await rankedScores()).not.toContain("0.99");
    await page.context().close();
  });

  it("the same leaderboards read right to left in Arabic, with the group, the direction, ties and the limited run", async () => {
    const prisma = await e2eDb();
    const hellaswag = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task: "hellaswag", metric: "acc_norm", isGroup: false }, nShot: 10, taskVersion: "1" } });
    const mmlu = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task: "mmlu", metric: "acc", isGroup: true }, nShot: 5, taskVersion: "2" } });
    const context = await newContext(browser, "ar-EG");
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    await page.goto(`/ar/evaluations/leaderboards/${hellaswag.id}?limited=show`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.getByTestId("board-direction").textContent()).toContain("الأعلى أفضل");
    expect(await page.getByTestId("board-setting").textContent()).toContain("الإصدار 1");
    const number = (n: number) => new Intl.NumberFormat("ar").format(n);
    expect(await page.locator("table.limited-table .samples-limited").first().textContent()).toBe(`${number(10)} من ${number(10042)} عينة`);
    // Bars grow from the right in the mirrored chart: the first bar's right edge is the axis origin.
    const bar = await page.locator("figure.eval-chart rect.eval-chart-bar").first().boundingBox();
    const svg = await page.locator("figure.eval-chart svg").first().boundingBox();
    expect(bar!.x + bar!.width).toBeGreaterThan(svg!.x + svg!.width * 0.6);

    await page.goto(`/ar/evaluations/leaderboards/${mmlu.id}`);
    expect(await page.locator("h1 .badge-group").textContent()).toBe("مجموعة");
    expect(await page.locator("table.leaderboard tbody tr").first().locator("th a").textContent()).toBe("DeepSeek-R1-Distill-Qwen-14B");
    expect(await page.locator("table.leaderboard .badge-tied").first().textContent()).toBe("تعادل");
    // The list of leaderboards: the group marked, the direction said, limited boards only on request.
    // (Other journeys may import hellaswag runs in other settings: this board is found by its link.)
    await page.goto("/ar/evaluations?q=hellaswag");
    const rows = page.locator("table.leaderboards tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    for (const text of await rows.allTextContents()) expect(text).toContain("hellaswag");
    const ours = rows.filter({ has: page.locator(`a[href^="/ar/evaluations/leaderboards/${hellaswag.id}"]`) });
    expect(await ours.count()).toBe(1);
    expect(await ours.textContent()).toContain("نتيجة واحدة لتشغيل محدود");
    await context.close();
  });
});
