// Open data in a real browser and over real HTTP: a delegate makes an API
// token on the account page in Persian without JavaScript, a script uses it
// and is refused once it is revoked; the API reference reads right to left in
// Arabic; position pages point to their feed, Akoma Ntoso and CSV; the feeds,
// sitemap and robots.txt come from the running server; an API POST without a
// browser's Origin gets a JSON answer, not the cross-site refusal.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO_PASSWORD, e2eDb, hasBrowser, launch, signIn } from "./browser";

describe.skipIf(!hasBrowser)("open data", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("makes a token in Persian without JavaScript, uses it from a script, and revokes it", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "fa-IR", javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signIn(page, "delegate.ir@demo.concord.example", DEMO_PASSWORD, "fa");
    await page.goto("/fa/account");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const section = page.locator("#api-tokens");
    expect(await section.locator("h2").textContent()).toBe("توکن‌های API");
    await section.getByRole("link", { name: "ساخت توکن" }).click();
    await page.waitForURL(/\/fa\/account\/tokens$/);
    await page.locator('input[name="name"]').fill("زنجیرهٔ ارزیابی");
    expect(await page.locator('input[name="scopes"][value="read"]').isChecked()).toBe(true);
    await page.locator('select[name="lifetimeDays"]').selectOption("30");
    // A wrong password is refused beside the field; the name typed stays.
    await page.locator('input[name="password"]').fill("not my password");
    await page.getByRole("button", { name: "ساخت توکن" }).click();
    expect(await page.locator('input[name="password"]').getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('input[name="name"]').inputValue()).toBe("زنجیرهٔ ارزیابی");
    expect(await page.locator('input[name="scopes"][value="read"]').isChecked()).toBe(true);
    expect(await page.locator('select[name="lifetimeDays"]').inputValue()).toBe("30");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ساخت توکن" }).click();
    const secret = (await page.getByTestId("token-secret").textContent())!.trim();
    expect(secret).toMatch(/^concord_pat_[A-Za-z0-9_-]{43}$/);

    // A script, not a browser: the token in the Authorization header.
    const api = await fetch(`${baseUrl()}/api/v1/proposals?limit=2`, { headers: { Authorization: `Bearer ${secret}`, "Accept-Language": "fa" } });
    expect(api.status).toBe(200);
    const body = await api.json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(api.headers.get("RateLimit-Remaining")).not.toBeNull();

    // Shown once: the list never shows it again, but shows its last use.
    await page.goto("/fa/account/tokens");
    expect(await page.content()).not.toContain(secret);
    const row = page.getByTestId("api-token").first();
    expect(await row.textContent()).toContain("زنجیرهٔ ارزیابی");
    await row.getByRole("button").click();
    await page.waitForURL(/revoked=1/);
    const refused = await fetch(`${baseUrl()}/api/v1/proposals`, { headers: { Authorization: `Bearer ${secret}`, "Accept-Language": "fa" } });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_token", message: "توکن ناشناخته، باطل‌شده یا منقضی است." });
    await context.close();
  });

  it("lets an evaluation pipeline push an lm-eval results file with a token, once", async () => {
    const prisma = await e2eDb();
    const jais = await prisma.aiModel.findUniqueOrThrow({ where: { repository: "inceptionai/jais-13b-chat" }, select: { slug: true, name: true } });
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "en-GB" });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signIn(page, "expert.eg@demo.concord.example");
    await page.goto("/en/account/tokens");
    await page.locator('input[name="name"]').fill("Nightly lm-eval");
    await page.locator('input[name="scopes"][value="read"]').uncheck();
    await page.locator('input[name="scopes"][value="evaluations:write"]').check();
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Create the token" }).click();
    const secret = (await page.getByTestId("token-secret").textContent())!.trim();

    // What `curl -F file=@results.json -F language=ar -F visibility=PUBLIC` sends.
    const file = await fs.readFile(path.resolve("test/fixtures/lm-eval/no-date-no-config.json"));
    const send = () => {
      const form = new FormData();
      form.append("model", jais.slug);
      form.append("language", "ar");
      form.append("visibility", "PUBLIC");
      form.append("file", new Blob([file as BlobPart], { type: "application/json" }), "results_jais.json");
      return fetch(`${baseUrl()}/api/v1/evaluations`, { method: "POST", headers: { Authorization: `Bearer ${secret}` }, body: form });
    };
    const first = await send();
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ outcome: "imported", model: { slug: jais.slug } });
    expect(first.headers.get("Location")).toBe(`${baseUrl()}/api/v1/evaluations/${created.run.id}`);
    const again = await send();
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "duplicate", run: { id: created.run.id } });
    // This file, once (other journeys import other files for the same model).
    const fileSha256 = createHash("sha256").update(file).digest("hex");
    expect(await prisma.evaluationRun.count({ where: { model: { slug: jais.slug }, fileSha256 } })).toBe(1);

    // The run is public: anyone reads it, in the API and on its page.
    const run = await (await fetch(`${baseUrl()}/api/v1/evaluations/${created.run.id}`)).json();
    expect(run.provenance.file.name).toBe("results_jais.json");
    await page.goto(new URL(created.run.pageUrl).pathname);
    expect(await page.locator("h1").textContent()).toContain(jais.name);
    await context.close();
  });

  it("shows the API reference in Arabic, right to left, with every endpoint", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "ar" });
    const page = await context.newPage();
    await page.goto("/ar/api");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).toBe("واجهة برمجة Concord");
    const document = await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json();
    const operations = Object.values(document.paths as Record<string, object>).flatMap((p) => Object.keys(p));
    expect(await page.locator("article.api-endpoint").count()).toBe(operations.length);
    expect(await page.locator("#getPosition code").first().textContent()).toBe("/api/v1/positions/{slug}");
    await context.close();
  });

  it("links a position page to its feed, its Akoma Ntoso and its vote record", async () => {
    const prisma = await e2eDb();
    const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`/en/positions/${position.slug}`);
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href")).toBe("/en/positions/feed.atom");
    const akn = page.locator('.open-data a[type="application/akn+xml"]').first();
    const aknResponse = await fetch(`${baseUrl()}${await akn.getAttribute("href")}`);
    expect(aknResponse.headers.get("Content-Type")).toBe("application/akn+xml; charset=utf-8");
    expect(await aknResponse.text()).toContain('<statement name="position">');
    const csv = await fetch(`${baseUrl()}${await page.locator('.open-data a[type="text/csv"]').getAttribute("href")}`);
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    await context.close();
  });

  it("embeds a dataset's Croissant in its page, allowed by the page's CSP", async () => {
    const prisma = await e2eDb();
    const dataset = await prisma.dataset.findFirstOrThrow({ select: { slug: true } });
    // A public page (ADR 018): its scripts are named in the CSP by hash, not by a nonce.
    const res = await fetch(`${baseUrl()}/en/datasets/${dataset.slug}`);
    const csp = res.headers.get("Content-Security-Policy")!;
    const html = await res.text();
    const script = /<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/.exec(html);
    expect(script).not.toBeNull();
    expect(csp).toContain(`'sha256-${createHash("sha256").update(script![1]!, "utf8").digest("base64")}'`);
    expect(JSON.parse(script![1]!)).toMatchObject({ "@type": "sc:Dataset", conformsTo: "http://mlcommons.org/croissant/1.0" });
  });

  it("serves feeds, the sitemap and robots.txt from the running server", async () => {
    const feed = await fetch(`${baseUrl()}/pt/strategies/feed.atom`);
    expect(feed.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const robots = await (await fetch(`${baseUrl()}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${baseUrl()}/sitemap.xml`);
    const sitemap = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    expect(sitemap).toContain(`${baseUrl()}/sitemaps/pages.xml`);
  });

  it("answers a POST from a script (no Origin) with the API's JSON, not the cross-site refusal", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/positions`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect((await res.json()).error.code).toMatch(/^(unsupported_media_type|method_not_allowed)$/);
    const cors = await fetch(`${baseUrl()}/api/v1/positions`, { headers: { Origin: "https://elsewhere.example" } });
    expect(cors.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});
