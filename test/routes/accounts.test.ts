// Loaders and actions of the account pages, called as the HTTP server calls
// them, against a real database: what the user gets back and what is stored.
import { describe, expect, it } from "vitest";
import { createDelegation, createUser, newTotpSecret, TEST_PASSWORD } from "../factories";
import { get, loadContext, post, respond, sessionCookieFor } from "../http";
import * as login from "~/routes/$lang.login";
import * as account from "~/routes/$lang.account._index";
import * as adminUsers from "~/routes/$lang.admin.users._index";
import * as adminInvitations from "~/routes/$lang.admin.invitations";
import * as invitation from "~/routes/$lang.invitation";
import * as memberProfile from "~/routes/$lang.members.$code";
import { prisma } from "~/utils/db.server";

const args = (request: Request, params: Record<string, string> = { lang: "en" }) => ({ request, params, context: loadContext() });

describe("sign-in page", () => {
  it("answers bad input with 400, field errors as translation keys, and the email kept", async () => {
    const res = await respond(() => login.action(args(post("/en/login", { email: "not-an-email", password: "" }))));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.email).toEqual(["validation.email"]);
    expect(body.result.error.password).toEqual(["validation.required"]);
    expect(body.result.initialValue.email).toBe("not-an-email");
    expect(body.result.initialValue.password).toBeUndefined();
  });

  it("says the same for an unknown account and a wrong password", async () => {
    await createUser({ email: "someone@concord.example" });
    const unknown = await respond(() => login.action(args(post("/en/login", { email: "nobody@concord.example", password: "some password here" }))));
    const wrong = await respond(() => login.action(args(post("/en/login", { email: "someone@concord.example", password: "some password here" }))));
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect((await unknown.json()).result.error[""]).toEqual(["errors.invalidCredentials"]);
    expect((await wrong.json()).result.error[""]).toEqual(["errors.invalidCredentials"]);
  });

  it("starts a new session and sends the user to a path on this site only", async () => {
    await createUser({ email: "ok@concord.example", locale: "pt" });
    const res = await respond(() => login.action(args(post("/en/login", { email: "OK@concord.example ", password: TEST_PASSWORD, redirectTo: "//evil.example/x" }))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/pt");
    expect(res.headers.get("Set-Cookie")).toMatch(/^__Host-concord_session=/);
  });

  it("sends a user with a second factor to the code step, not in", async () => {
    const user = await createUser({ email: "two@concord.example", totpSecret: newTotpSecret() });
    const res = await respond(() => login.action(args(post("/en/login", { email: "two@concord.example", password: TEST_PASSWORD }))));
    expect(res.headers.get("Location")).toMatch(/^\/en\/login\/two-factor\?redirectTo=/);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.secondFactorVerified).toBe(false);
  });
});

describe("second factor is required for heads and the secretariat", () => {
  it("sends a head without TOTP to set it up before anything else", async () => {
    const br = await createDelegation({ code: "BR" });
    const head = await createUser({ role: "HEAD", delegationId: br.id });
    const cookie = await sessionCookieFor(head.id);
    const res = await respond(() => account.loader(args(get("/en/account", cookie))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/en/account/two-factor");
  });
});

describe("account page", () => {
  it("changes the password only with the current one, and ends the other sessions", async () => {
    const user = await createUser();
    const mine = await sessionCookieFor(user.id);
    await sessionCookieFor(user.id); // another browser
    const wrong = await respond(() =>
      account.action(
        args(
          post(
            "/en/account",
            { intent: "changePassword", currentPassword: "not my password", newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" },
            mine,
          ),
        ),
      ),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).result.error.currentPassword).toEqual(["errors.wrongPassword"]);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);

    const short = await respond(() =>
      account.action(args(post("/en/account", { intent: "changePassword", currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" }, mine))),
    );
    expect((await short.json()).result.error.newPassword).toEqual(['validation.tooShort|{"count":12}']);

    const ok = await respond(() =>
      account.action(
        args(
          post("/en/account", { intent: "changePassword", currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }, mine),
        ),
      ),
    );
    expect(ok.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: user.id, kind: "security.passwordChanged" } })).toBe(1);
  });

  it("ends only the user's own sessions", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const aliceCookie = await sessionCookieFor(alice.id);
    await sessionCookieFor(bob.id);
    const bobSession = await prisma.session.findFirstOrThrow({ where: { userId: bob.id } });
    await respond(() => account.action(args(post("/en/account", { intent: "endSession", sessionId: bobSession.id }, aliceCookie))));
    expect(await prisma.session.count({ where: { id: bobSession.id } })).toBe(1);
  });

  it("keeps names in any script, normalized, and refuses control characters", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const decomposed = "Jose\u0301 Ferna\u0301ndez — 王丽华 — نور";
    const ok = await respond(() => account.action(args(post("/en/account", { intent: "preferences", name: decomposed, locale: "ar" }, cookie))));
    expect(ok.headers.get("Location")).toBe("/ar/account?saved=preferences");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.name).toBe(decomposed.normalize("NFC"));
    expect(row.locale).toBe("ar");
    const bad = await respond(() => account.action(args(post("/en/account", { intent: "preferences", name: "Evil\u0007Bell", locale: "en" }, cookie))));
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.name).toEqual(["validation.controlCharacters"]);
  });
});

describe("administration", () => {
  it("is refused to everyone but the secretariat", async () => {
    const cn = await createDelegation({ code: "CN" });
    const delegate = await createUser({ role: "DELEGATE", delegationId: cn.id });
    const cookie = await sessionCookieFor(delegate.id);
    expect((await respond(() => adminUsers.loader(args(get("/en/admin/users", cookie))))).status).toBe(403);
    expect((await respond(() => adminInvitations.action(args(post("/en/admin/invitations", { intent: "invite", email: "x@y.org", role: "HEAD" }, cookie))))).status).toBe(403);
    expect((await respond(() => adminUsers.loader(args(get("/en/admin/users"))))).headers.get("Location")).toBe("/en/login?redirectTo=%2Fen%2Fadmin%2Fusers");
  });

  it("lets the secretariat invite, and the invitee accept through the pages", async () => {
    const za = await createDelegation({ code: "ZA" });
    const admin = await createUser({ role: "SECRETARIAT", totpSecret: newTotpSecret() });
    const cookie = await sessionCookieFor(admin.id);
    const created = await respond(() =>
      adminInvitations.action(args(post("/en/admin/invitations", { intent: "invite", email: "Lindiwe@Concord.example", role: "DELEGATE", delegationId: za.id }, cookie))),
    );
    const { link } = await created.json();
    const token = new URL(link).searchParams.get("token")!;
    const page = await respond(() => invitation.loader(args(get(`/en/invitation?token=${token}`))));
    expect((await page.json()).invitation).toEqual({ email: "lindiwe@concord.example", role: "DELEGATE", delegationCode: "ZA" });
    const mismatch = await respond(() =>
      invitation.action(args(post("/en/invitation", { token, name: "Lindiwe", password: "a long enough password", confirmPassword: "another one entirely", locale: "en" }))),
    );
    expect((await mismatch.json()).result.error.confirmPassword).toEqual(["validation.passwordsDiffer"]);
    const accepted = await respond(() =>
      invitation.action(args(post("/en/invitation", { token, name: "Lindiwe", password: "a long enough password", confirmPassword: "a long enough password", locale: "fr" }))),
    );
    expect(accepted.headers.get("Location")).toBe("/fr/account?welcome=1");
    expect(await prisma.user.findUnique({ where: { email: "lindiwe@concord.example" }, select: { role: true, delegationId: true } })).toEqual({
      role: "DELEGATE",
      delegationId: za.id,
    });
  });
});

describe("member profile", () => {
  it("shows people by role to members and hides them from the public", async () => {
    const eg = await createDelegation({ code: "EG" });
    await createUser({ role: "HEAD", delegationId: eg.id, name: "Nour" });
    const anonymous = await (await respond(() => memberProfile.loader(args(get("/ar/members/eg"), { lang: "ar", code: "eg" })))).json();
    expect(anonymous.name).toBe("مصر");
    expect(anonymous.profile.people).toEqual([]);
    const reader = await createUser({ role: "EXPERT" });
    const cookie = await sessionCookieFor(reader.id);
    const member = await (await respond(() => memberProfile.loader(args(get("/en/members/eg", cookie), { lang: "en", code: "eg" })))).json();
    expect(member.name).toBe("Egypt");
    expect(member.profile.people).toEqual([{ role: "HEAD", people: [{ id: expect.any(String), name: "Nour" }] }]);
    expect((await respond(() => memberProfile.loader(args(get("/en/members/zz"), { lang: "en", code: "zz" })))).status).toBe(404);
  });
});
