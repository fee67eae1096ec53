// Driving Debian's Chromium with playwright-core.
import { Secret, TOTP } from "otpauth";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = () => inject("baseUrl");
export const hasBrowser = Boolean(inject("chromiumPath"));

export const DEMO_PASSWORD = "concord-demo-2026";

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromiumPath")!,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export async function newContext(browser: Browser, locale = "en-US"): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale });
  // Fail fast: a step that takes this long is broken, not slow.
  context.setDefaultTimeout(10_000);
  return context;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, lang = "en") {
  await page.goto(`/${lang}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/login")), page.locator('form button[type="submit"]').first().click()]);
}

export function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate();
}

/** Sets up two-step verification on the page the server sent a head or the secretariat to. */
export async function enrollTotp(page: Page, password = DEMO_PASSWORD): Promise<string> {
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.locator('form#enable input[name="password"]').fill(password);
  await page.locator('form#enable input[name="code"]').fill(totpCode(secret));
  await page.locator('form#enable button[type="submit"]').click();
  await page.locator(".recovery-codes").waitFor();
  return secret;
}

/**
 * Direct access to the database of the server under test (for setting up what a
 * journey needs, e.g. a known second factor, or moving a deadline into the past).
 */
export async function e2eDb() {
  process.env.DATABASE_URL = inject("e2eDatabaseUrl");
  const { prisma } = await import("~/utils/db.server");
  return prisma;
}

/** Gives a demo account a known TOTP secret and returns a signer for its codes. */
export async function withKnownTotp(email: string): Promise<string> {
  const prisma = await e2eDb();
  const secret = new Secret({ size: 20 }).base32;
  await prisma.user.update({ where: { email }, data: { totpSecret: secret, totpEnabledAt: new Date(), totpLastStep: null } });
  return secret;
}

/** Signs in an account that has TOTP on: password, then a fresh code. */
export async function signInWithTotp(page: Page, email: string, secret: string, lang = "en") {
  await page.goto(`/${lang}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(/\/login\/two-factor/), page.locator('form button[type="submit"]').first().click()]);
  await page.locator('input[name="code"]').fill(totpCode(secret));
  await Promise.all([page.waitForURL((url) => !url.pathname.includes("/login")), page.locator('form button[type="submit"]').first().click()]);
}
