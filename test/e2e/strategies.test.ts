// Strategies and the DSI in a real browser: a head of delegation drafts a
// strategy, adds an official translation and a PDF, and publishes it; the
// public reads it in the translation and downloads the file; a reader compares
// two strategies side by side by DSI dimension (in Portuguese); and a
// delegation's radar chart renders in Arabic, right to left, without JavaScript.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, launch, newContext, signInWithTotp, withKnownTotp } from "./browser";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe.skipIf(!hasBrowser)("strategies in the browser", () => {
  let browser: Browser;
  let strategyPath = "";

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

  async function as(email: string, lang: string): Promise<Page> {
    const secret = await withKnownTotp(email);
    const context = await newContext(browser, lang === "ar" ? "ar" : "en-GB");
    const page = watch(await context.newPage());
    await signInWithTotp(page, email, secret, lang);
    return page;
  }

  it("a head of delegation drafts a strategy, adds an official translation and a PDF, and publishes it", async () => {
    const page = await as("head.id@demo.concord.example", "en");
    await page.goto("/en/strategies/new");
    await page.locator('input[name="title"]').fill("Indonesia Sovereign AI Strategy 2026–2030");
    await page.locator('textarea[name="summary"]').fill("How Indonesia builds AI on its own data, compute and languages.");
    await page.locator('input[name="issuingAuthority"]').fill("Ministry of Communication and Digital Affairs");
    await page.locator('input[name="adoptedOn"]').fill("2026-05-20");
    await page.locator('input[name="dimensions"][value="DATA_OWNERSHIP"]').check();
    // A covered dimension without its note is refused beside the field, and nothing typed is lost.
    await page.locator('input[name="sections[0].heading"]').fill("Data");
    await page.locator('textarea[name="sections[0].body"]').fill("Public data on Indonesians is stored in Indonesia.");
    await page.getByRole("button", { name: "Create the draft" }).click();
    const note = page.locator('textarea[name="dimensionNotes.DATA_OWNERSHIP"]');
    await expect.poll(() => note.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('textarea[name="sections[0].body"]').inputValue()).toBe("Public data on Indonesians is stored in Indonesia.");
    await note.fill("Public data stays in Indonesia, under the Personal Data Protection Law.");
    await page.locator('input[name="sectors"][value="PUBLIC_SERVICES"]').check();
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/\/en\/strategies\/indonesia-sovereign-ai-strategy-2026-2030-[0-9a-f]+$/);
    strategyPath = new URL(page.url()).pathname.replace(/^\/en/, "");
    await expect.poll(() => page.locator(".strategy-header .status").textContent()).toBe("Draft");

    // An official translation into Indonesian.
    await page.getByRole("link", { name: "Translate" }).click();
    await page.locator("#language").selectOption("id");
    await page.getByRole("button", { name: "Choose" }).click();
    await page.waitForURL(/language=id/);
    await page.locator('select[name="kind"]').selectOption("OFFICIAL_TRANSLATION");
    await page.locator('input[name="title"]').fill("Strategi AI Berdaulat Indonesia 2026–2030");
    await page.locator('textarea[name="summary"]').fill("Bagaimana Indonesia membangun AI di atas data, komputasi, dan bahasanya sendiri.");
    await page.locator('input[name="issuingAuthority"]').fill("Kementerian Komunikasi dan Digital");
    await page.locator('textarea[name="dimensionNotes.DATA_OWNERSHIP"]').fill("Data publik tetap berada di Indonesia, di bawah UU Pelindungan Data Pribadi.");
    await page.locator('input[name="sections[0].heading"]').fill("Data");
    await page.locator('textarea[name="sections[0].body"]').fill("Data publik tentang warga Indonesia disimpan di Indonesia.");
    await page.getByRole("button", { name: "Save the translation" }).click();
    await page.waitForURL(/\?text=id$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Strategi AI Berdaulat Indonesia 2026–2030");

    // Files: a file that is not a document is refused beside the field; a PDF is taken, with its checksum.
    await page.goto(`/en${strategyPath}/attachments`);
    await page.locator('input[type="file"]').setInputFiles({ name: "strategy.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect.poll(() => page.locator("#attachment-file-error").textContent()).toBeTruthy();
    await page.locator('select[name="language"]').selectOption("en");
    await page.locator('input[type="file"]').setInputFiles({ name: "Indonesia AI strategy.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect.poll(() => page.locator("table a[download]").textContent()).toBe("Indonesia AI strategy.pdf");

    // Publish, for the public.
    await page.goto(`/en${strategyPath}`);
    await page.locator('form#publish select[name="visibility"]').selectOption("PUBLIC");
    await page.getByRole("button", { name: "Publish version 1" }).click();
    await expect.poll(() => page.locator(".strategy-header .status").textContent()).toBe("In force");
    await page.context().close();
  });

  it("the public reads it in the official translation and downloads the PDF as an attachment", async () => {
    const context = await newContext(browser, "en-GB");
    const page = watch(await context.newPage());
    await page.goto("/en/strategies?delegation=ID");
    await page.getByRole("link", { name: "Indonesia Sovereign AI Strategy 2026–2030" }).click();
    await page.waitForURL(`**/en${strategyPath}`);
    const languages = page.locator("nav.languages");
    expect(await languages.textContent()).toContain("official translation");
    await languages.locator('a[hreflang="id"]').click();
    await page.waitForURL(/\?text=id$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Strategi AI Berdaulat Indonesia 2026–2030");
    // The interface stays in English; only the content changed language.
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator(".dimension-grid").textContent()).toContain("UU Pelindungan Data Pribadi");

    const link = page.locator(".attachment-list a[download]");
    const response = await page.request.get(new URL((await link.getAttribute("href"))!, baseUrl()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="Indonesia AI strategy.pdf"/);
    // (The server's security headers and the download's own both say it: "nosniff, nosniff" reads as nosniff.)
    expect(response.headers()["x-content-type-options"]).toMatch(/^nosniff(, nosniff)?$/);
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await page.locator(".attachment-list code").textContent()).toBe(response.headers()["x-checksum-sha256"]);
    await context.close();
  });

  it("a reader compares Brazil's and India's strategies side by side, aligned by DSI dimension, in Portuguese", async () => {
    const context = await newContext(browser, "pt-BR");
    const page = watch(await context.newPage());
    await page.goto("/pt/strategies");
    const card = (title: RegExp) => page.locator(".strategy-list li").filter({ has: page.getByRole("link", { name: title }) });
    await card(/Estratégia Brasileira de IA Soberana/)
      .locator('input[name="ids"]')
      .check();
    await card(/National Strategy for Sovereign AI/)
      .locator('input[name="ids"]')
      .check();
    await page.getByRole("button", { name: "Comparar as estratégias marcadas" }).click();
    await page.waitForURL(/\/pt\/strategies\/compare\?ids=/);
    await page.locator(".compare-table").waitFor();
    // Columns come in the order the strategies were listed.
    const headers = await page.locator(".compare-table thead th").allTextContents();
    const brazil = headers.findIndex((h) => h.includes("Estratégia Brasileira de IA Soberana"));
    const india = headers.findIndex((h) => h.includes("National Strategy for Sovereign AI"));
    expect([brazil, india].sort()).toEqual([0, 1]);
    const dataRow = page.locator('.compare-table tr[data-dimension="DATA_OWNERSHIP"]');
    expect(await dataRow.locator("th").textContent()).toBe("Propriedade dos dados");
    const cells = await dataRow.locator("td").allTextContents();
    expect(cells[brazil]).toContain("Dados públicos estratégicos");
    expect(cells[india]).toContain("Non-personal public data");
    // India's text has no Portuguese version: shown in English, and said so.
    expect(await page.locator(".compare-table").textContent()).toContain("Não disponível no seu idioma");
    // Governance: covered by India's second version only.
    const governance = await page.locator('.compare-table tr[data-dimension="DIGITAL_GOVERNANCE"] td').allTextContents();
    expect(governance[brazil]).toBe("Não abordada");
    expect(governance[india]).toContain("inter-ministerial AI council");
    await context.close();
  });

  it("the radar chart renders in Arabic, right to left, without JavaScript, with a table alternative", async () => {
    const labelSide = async (page: Page, dimension: string) => {
      const svg = (await page.locator("#profile-radar-title").locator("xpath=..").boundingBox())!;
      const label = (await page.locator(`svg.dsi-radar .dsi-label[data-dimension="${dimension}"]`).boundingBox())!;
      return label.x + label.width / 2 < svg.x + svg.width / 2 ? "left" : "right";
    };
    const open = async (lang: string) => {
      const context = await browser.newContext({ baseURL: baseUrl(), locale: lang, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${lang}/members/br`);
      return page;
    };

    const ar = await open("ar");
    expect(await ar.locator("html").getAttribute("dir")).toBe("rtl");
    const radar = ar.locator("svg.dsi-radar");
    expect(await radar.getAttribute("direction")).toBe("rtl");
    expect(await radar.locator('.dsi-label[data-dimension="DATA_OWNERSHIP"]').textContent()).toBe("ملكية البيانات");
    // Mirrored: the second dimension sits to the left of the centre, the fourth to the right.
    expect(await labelSide(ar, "DIGITAL_INFRASTRUCTURE")).toBe("left");
    expect(await labelSide(ar, "DIGITAL_CAPABILITY")).toBe("right");
    // Brazil and the members' median, each a polygon, named in the legend.
    expect(await radar.locator("polygon.dsi-area").count()).toBe(2);
    expect(await ar.locator("#profile-radar-caption").textContent()).toContain("البرازيل");
    // The same figures as a table, labelled in Arabic.
    const table = ar.locator("#profile-radar-table");
    expect(await radar.getAttribute("aria-describedby")).toBe("profile-radar-table");
    expect(await table.locator("tbody th").allTextContents()).toEqual(["ملكية البيانات", "البنية التحتية الرقمية", "الحوكمة الرقمية", "القدرات الرقمية"]);
    expect(await table.locator("caption").textContent()).toContain("البرازيل");
    expect((await table.locator("tbody td").allTextContents()).length).toBe(8);
    // Change over the years, and a comparison with another member chosen without JavaScript.
    expect(await ar.locator("svg.dsi-trend polyline").count()).toBe(4);
    await ar.locator("#dsi-compare").selectOption("IN");
    await ar.locator('form[aria-label] button[type="submit"]').filter({ hasText: "عرض" }).click();
    await ar.waitForURL(/compare=IN/);
    expect(await ar.locator("#profile-radar-caption").textContent()).toContain("الهند");
    await ar.context().close();

    // In English the same chart is not mirrored.
    const en = await open("en");
    expect(await labelSide(en, "DIGITAL_INFRASTRUCTURE")).toBe("right");
    expect(await en.locator('svg.dsi-radar .dsi-label[data-dimension="DATA_OWNERSHIP"]').textContent()).toBe("Data ownership");
    await en.context().close();
  });
});
