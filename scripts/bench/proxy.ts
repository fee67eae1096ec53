// `npm run bench -- --proxy`: the public pages again, through nginx with the
// configuration in deploy/nginx (ADR 018) in front of several app servers on the
// same database, next to the numbers of the app alone. Skipped, saying so, when
// nginx is not installed. nginx runs unprivileged-style from a temporary prefix,
// on 127.0.0.1 and a free port; everything it and the app servers started is
// stopped at the end, also on failure. Bounded like every load: by time and count.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { load, percentile, type LoadOptions } from "./load";
import { freePort } from "~/utils/embedded-postgres.server";

const NGINX_CANDIDATES = [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/bin/nginx"];
const DEPLOY_DIR = path.resolve("deploy/nginx/concord");
const READY_TIMEOUT_MS = 60_000;

export type ProxyPage = { page: string; path: string };
export type AppAlone = { page: string; rps: number; p50: number; p95: number };
export type ProxyResult = {
  page: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** X-Cache-Status of a request made just before the load (HIT when the page is kept). */
  cacheStatus: string;
};

export function findNginx(): string | null {
  return NGINX_CANDIDATES.find((p): p is string => Boolean(p) && fs.existsSync(p!)) ?? null;
}

/** The bench's nginx.conf: the deployed http and site settings, with this run's app servers, cache and port. */
export function nginxConfig({ prefix, port, appPorts }: { prefix: string; port: number; appPorts: number[] }): string {
  return `# Written by scripts/bench/proxy.ts for one benchmark run.
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    upstream concord_app {
${appPorts.map((p) => `        server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join("\n")}
        keepalive 32;
    }
    proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=concord:20m max_size=512m inactive=1h use_temp_path=off;
    include ${DEPLOY_DIR}/http.conf;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        include ${DEPLOY_DIR}/site.conf;
    }
}
`;
}

async function waitFor(url: string, child: ChildProcess, name: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    if ((await fetch(url).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer ${url} in time`);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}

/**
 * Starts `appServers` app servers on the database and nginx in front of them, loads each
 * page through nginx, prints the figures beside the app alone's, and stops everything.
 * Returns null (after saying why) when nginx is not installed.
 */
export async function benchThroughProxy({
  databaseUrl,
  ownerUrl,
  pages,
  appAlone,
  appServers = 2,
  ...options
}: LoadOptions & { databaseUrl: string; ownerUrl: string; pages: ProxyPage[]; appAlone: AppAlone[]; appServers?: number }): Promise<ProxyResult[] | null> {
  const nginx = findNginx();
  if (!nginx) {
    console.log("\nnginx is not installed (apt-get install nginx-light): skipping the pages through the cache.");
    return null;
  }
  if (pages.length === 0) return [];
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "concord-nginx-"));
  // nginx started as root runs its workers as `nobody`: they must reach the prefix (it creates its own subdirectories).
  fs.chmodSync(prefix, 0o755);
  const children: ChildProcess[] = [];
  try {
    const appPorts: number[] = [];
    for (let i = 0; i < appServers; i++) {
      const port = await freePort();
      appPorts.push(port);
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: databaseUrl,
          MIGRATION_DATABASE_URL: ownerUrl,
          PORT: String(port),
          HOST: "127.0.0.1",
          SEED_DEMO: "false",
          LOG_LEVEL: "warn",
          TRUST_PROXY: "1",
          WEB_CONCURRENCY: "1",
        },
        stdio: ["ignore", "inherit", "inherit"],
      });
      children.push(child);
    }
    await Promise.all(appPorts.map((p, i) => waitFor(`http://127.0.0.1:${p}/healthz`, children[i]!, `app server ${i + 1}`)));

    const port = await freePort();
    fs.writeFileSync(path.join(prefix, "nginx.conf"), nginxConfig({ prefix, port, appPorts }));
    const proxy = spawn(nginx, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"] });
    children.push(proxy);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`, proxy, "nginx");
    console.log(`\nnginx ${base} in front of ${appServers} app servers (ports ${appPorts.join(", ")}); deploy/nginx/concord/*.conf as deployed.`);

    const results: ProxyResult[] = [];
    for (const p of pages) {
      // Fill the cache, then see that the next request is served from it.
      await (await fetch(base + p.path)).arrayBuffer();
      const probe = await fetch(base + p.path);
      await probe.arrayBuffer();
      const { result, latencies } = await load(base + p.path, options);
      results.push({
        page: p.page,
        path: p.path,
        rps: Math.round(result.requests.average),
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: result.errors + result.timeouts + result.non2xx,
        requests: result.requests.total,
        cacheStatus: probe.headers.get("x-cache-status") ?? "none",
      });
      console.log(`  ${p.page} through nginx: done (${probe.headers.get("x-cache-status") ?? "no cache status"})`);
    }
    printComparison(results, appAlone, appServers);
    return results;
  } finally {
    for (const child of children.reverse()) await stop(child, child.spawnfile === nginx ? "SIGQUIT" : "SIGTERM");
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

function printComparison(results: ProxyResult[], appAlone: AppAlone[], appServers: number) {
  const rows = results.map((r) => {
    const alone = appAlone.find((a) => a.page === r.page);
    return [
      r.page,
      alone ? String(alone.rps) : "—",
      alone ? `${alone.p50.toFixed(0)} ms` : "—",
      alone ? `${alone.p95.toFixed(0)} ms` : "—",
      String(r.rps),
      `${r.p50.toFixed(0)} ms`,
      `${r.p95.toFixed(0)} ms`,
      String(r.errors),
      r.cacheStatus,
    ];
  });
  const head = ["public page", "app req/s", "app p50", "app p95", "nginx req/s", "nginx p50", "nginx p95", "errors", "cache"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\nPublic pages through the nginx cache (${appServers} app servers behind it), beside the app alone:\n`);
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
