// Journeys of the foundation in a real browser: sign in, languages incl.
// right-to-left, sign out; an invitation accepted end to end; a forged
// cross-site POST refused.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO_PASSWORD, e2eDb, enrollTotp, hasBrowser, launch, newContext, signIn } from "./browser";

describe.skipIf(!hasBrowser)("accounts in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("picks the language from the browser, signs in, switches to Arabic right-to-left, signs out", async () => {
    const context = await newContext(browser, "pt-BR");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/pt");
    expect(await page.locator("html").getAttribute("lang")).toBe("pt");

    await signIn(page, "delegate.br@demo.concord.example", DEMO_PASSWORD, "pt");
    await expect.poll(() => page.locator("h1").textContent()).toContain("Rafael Moreira");
    await page.goto("/pt/members");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Delegações");

    // The switcher keeps the page.
    await page.locator(".language-switcher summary").click();
    await page.locator('.language-switcher a[hreflang="ar"]').click();
    await page.waitForURL("**/ar/members");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator("h1").textContent()).toBe("الوفود");
    // Mirrored layout: the brand sits at the right, the tools at the left.
    const brand = (await page.locator(".brand").boundingBox())!;
    const tools = (await page.locator(".header-tools").boundingBox())!;
    expect(brand.x).toBeGreaterThan(tools.x);
    // Country names come from Intl in Arabic.
    expect(await page.locator("main").textContent()).toContain("البرازيل");

    await page.locator(".header-tools form button").click();
    await page.waitForURL("**/ar");
    await expect.poll(() => page.locator(`.header-tools a[href="/ar/login"]`).count()).toBe(1);
    // Signed out on the server too: the account page asks to sign in again.
    await page.goto("/ar/account");
    expect(new URL(page.url()).pathname).toBe("/ar/login");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sends the security headers of ADR 004, with a fresh CSP nonce per request", async () => {
    // A page rendered for one request (public pages allow their scripts by hash instead: ADR 018).
    const first = await fetch(`${baseUrl()}/en/login`);
    const second = await fetch(`${baseUrl()}/en/login`);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    // Pages send no JavaScript (ADR 021): the sign-in page has no script at all, and
    // a script injected into it would need this request's nonce. Nothing is loaded
    // from another origin.
    const html = await first.text();
    expect(/'nonce-([^']+)'/.exec(csp)![1]!.length).toBeGreaterThanOrEqual(16);
    expect(html).not.toMatch(/<script/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1)/);
  });

  it("shows a translated 404 page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto("/fa/no-such-page");
    expect(response?.status()).toBe(404);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).not.toBe("Page not found");
    expect(await page.content()).not.toMatch(/at .*\.(ts|js):\d+/);
    await context.close();
  });

  it("takes an invitation from the secretariat to a working account", async () => {
    // Other journeys may have given the secretariat a second factor already: start from none.
    const prisma = await e2eDb();
    await prisma.user.update({ where: { email: "secretariat@demo.concord.example" }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    const admin = await newContext(browser);
    const page = await admin.newPage();
    await signIn(page, "secretariat@demo.concord.example");
    // The secretariat must use a second factor: the first sign-in goes to its set-up.
    expect(new URL(page.url()).pathname).toBe("/en/account/two-factor");
    await enrollTotp(page);

    await page.goto("/en/admin/invitations");
    await page.locator('form#invite input[name="email"]').fill("new.expert@ministry.example");
    await page.locator('form#invite select[name="role"]').selectOption("EXPERT");
    await page.locator('form#invite select[name="delegationId"]').selectOption({ label: "India" });
    await page.locator('form#invite button[type="submit"]').click();
    const link = await page.getByTestId("invitation-link").inputValue();
    expect(link).toMatch(/\/en\/invitation\?token=/);
    await admin.close();

    const invitee = await newContext(browser);
    const guest = await invitee.newPage();
    await guest.goto(link.replace(/^https?:\/\/[^/]+/, ""));
    await expect.poll(() => guest.locator("main").textContent()).toContain("new.expert@ministry.example");
    // A mismatch keeps the name and shows the error beside the field.
    await guest.locator('input[name="name"]').fill("Priya Raman");
    await guest.locator('input[name="password"]').fill("a long and private passphrase");
    await guest.locator('input[name="confirmPassword"]').fill("something else entirely");
    await guest.locator('form button[type="submit"]').click();
    const confirm = guest.locator('input[name="confirmPassword"]');
    await expect.poll(() => confirm.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await confirm.getAttribute("aria-describedby"))!.split(" ");
    const messages = await Promise.all(describedBy.map((id) => guest.locator(`[id="${id}"]`).textContent()));
    expect(messages).toContain("The two passwords do not match.");
    expect(await guest.locator('input[name="name"]').inputValue()).toBe("Priya Raman");
    await guest.locator('input[name="password"]').fill("a long and private passphrase");
    await guest.locator('input[name="confirmPassword"]').fill("a long and private passphrase");
    await guest.locator('select[name="locale"]').selectOption("hi");
    await guest.locator('form button[type="submit"]').click();
    await guest.waitForURL("**/hi/account?welcome=1");
    await expect.poll(() => guest.locator(".header-tools .account-link").textContent()).toBe("Priya Raman");

    // The link works once.
    const again = await invitee.newPage();
    await again.goto(link.replace(/^https?:\/\/[^/]+/, ""));
    await expect.poll(() => again.locator('[role="alert"]').count()).toBe(1);
    await invitee.close();
  });

  it("refuses a forged cross-site POST", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "expert.br@demo.concord.example");
    // A page on another origin that posts a form to Concord as soon as it loads.
    const attacker = http.createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html");
      res.end(
        `<form id="f" method="post" action="${baseUrl()}/en/account"><input name="intent" value="endOtherSessions"></form><script>document.getElementById("f").submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    const port = (attacker.address() as AddressInfo).port;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${baseUrl()}/en/account`) && r.request().method() === "POST"),
      page.goto(`http://localhost:${port}/`),
    ]);
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("Cross-site request refused");
    attacker.close();
    // Still signed in: nothing happened.
    await page.goto("/en/account");
    expect(new URL(page.url()).pathname).toBe("/en/account");
    await context.close();
  });
});
