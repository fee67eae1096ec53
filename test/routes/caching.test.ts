// Public pages and shared caches (ADR 018), through the real HTTP server and the
// production build, on the demo content: an anonymous reader's page is public with an
// ETag and a CSP that names its scripts by hash; the same page for someone signed in,
// a POST, an error and a page that did not opt in are private and never stored.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../prisma/demo-accounts";
import { seedDemoIfEmpty } from "../../prisma/seed";
import { BUILD_FILE, buildIfNeeded } from "../../server/build";
import { createHttpApp } from "../../server/http";
import { sessionCookieFor } from "../http";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";

const PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";

let root: string;
let server: Server;
let base: string;
const pages: Record<string, string> = {};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-caching-"));
  setStorageBackend(createLocalStorage(root));
  await seedDemoIfEmpty();
  buildIfNeeded();
  const build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
  const app = createHttpApp({ build, env: parseEnv({ ...process.env, DATA_DIR: root }) });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
  const strategy = await prisma.strategy.findFirstOrThrow({ where: { visibility: "PUBLIC", publishedVersion: { not: null } }, select: { slug: true } });
  const dataset = await prisma.dataset.findFirstOrThrow({ where: { access: "OPEN" }, select: { slug: true } });
  const board = await prisma.leaderboard.findFirstOrThrow({ select: { id: true } });
  const model = await prisma.aiModel.findFirstOrThrow({ select: { slug: true } });
  Object.assign(pages, {
    "home (anonymous)": "/en",
    "positions list": "/ar/positions",
    position: `/en/positions/${position.slug}`,
    "strategies list": "/fa/strategies",
    strategy: `/en/strategies/${strategy.slug}`,
    "members list": "/zh/members",
    member: "/en/members/br",
    evaluations: "/en/evaluations",
    leaderboard: `/hi/evaluations/leaderboards/${board.id}`,
    model: `/en/models/${model.slug}`,
    "datasets list": "/en/datasets?access=OPEN",
    dataset: `/es/datasets/${dataset.slug}`,
  });
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await fs.rm(root, { recursive: true, force: true });
});

const fetchPage = (pathname: string, init: RequestInit = {}) => fetch(base + pathname, { redirect: "manual", ...init });
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("a public page read by an anonymous visitor", () => {
  it("is public for shared caches, with an ETag, Vary, no script to load and a CSP naming its inline blocks by hash", async () => {
    let hashed = 0;
    for (const [name, pathname] of Object.entries(pages)) {
      const res = await fetchPage(pathname);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("cache-control"), name).toBe(PUBLIC);
      expect(res.headers.get("etag"), name).toMatch(/^W\/"[\w-]{32}"$/);
      expect(res.headers.get("vary"), name).toMatch(/Cookie/);
      expect(res.headers.get("vary"), name).toMatch(/Accept-Encoding/);
      expect(res.headers.get("set-cookie"), name).toBeNull();
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, name).not.toContain("nonce-");
      expect(csp, name).not.toContain("unsafe-inline");
      expect(csp, name).toContain("frame-ancestors 'none'");
      const html = await res.text();
      // Nothing personal to one request is in the page: no nonce, no request id.
      expect(html, name).not.toMatch(/nonce="[^"]/);
      expect(html, name).toContain('<meta name="request-id" content=""/>');
      // Pages send no JavaScript (ADR 021); an inline block they do carry (a dataset's
      // JSON-LD) is named by its hash.
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter(Boolean);
      expect(html, name).not.toMatch(/<script[^>]*\ssrc=/);
      for (const script of inline) expect(csp, name).toContain(sha256(script));
      hashed += inline.length;
    }
    expect(hashed, "the dataset page's JSON-LD").toBeGreaterThan(0);
  });

  it("answers 304 with no body when the ETag still matches, for GET and HEAD", async () => {
    for (const [name, pathname] of Object.entries(pages)) {
      const first = await fetchPage(pathname);
      const etag = first.headers.get("etag")!;
      await first.arrayBuffer();
      const again = await fetchPage(pathname);
      expect(again.headers.get("etag"), `${name}: the same page has the same ETag`).toBe(etag);
      await again.arrayBuffer();
      const revalidated = await fetchPage(pathname, { headers: { "If-None-Match": etag } });
      expect(revalidated.status, name).toBe(304);
      expect(await revalidated.text(), name).toBe("");
      expect(revalidated.headers.get("cache-control"), name).toBe(PUBLIC);
      expect(revalidated.headers.get("etag"), name).toBe(etag);
      // HEAD too, and the tag without its weak prefix matches all the same (weak comparison).
      const head = await fetchPage(pathname, { method: "HEAD", headers: { "If-None-Match": `"other", ${etag.replace(/^W\//, "")}` } });
      expect(head.status, name).toBe(304);
      const stale = await fetchPage(pathname, { headers: { "If-None-Match": '"not-this-one"' } });
      expect(stale.status, name).toBe(200);
      expect((await stale.text()).length, name).toBeGreaterThan(1000);
    }
  });
});

describe("what is never public", () => {
  it("the same pages with a session cookie: private, no-store, no ETag, a fresh nonce, the person's own header", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("DELEGATE", "BR") } });
    const cookie = await sessionCookieFor(user.id);
    for (const [name, pathname] of Object.entries(pages)) {
      const anonymous = await fetchPage(pathname);
      const res = await fetchPage(pathname, { headers: { Cookie: cookie, "If-None-Match": anonymous.headers.get("etag")! } });
      await anonymous.arrayBuffer();
      expect(res.status, name).toBe(200);
      expect(res.headers.get("cache-control"), name).toBe("private, no-store");
      expect(res.headers.get("etag"), name).toBeNull();
      expect(res.headers.get("content-security-policy"), name).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      const html = await res.text();
      expect(html, name).toContain(user.name);
    }
  });

  it("a session cookie that names no session is still private: the decision is the cookie's presence", async () => {
    const res = await fetchPage(pages.position!, { headers: { Cookie: "theme=dark; __Host-concord_session=not-a-session" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("etag")).toBeNull();
    // Another cookie alone changes nothing.
    const other = await fetchPage(pages.position!, { headers: { Cookie: "theme=dark" } });
    expect(other.headers.get("cache-control")).toBe(PUBLIC);
  });

  it("a POST to a public page, a 404, and a page that did not opt in", async () => {
    const dataset = pages.dataset!;
    const post = await fetchPage(dataset, {
      method: "POST",
      body: new URLSearchParams({ intent: "follow" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    });
    // Signed out, following is answered by a way to sign in; never by something a cache keeps.
    expect([302, 303, 403]).toContain(post.status);
    expect(post.headers.get("cache-control") ?? "").not.toMatch(/public/);
    expect(post.headers.get("etag")).toBeNull();

    const missing = await fetchPage("/en/positions/no-such-position");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("private, no-store");
    expect(missing.headers.get("etag")).toBeNull();
    const unknownPage = await fetchPage("/fa/no-such-page");
    expect(unknownPage.status).toBe(404);
    expect(unknownPage.headers.get("cache-control")).toBe("private, no-store");

    // Data for a navigation in the browser: only documents are ever public.
    const data = await fetchPage(`${pages.position!}?_data=${encodeURIComponent("routes/$lang.positions.$slug")}`);
    expect(data.status).toBe(200);
    expect(data.headers.get("cache-control")).toBe("private, no-store");

    for (const pathname of ["/en/login", "/en/search?q=data"]) {
      const res = await fetchPage(pathname);
      expect(res.status, pathname).toBe(200);
      expect(res.headers.get("cache-control"), pathname).toBe("private, no-store");
      expect(res.headers.get("etag"), pathname).toBeNull();
      expect(res.headers.get("content-security-policy"), pathname).toMatch(/'nonce-/);
    }
  });

  it("a public feed read with a session cookie is private too, whatever the route says", async () => {
    const anonymous = await fetchPage("/en/positions/feed.atom");
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("DELEGATE", "IN") } });
    const res = await fetchPage("/en/positions/feed.atom", { headers: { Cookie: await sessionCookieFor(user.id) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.getSetCookie().length).toBeLessThanOrEqual(1);
  });
});
