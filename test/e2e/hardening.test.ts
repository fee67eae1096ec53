// Hostile and clumsy requests against the real server (ADR 016): every route's
// action and loader answers malformed bodies and query strings with a 4xx and a
// page, never a 5xx; runaway lists are refused within a second; the server keeps
// answering /healthz. No browser needed: plain HTTP, as an attacker would send it.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_FILE } from "../../server/build";
import { baseUrl, DEMO_PASSWORD, e2eDb, enrollTotp, hasBrowser, launch, signIn } from "./browser";

type Route = { id: string; pattern: string; hasAction: boolean; hasLoader: boolean; intents: string[] };

/** The built app's routes with their full URL patterns, and the intents their source names. */
async function routes(): Promise<Route[]> {
  const build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
  const full = (id: string): string => {
    const route = build.routes[id]!;
    const parent = route.parentId ? full(route.parentId) : "";
    return route.path ? `${parent.replace(/\/$/, "")}/${route.path}` : parent;
  };
  return Object.values(build.routes)
    .filter((r) => r.id !== "root")
    .map((r) => {
      const file = ["tsx", "ts"].map((ext) => path.join("app", `${r.id}.${ext}`)).find((f) => fs.existsSync(f));
      const source = file ? fs.readFileSync(file, "utf8") : "";
      const intents = new Set<string>();
      for (const line of source.split("\n").filter((l) => l.includes("intent"))) {
        for (const m of line.matchAll(/"([a-zA-Z]{3,40})"/g)) intents.add(m[1]!);
      }
      return { id: r.id, pattern: full(r.id) || "/", hasAction: Boolean(r.module.action), hasLoader: Boolean(r.module.loader), intents: [...intents] };
    });
}

async function demoParams(): Promise<Record<string, string>> {
  const prisma = await e2eDb();
  const br = await prisma.delegation.findUniqueOrThrow({ where: { code: "BR" } });
  const proposal = await prisma.proposal.findFirstOrThrow({ where: { leadDelegationId: br.id }, orderBy: { createdAt: "asc" } });
  const section = await prisma.proposalSection.findFirst({ where: { text: { version: { proposalId: proposal.id } } } });
  const strategy = await prisma.strategy.findFirstOrThrow({ where: { delegationId: br.id } });
  const dataset = await prisma.dataset.findFirstOrThrow({ where: { stewardDelegationId: br.id } });
  const file = await prisma.datasetFile.findFirst({});
  const model = await prisma.aiModel.findFirstOrThrow({});
  const run = await prisma.evaluationRun.findFirstOrThrow({});
  const benchmark = await prisma.benchmark.findFirstOrThrow({});
  const user = await prisma.user.findFirstOrThrow({ where: { email: "delegate.in@demo.concord.example" } });
  const attachment = await prisma.strategyAttachment.findFirst({});
  const assessment = await prisma.dsiAssessment.findFirst({ where: { delegationId: br.id } });
  return {
    proposals: proposal.slug,
    key: section?.key ?? "x",
    strategies: strategy.slug,
    datasets: dataset.slug,
    fileId: file?.id ?? "00000000-0000-0000-0000-000000000000",
    models: model.slug,
    runs: run.id,
    benchmarks: benchmark.id,
    users: user.id,
    attachments: attachment?.id ?? "00000000-0000-0000-0000-000000000000",
    code: "BR",
    year: String(assessment?.year ?? 2025),
  };
}

/** A concrete path for a route pattern, with demo objects where the route names them. */
function fill(pattern: string, values: Record<string, string>): string {
  const parts = pattern.split("/");
  return parts
    .map((part, i) => {
      if (part === "*") return "x";
      const optional = part.match(/^\((.*)\)$/);
      const segment = optional ? optional[1]! : part;
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1);
      if (name === "lang" || name === "lng") return "en";
      if (name === "ns") return "common";
      return values[name] ?? values[parts[i - 1] ?? ""] ?? "x";
    })
    .join("/");
}

async function signInCookie(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/en/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session="));
  expect(cookie, `sign-in of ${email}`).toBeTruthy();
  return cookie!.split(";")[0]!;
}

type Body = { name: string; contentType?: string; body: BodyInit; origin?: string; secFetchSite?: string; timed?: boolean };

const LIST_NAMES = ["sections", "evidence", "reservations", "indicators", "topics", "languages", "dimensions", "sectors", "models", "ids", "files"];

function formBodies(intent: string | null): Body[] {
  const withIntent = (s: string) => (intent ? `intent=${intent}&${s}` : s);
  const huge = LIST_NAMES.map((n) => `${n}[99999].heading=h&${n}[99999].body=b&${n}[99999].x=1`).join("&");
  const nearCap = LIST_NAMES.map((n) => `${n}[999].heading=h&${n}[999].sectionKey=x`).join("&");
  const manyItems = Array.from({ length: 900 }, (_, i) => `sections[${i}].heading=h`).join("&");
  const repeated = Array.from({ length: 1500 }, () => "topics=data-ownership").join("&");
  return [
    { name: "huge index", body: withIntent(`title=t&${huge}`), timed: true },
    { name: "index near the hard cap", body: withIntent(`title=t&${nearCap}`), timed: true },
    { name: "many items", body: withIntent(`title=t&${manyItems}`), timed: true },
    { name: "repeated field", body: withIntent(`title=t&${repeated}`), timed: true },
    { name: "NUL byte", body: withIntent("title=a%00b&q=%00&heading=%00&email=a%00@b.c&password=%00") },
    { name: "broken encoding", body: withIntent("%%%&&==&title=%E0%A4&a[=1&[0]=2&a..b=3&redirectTo=/%0d%0aX-Evil:%201") },
    { name: "tab redirect", body: withIntent("redirectTo=/%09/evil.example&email=x&password=y") },
    { name: "empty", body: "" },
  ];
}

const MULTIPART_BODIES: Body[] = [
  {
    name: "multipart without closing boundary",
    contentType: "multipart/form-data; boundary=XX",
    body: '--XX\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave\r\n--XX\r\nContent-Disposition: form-data; name="title"\r\n\r\nabc\r\n',
  },
  {
    name: "multipart file name with =",
    contentType: "multipart/form-data; boundary=XX",
    body: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a=b.csv"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\n\r\n--XX--\r\n',
  },
  { name: "multipart without boundary", contentType: "multipart/form-data", body: "x" },
  { name: "JSON", contentType: "application/json", body: '{"intent":"save","sections":[]}' },
  { name: "XML", contentType: "application/xml", body: "<a/>" },
];

async function send(url: string, b: Body, cookie?: string): Promise<{ status: number; ms: number; size: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": b.contentType ?? "application/x-www-form-urlencoded",
      Origin: b.origin ?? baseUrl(),
      ...(b.secFetchSite ? { "Sec-Fetch-Site": b.secFetchSite } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: b.body,
  });
  const size = (await res.arrayBuffer()).byteLength;
  return { status: res.status, ms: performance.now() - started, size };
}

describe.skipIf(!hasBrowser)("hostile requests", () => {
  let all: Route[];
  let values: Record<string, string>;
  let cookie: string;

  beforeAll(async () => {
    all = await routes();
    values = await demoParams();
    cookie = await signInCookie("delegate.br@demo.concord.example");
  });

  it("no action answers a malformed or runaway body with a 5xx; lists are refused within a second", async () => {
    const failures: string[] = [];
    const slow: string[] = [];
    const actions = all.filter((r) => r.hasAction);
    expect(actions.length).toBeGreaterThan(20);
    for (const route of actions) {
      const url = `${baseUrl()}${fill(route.pattern, values)}`;
      const anonymous = [...MULTIPART_BODIES, ...formBodies(null)];
      const bodies = [...anonymous, ...route.intents.flatMap((intent) => formBodies(intent))];
      for (const b of bodies) {
        // Anonymous requests stop at the sign-in check: the bodies without an intent are enough for them.
        for (const who of anonymous.includes(b) ? [cookie, undefined] : [cookie]) {
          const { status, ms, size } = await send(url, b, who);
          if (status >= 500) failures.push(`${status} ${route.id} ${b.name}${who ? " (signed in)" : ""}`);
          if (b.timed && (ms > 1000 || size > 200_000)) slow.push(`${route.id} ${b.name}: ${Math.round(ms)} ms, ${size} bytes`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(slow).toEqual([]);
    const health = await fetch(`${baseUrl()}/healthz`, { signal: AbortSignal.timeout(1000) });
    expect(health.status).toBe(200);
  }, 600_000);

  it("refuses a runaway list with a 4xx and a small page, and keeps answering /healthz", async () => {
    const url = `${baseUrl()}/en/proposals/new`;
    for (const body of [
      "title=t&sections[99999].heading=h&sections[99999].body=b",
      `title=t&${Array.from({ length: 3000 }, (_, i) => `sections[${i % 999}].heading=h`).join("&")}`,
    ]) {
      const { status, ms, size } = await send(url, { name: "runaway", body }, cookie);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(ms).toBeLessThan(1000);
      expect(size).toBeLessThan(200_000);
      expect((await fetch(`${baseUrl()}/healthz`, { signal: AbortSignal.timeout(1000) })).status).toBe(200);
    }
  });

  it("no loader answers hostile query strings with a 5xx", async () => {
    const failures: string[] = [];
    const queries = [
      "q=%00",
      "q=a%00b",
      "page=%00",
      "q=%E0%A4",
      "q=%ZZ",
      "page=99999999999999999999",
      "page=-1&sort=zzz&year=abcd&dimension=%3Cscript%3E&status=x&kind=x&lang=xx",
      `q=${"a".repeat(5000)}`,
      "q=%27%20OR%201%3D1--",
      "redirectTo=%0d%0aX:1",
      "from=x&to=-1&compare=%00&ids=a&ids=b&models=x",
    ];
    for (const route of all.filter((r) => r.hasLoader)) {
      const url = `${baseUrl()}${fill(route.pattern, values)}`;
      for (const q of queries) {
        for (const who of [cookie, undefined]) {
          const res = await fetch(`${url}?${q}`, { redirect: "manual", headers: who ? { Cookie: who } : {} });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${res.status} ${route.id} ?${q.slice(0, 40)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("refuses Origin: null even with Sec-Fetch-Site: same-origin", async () => {
    const { status } = await send(`${baseUrl()}/en/proposals/new`, { name: "null origin", body: "title=x", origin: "null", secFetchSite: "same-origin" }, cookie);
    expect(status).toBe(403);
  });

  it("answers a JSON body to a form with 415 and a translated page", async () => {
    const res = await fetch(`${baseUrl()}/fr/proposals/new`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl(), Cookie: cookie },
      body: "{}",
    });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("Cette page n’accepte pas cet envoi");
  });

  it("never redirects off the site after sign-in, whatever redirectTo says", async () => {
    for (const target of ["/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil.example", "/en\r\nX-Evil: 1", "https://evil.example"]) {
      const res = await fetch(`${baseUrl()}/en/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
        body: new URLSearchParams({ email: "delegate.in@demo.concord.example", password: DEMO_PASSWORD, redirectTo: target }),
      });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get("Location")!, baseUrl());
      expect(location.origin).toBe(baseUrl());
      expect(location.pathname).toMatch(/^\/[a-z]{2}$/);
      expect(res.headers.get("X-Evil")).toBeNull();
    }
  });

  it("sends the 415 page for a file whose content is not its type, after reading the upload", async () => {
    const expert = await signInCookie("expert.br@demo.concord.example");
    const form = new FormData();
    form.append("file", new Blob([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(3 * 1024 * 1024, 7)])], { type: "text/csv" }), "data.csv");
    const res = await fetch(`${baseUrl()}/en/datasets/${values.datasets}/files`, { method: "POST", headers: { Origin: baseUrl(), Cookie: expert }, body: form });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("<html");
  });

  it("keeps the session cookie to the browser session and signed-in pages out of caches", async () => {
    const res = await fetch(`${baseUrl()}/en/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
      body: new URLSearchParams({ email: "delegate.id@demo.concord.example", password: DEMO_PASSWORD }),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.includes("session="))!;
    expect(setCookie).not.toMatch(/max-age|expires/i);
    expect(setCookie).toMatch(/HttpOnly/);
    const page = await fetch(`${baseUrl()}/en/proposals`, { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    const data = await fetch(`${baseUrl()}/en/proposals?_data=routes%2F%24lang.proposals._index`, { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(data.headers.get("Cache-Control")).toBe("private, no-store");
  });
});

describe.skipIf(!hasBrowser)("the server in its default configuration", () => {
  async function inProcess(env: Record<string, string>) {
    await e2eDb();
    const { parseEnv } = await import("~/utils/env.server");
    const { createHttpApp } = await import("../../server/http");
    const build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
    const id = "routes/$lang.models._index";
    const broken: ServerBuild = {
      ...build,
      routes: {
        ...build.routes,
        [id]: {
          ...build.routes[id]!,
          module: {
            ...build.routes[id]!.module,
            loader: () => {
              throw new Error("secret failure at /srv/concord/app/x.ts:42");
            },
          },
        },
      },
    };
    const app = createHttpApp({ build: broken, env: parseEnv({ DATABASE_URL: process.env.DATABASE_URL, ...env }) });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const address = server.address() as { port: number };
    return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((r) => server.close(r)) };
  }

  it("shows no stack trace, whatever NODE_ENV says, unless DEBUG_ERRORS is set", async () => {
    const plain = await inProcess({ NODE_ENV: "development" });
    try {
      const page = await fetch(`${plain.url}/en/models`);
      expect(page.status).toBe(500);
      const html = await page.text();
      expect(html).not.toContain("secret failure");
      expect(html).not.toMatch(/\/srv\/|at [A-Za-z]+ \(/);
      expect(html).toContain("Something went wrong");
      const data = await fetch(`${plain.url}/en/models?_data=routes%2F%24lang.models._index`);
      expect(await data.text()).not.toContain("secret failure");
    } finally {
      await plain.close();
    }
    const debug = await inProcess({ NODE_ENV: "development", DEBUG_ERRORS: "true" });
    try {
      const data = await fetch(`${debug.url}/en/models?_data=routes%2F%24lang.models._index`);
      expect(await data.text()).toContain("secret failure");
    } finally {
      await debug.close();
    }
  });

  it("answers /metrics only on this machine when no token is set", async () => {
    const open = await inProcess({});
    try {
      expect((await fetch(`${open.url}/metrics`)).status).toBe(200);
      expect((await fetch(`${open.url}/metrics`, { headers: { "X-Forwarded-For": "203.0.113.9" } })).status).toBe(403);
    } finally {
      await open.close();
    }
    const tokened = await inProcess({ METRICS_TOKEN: "a-long-metrics-token-123" });
    try {
      expect((await fetch(`${tokened.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${tokened.url}/metrics`, { headers: { Authorization: "Bearer a-long-metrics-token-123" } })).status).toBe(200);
    } finally {
      await tokened.close();
    }
  });
});

describe.skipIf(!hasBrowser)("two-step enrolment without JavaScript", () => {
  it("ends on the recovery codes, in Persian", async () => {
    await e2eDb();
    const { createUser, TEST_PASSWORD } = await import("../factories");
    const user = await createUser({ role: "SECRETARIAT", email: "nojs.secretariat@concord.example", locale: "fa" });
    const browser = await launch();
    try {
      const context = await browser.newContext({ baseURL: baseUrl(), locale: "fa-IR", javaScriptEnabled: false });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await signIn(page, user.email, TEST_PASSWORD, "fa");
      await page.waitForURL(/\/fa\/account\/two-factor/);
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await enrollTotp(page, TEST_PASSWORD);
      expect(await page.locator(".recovery-codes li").count()).toBe(10);
      expect(await page.locator("h1").first().textContent()).not.toContain("مشکلی پیش آمد");
      // Reloading the page now shows two-step as on, not a new enrolment.
      await page.goto("/fa/account/two-factor");
      expect(await page.getByTestId("totp-secret").count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
