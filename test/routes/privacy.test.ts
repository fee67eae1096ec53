// The personal-data routes, called as the HTTP server calls them: a person
// downloads their own data (JSON and a readable HTML file) and nobody else's;
// the secretariat erases a departed person's data after confirming it, with a
// recent password, and the audit chain still verifies.
import { describe, expect, it } from "vitest";
import { createDelegation, createUser, newTotpSecret } from "../factories";
import { get, loadContext, post, respond, sessionCookieFor } from "../http";
import * as dataPage from "~/routes/$lang.account.data._index";
import * as dataJson from "~/routes/$lang.account.data[.json]";
import * as dataHtml from "~/routes/$lang.account.data[.html]";
import * as adminUser from "~/routes/$lang.admin.users.$id";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { recordSignIn } from "~/modules/privacy/sign-in-records.server";
import { prisma } from "~/utils/db.server";

const args = (request: Request, params: Record<string, string> = { lang: "en" }) => ({ request, params, context: loadContext() });

describe("downloading one's personal data", () => {
  it("gives the signed-in person their own data as JSON, never cached", async () => {
    const user = await createUser({ name: "Priya Raman", email: "priya@gov.example.in" });
    await recordSignIn({ userId: user.id, outcome: "PASSWORD_ACCEPTED", ip: "192.0.2.10" });
    const other = await createUser({ name: "Someone Else", email: "else@gov.example.in" });
    const cookie = await sessionCookieFor(user.id);

    const res = await respond(() => dataJson.loader(args(get("/en/account/data.json", cookie))));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="concord-personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await res.json();
    expect(body.account).toMatchObject({ id: user.id, name: "Priya Raman", email: "priya@gov.example.in" });
    expect(body.security.signIns).toMatchObject([{ outcome: "PASSWORD_ACCEPTED", ipAddress: "192.0.2.10" }]);
    expect(JSON.stringify(body)).not.toContain(other.email);
    expect(JSON.stringify(body)).not.toContain("argon2");
  });

  it("gives a readable HTML file in the person's language, right-to-left in Arabic", async () => {
    const user = await createUser({ name: "ليلى حسن", email: "layla@gov.example.eg" });
    await recordSignIn({ userId: user.id, outcome: "PASSWORD_REFUSED", ip: "192.0.2.11" });
    const cookie = await sessionCookieFor(user.id);
    const res = await respond(() => dataHtml.loader(args(get("/ar/account/data.html", cookie), { lang: "ar" })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="concord-personal-data-.*\.html"$/);
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
    expect(html).toContain("البيانات الشخصية لـ ليلى حسن في Concord");
    expect(html).toContain("كلمة مرور خاطئة");
    expect(html).toContain("192.0.2.11");
    expect(html).not.toMatch(/<script/i);
  });

  it("shows what is held, with counts and recent sign-ins, to the person only", async () => {
    const user = await createUser();
    await recordSignIn({ userId: user.id, outcome: "SECOND_FACTOR_REFUSED", ip: null });
    const cookie = await sessionCookieFor(user.id);
    const res = await respond(() => dataPage.loader(args(get("/en/account/data", cookie))));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await res.json();
    expect(body.counts).toMatchObject({ signIns: 1, sessions: 1 });
    expect(body.signIns).toMatchObject([{ outcome: "SECOND_FACTOR_REFUSED", ipAddress: null }]);
    expect(body.retentionMonths).toBe(12);
    // Signed out: to the sign-in page.
    const anonymous = await respond(() => dataJson.loader(args(get("/en/account/data.json"))));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/en\/login/);
  });
});

describe("erasing a departed person's personal data", () => {
  async function setup() {
    const br = await createDelegation({ code: "BR" });
    const admin = await createUser({ role: "SECRETARIAT", totpSecret: newTotpSecret() });
    const person = await createUser({ role: "DELEGATE", delegationId: br.id, name: "João Lima", email: `joao.${Date.now()}@gov.example.br` });
    return { admin, person, cookie: await sessionCookieFor(admin.id) };
  }

  it("asks for explicit confirmation, keeping everything as it was", async () => {
    const { person, cookie } = await setup();
    const res = await respond(() => adminUser.action(args(post(`/en/admin/users/${person.id}`, { intent: "erase" }, cookie), { lang: "en", id: person.id })));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.intent).toBe("erase");
    expect(body.result.error.confirm).toEqual(["privacy:erase.confirmRequired"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).erasedAt).toBeNull();
  });

  it("erases with a pseudonym, and the audit chain verifies after erasure", async () => {
    const { person, cookie } = await setup();
    const res = await respond(() => adminUser.action(args(post(`/en/admin/users/${person.id}`, { intent: "erase", confirm: "yes" }, cookie), { lang: "en", id: person.id })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/en/admin/users/${person.id}?saved=erased`);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.name).toMatch(/^Former delegate of Brazil #\d+$/);
    expect(after.email).toBe(`erased-${person.id}@erased.invalid`);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    const page = await respond(() => adminUser.loader(args(get(`/en/admin/users/${person.id}?saved=erased`, cookie), { lang: "en", id: person.id })));
    expect((await page.json()).user).toMatchObject({ name: after.name, erasedAt: expect.any(String) });
    // Re-enabling an erased account is refused with a clear message, not a 500.
    const enable = await respond(() => adminUser.action(args(post(`/en/admin/users/${person.id}`, { intent: "enable" }, cookie), { lang: "en", id: person.id })));
    expect(enable.status).toBe(409);
    expect(await enable.text()).toBe("privacy:errors.accountErased");
  });

  it("sends a secretariat that has not proved itself recently to confirm the password first", async () => {
    const { person, admin } = await setup();
    const cookie = await sessionCookieFor(admin.id);
    await prisma.session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date(Date.now() - 24 * 3_600_000) } });
    const res = await respond(() => adminUser.action(args(post(`/en/admin/users/${person.id}`, { intent: "erase", confirm: "yes" }, cookie), { lang: "en", id: person.id })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/en/account/confirm?${new URLSearchParams({ redirectTo: `/en/admin/users/${person.id}#erase-heading` })}`);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).erasedAt).toBeNull();
  });

  it("is refused to anyone but the secretariat", async () => {
    const { person } = await setup();
    const head = await createUser({ role: "DELEGATE", delegationId: (await createDelegation({ code: "IN" })).id });
    const cookie = await sessionCookieFor(head.id);
    const res = await respond(() => adminUser.action(args(post(`/en/admin/users/${person.id}`, { intent: "erase", confirm: "yes" }, cookie), { lang: "en", id: person.id })));
    expect(res.status).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).erasedAt).toBeNull();
  });
});
