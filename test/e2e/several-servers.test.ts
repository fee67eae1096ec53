// Two independent app servers (separate processes, not cluster workers) on one
// PostgreSQL, as behind a load balancer (ADR 018): the journeys' server (A) and a
// second one (B) started here with the same database, mail server and public
// origin. A session made on one is valid on the other, and a form posted there
// passes the cross-site check; failed sign-ins counted on both slow the next try
// on either; a vote's deadline is handled once while both run their schedules,
// and its outcome is mailed once per person, seen through the other server.
// Then the deployed nginx configuration (deploy/nginx) in front of both, when
// nginx is installed: public pages come from its cache, signed-in ones never do.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../app/utils/embedded-postgres.server";
import { findNginx, nginxConfig } from "../../scripts/bench/proxy";
import { baseUrl, DEMO_PASSWORD, e2eDb, hasBrowser } from "./browser";

const TITLE = "Two servers, one deadline";

// nginx (Debian's package) for the last part; CI installs it (.ci/run) and requires it.
const NGINX = findNginx();
if (!NGINX && process.env.CI) throw new Error("nginx not found: the checks behind the proxy are required in CI (.ci/run installs nginx-light).");
if (!NGINX) console.warn("\n!! nginx not found (apt-get install nginx-light): SKIPPING the checks behind the proxy. They run in CI.\n");

async function until(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("condition not met in time");
}

async function healthy(url: string, child: ChildProcess) {
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`${url}: exited with code ${child.exitCode}`);
    return (await fetch(`${url}/healthz`).catch(() => null))?.ok === true;
  }, 90_000);
}

function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

describe.skipIf(!hasBrowser)("two app servers on one database", () => {
  let second: ChildProcess | undefined;
  let a = "";
  let b = "";

  beforeAll(async () => {
    a = baseUrl();
    const port = await freePort();
    b = `http://127.0.0.1:${port}`;
    second = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: inject("e2eDatabaseUrl"),
        MIGRATION_DATABASE_URL: inject("e2eOwnerDatabaseUrl"),
        PORT: String(port),
        HOST: "127.0.0.1",
        SEED_DEMO: "false",
        SMTP_URL: inject("smtpUrl"),
        // Both serve one site: the origin readers see.
        PUBLIC_ORIGIN: a,
        LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? "warn",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await healthy(b, second);
  }, 120_000);

  afterAll(() => stop(second));

  // Both servers answer for one site, as behind the proxy: the browser's Origin is the site's,
  // and so is the host the proxy names (deploy/nginx sets X-Forwarded-Host).
  const siteHeaders = (cookie?: string) => ({
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: a,
    "X-Forwarded-Host": new URL(a).host,
    ...(cookie ? { Cookie: cookie } : {}),
  });
  const signIn = (server: string, email: string, password = DEMO_PASSWORD) =>
    fetch(`${server}/en/login`, { method: "POST", redirect: "manual", headers: siteHeaders(), body: new URLSearchParams({ email, password }) });

  it("a session made on one server is valid on the other, and a form posted there passes the cross-site check", async () => {
    const prisma = await e2eDb();
    const email = "delegate.in@demo.concord.example";
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
    const login = await signIn(a, email);
    expect(login.status).toBe(302);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.includes("concord_session="))!
      .split(";")[0]!;

    const account = await fetch(`${b}/en/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(user.name);

    const dataset = await prisma.dataset.findFirstOrThrow({ select: { id: true, slug: true } });
    await prisma.follow.deleteMany({ where: { userId: user.id, targetType: "DATASET", targetId: dataset.id } });
    const follow = await fetch(`${b}/en/follow`, {
      method: "POST",
      redirect: "manual",
      headers: siteHeaders(cookie),
      body: new URLSearchParams({ intent: "follow", targetType: "DATASET", targetId: dataset.id, redirectTo: `/en/datasets/${dataset.slug}` }),
    });
    expect(follow.status).toBe(302);
    expect(await prisma.follow.count({ where: { userId: user.id, targetType: "DATASET", targetId: dataset.id } })).toBe(1);
    // From another site, B refuses as A would.
    const forged = await fetch(`${b}/en/follow`, {
      method: "POST",
      redirect: "manual",
      headers: { ...siteHeaders(cookie), Origin: "https://elsewhere.example" },
      body: new URLSearchParams({ intent: "unfollow", targetType: "DATASET", targetId: dataset.id }),
    });
    expect(forged.status).toBe(403);

    // Signing out on B ends the session on A too.
    const logout = await fetch(`${b}/en/logout`, { method: "POST", redirect: "manual", headers: siteHeaders(cookie) });
    expect(logout.status).toBe(302);
    const after = await fetch(`${a}/en/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/\/en\/login/);
  });

  it("failed sign-ins counted on both servers slow the next try on either", async () => {
    // An address no account has: failures are counted per address and account all the same.
    const email = `nobody-${Date.now()}@example.org`;
    // Five free failures, then each one makes the next try wait (1 s after the sixth): 3 on A and 3 on B.
    for (const server of [a, b, a, b, a, b]) expect((await signIn(server, email, "wrong password, again")).status).toBe(400);
    // Neither server saw more than three, yet the next try waits on both.
    const next = await Promise.all([signIn(a, email, "wrong password, again"), signIn(b, email, "wrong password, again")]);
    expect(next.map((r) => r.status)).toEqual([429, 429]);
  });

  it("closes a vote at its deadline once while both run their schedules, and mails its outcome once per person", async () => {
    const prisma = await e2eDb();
    const { createProposal } = await import("~/modules/proposal/proposal.server");
    const { openVote } = await import("~/modules/vote/vote.server");
    const { actorFor } = await import("../factories");
    const lead = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email: "delegate.br@demo.concord.example" } }));
    const chair = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.concord.example" } }));
    const proposal = await createProposal({
      actor: lead,
      title: TITLE,
      originalLanguage: "en",
      topics: ["DATA_OWNERSHIP"],
      sections: [{ heading: "Principle", body: "One record, whichever server writes it." }],
    });
    const vote = await openVote({ actor: chair, proposalId: proposal.id, rule: "SIMPLE_MAJORITY", quorumPercent: 20, closesAt: new Date(Date.now() + 2 * 3_600_000) });
    // The deadline passes: the job queued for it is due now, on whichever server takes it first.
    await prisma.vote.update({ where: { id: vote.id }, data: { openedAt: new Date(Date.now() - 3 * 3_600_000), closesAt: new Date(Date.now() - 1000) } });
    await prisma.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'vote-close' AND data->>'voteId' = ${vote.id}`;

    await until(async () => (await prisma.vote.findUniqueOrThrow({ where: { id: vote.id }, select: { status: true } })).status === "CLOSED");
    expect(await prisma.auditEvent.count({ where: { objectId: vote.id, act: "vote.closed" } })).toBe(1);

    // Its outcome: one notice per person concerned, each mailed once (Message-ID is the outbox row's id).
    const notices = await prisma.notification.findMany({ where: { proposalId: proposal.id, kind: "vote.closed" }, select: { id: true, userId: true } });
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map((n) => n.userId)).size).toBe(notices.length);
    const outbox = () => prisma.mailOutbox.findMany({ where: { notificationId: { in: notices.map((n) => n.id) } }, select: { id: true, status: true } });
    await until(async () => {
      const rows = await outbox();
      return rows.length > 0 && rows.every((r) => r.status === "SENT");
    });
    const rows = await outbox();
    await new Promise((r) => setTimeout(r, 1000));
    const dir = inject("mailDir");
    const headers = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".eml"))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8").split(/\r?\n\r?\n/, 1)[0]!);
    for (const row of rows)
      expect(
        headers.filter((h) => h.includes(`<${row.id}@`)),
        row.id,
      ).toHaveLength(1);

    // A person it concerns sees the outcome through the other server.
    const reader = await prisma.user.findFirstOrThrow({ where: { id: { in: notices.map((n) => n.userId) }, role: "DELEGATE" }, select: { id: true } });
    const { createSession } = await import("~/utils/auth.server");
    const cookie = (await createSession(reader.id, true, { userAgent: "e2e" })).split(";")[0]!;
    const page = await fetch(`${b}/en/notifications`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(TITLE);
  }, 90_000);

  describe.skipIf(!NGINX)("behind nginx with the deployed configuration", () => {
    let nginx: ChildProcess | undefined;
    let prefix = "";
    let proxy = "";

    beforeAll(async () => {
      prefix = fs.mkdtempSync(path.join(os.tmpdir(), "concord-e2e-nginx-"));
      fs.chmodSync(prefix, 0o755);
      const port = await freePort();
      proxy = `http://127.0.0.1:${port}`;
      const appPorts = [a, b].map((u) => Number(new URL(u).port));
      fs.writeFileSync(path.join(prefix, "nginx.conf"), nginxConfig({ prefix, port, appPorts }));
      nginx = spawn(NGINX!, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"] });
      await healthy(proxy, nginx);
    });

    afterAll(async () => {
      await stop(nginx, "SIGQUIT");
      fs.rmSync(prefix, { recursive: true, force: true });
    });

    it("serves a public page from its cache, with the app's headers, and revalidates with the ETag", async () => {
      const prisma = await e2eDb();
      const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
      const url = `${proxy}/fr/positions/${position.slug}?e2e=${Date.now()}`;
      const first = await fetch(url);
      expect(first.status).toBe(200);
      expect(first.headers.get("x-cache-status")).toBe("MISS");
      const body = await first.text();
      const second = await fetch(url);
      expect(second.headers.get("x-cache-status")).toBe("HIT");
      expect(await second.text()).toBe(body);
      expect(second.headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      // The same bytes for everyone: no per-request nonce in the cached policy.
      expect(second.headers.get("content-security-policy")).not.toContain("'nonce-");
      const etag = second.headers.get("etag")!;
      const revalidated = await fetch(url, { headers: { "If-None-Match": etag } });
      expect(revalidated.status).toBe(304);
      // The page's build files (its stylesheet): immutable, kept after the first request.
      const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(body)![1]!;
      await (await fetch(`${proxy}${stylesheet}`)).arrayBuffer();
      const again = await fetch(`${proxy}${stylesheet}`);
      expect(again.headers.get("x-cache-status")).toBe("HIT");
      expect(again.headers.get("cache-control")).toMatch(/immutable/);
    });

    it("never serves or stores a signed-in page", async () => {
      const prisma = await e2eDb();
      const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
      const url = `${proxy}/en/positions/${position.slug}?e2e-signed-in=${Date.now()}`;
      await (await fetch(url)).text();
      const person = await prisma.user.findUniqueOrThrow({ where: { email: "expert.br@demo.concord.example" }, select: { id: true, name: true } });
      const { createSession } = await import("~/utils/auth.server");
      const cookie = (await createSession(person.id, true, { userAgent: "e2e" })).split(";")[0]!;
      const name = person.name;
      // Several requests: round robin sends them to both servers; every one is the person's own page.
      for (let i = 0; i < 4; i++) {
        const res = await fetch(url, { headers: { Cookie: cookie } });
        expect(res.headers.get("x-cache-status")).toBe("BYPASS");
        expect(res.headers.get("cache-control")).toBe("private, no-store");
        expect(await res.text()).toContain(name);
      }
      // The anonymous copy in the cache never became the signed-in one.
      const anonymous = await fetch(url);
      expect(anonymous.headers.get("x-cache-status")).toBe("HIT");
      expect(await anonymous.text()).not.toContain(name);
    });
  });
});
