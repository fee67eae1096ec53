// Personal data in a real browser: a member downloads their own data from the
// account page (in English, then in Arabic, right to left); the secretariat
// erases a departed person's data in Arabic without JavaScript, and the audit
// chain verifies after erasure.
import fs from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO_PASSWORD, e2eDb, hasBrowser, launch, newContext, signIn, signInWithTotp, withKnownTotp } from "./browser";

async function downloaded(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return fs.readFile((await download.path())!, "utf8");
}

describe.skipIf(!hasBrowser)("personal data in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets a member see and download their own data, in English and in Arabic", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, "observer.lk@demo.concord.example");

    await page.goto("/en/account");
    await page.getByRole("link", { name: "Your personal data" }).click();
    await page.waitForURL("**/en/account/data");
    // The address changes as the navigation ends; the new page renders just after.
    await page.locator("h1", { hasText: "Your personal data" }).waitFor();
    // The sign-in just made is recorded and shown.
    await expect.poll(() => page.locator("#signins-heading + p + table tbody").textContent()).toContain("Password accepted");
    expect(await page.getByTestId("personal-data-counts").textContent()).toContain("Sign-in records");

    const json = JSON.parse(await downloaded(page, "download-json")) as { account: { email: string; name: string }; security: { signIns: unknown[] } };
    expect(json.account.email).toBe("observer.lk@demo.concord.example");
    expect(json.security.signIns.length).toBeGreaterThanOrEqual(1);

    await page.goto("/ar/account/data");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).toBe("بياناتك الشخصية");
    const html = await downloaded(page, "download-html");
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain(json.account.name);
    expect(html).toContain("سجلات الدخول");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the secretariat erase a departed person's data without JavaScript, and the audit chain verifies after erasure", async () => {
    const prisma = await e2eDb();
    const person = await prisma.user.findUniqueOrThrow({ where: { email: "observer.sn@demo.concord.example" } });
    const secret = await withKnownTotp("secretariat@demo.concord.example");
    const admin = await browser.newContext({ baseURL: baseUrl(), locale: "ar", javaScriptEnabled: false });
    admin.setDefaultTimeout(10_000);
    const page = await admin.newPage();
    await signInWithTotp(page, "secretariat@demo.concord.example", secret, "ar");

    await page.goto(`/ar/admin/users/${person.id}`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    // Without the confirmation ticked: refused, with the reason beside the box.
    await page.locator('form#erase button[type="submit"]').click();
    await page.waitForLoadState();
    expect(await page.locator("form#erase").textContent()).toContain("حدِّد المربع لتأكيد المحو.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).erasedAt).toBeNull();

    await page.locator('form#erase input[name="confirm"]').check();
    await page.locator('form#erase button[type="submit"]').click();
    await page.waitForURL(`**/ar/admin/users/${person.id}?saved=erased`);
    expect(await page.locator('[role="status"]').textContent()).toContain("Former observer of Senegal #");
    expect(await page.locator("h1").textContent()).toMatch(/^Former observer of Senegal #\d+$/);
    expect(await page.getByTestId("erased-state").count()).toBe(1);
    expect(await page.locator("form#erase").count()).toBe(0);

    // The audit chain verifies after erasure.
    await page.goto("/ar/admin/audit?verify=1");
    expect(await page.getByTestId("audit-verification").getAttribute("class")).toContain("alert-success");
    await page.goto("/en/admin/audit?verify=1");
    expect(await page.getByTestId("audit-verification").textContent()).toMatch(/intact/i);
    await admin.close();

    // The erased account never signs in again.
    const gone = await newContext(browser);
    const login = await gone.newPage();
    await login.goto("/en/login");
    await login.locator('input[name="email"]').fill("observer.sn@demo.concord.example");
    await login.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await login.locator('form button[type="submit"]').first().click();
    await login.waitForLoadState();
    expect(new URL(login.url()).pathname).toBe("/en/login");
    await gone.close();
  });
});
