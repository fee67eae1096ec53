// `npm run bench -- --lighthouse`: Lighthouse's mobile audit (its default: a
// mid-range phone's screen, simulated slow 4G and a 4× slower CPU) of the pages
// a first visit matters most on, against the production server the benchmark
// started, in Debian's Chromium. Prints per page the performance score, total
// blocking time, largest contentful paint, cumulative layout shift and first
// contentful paint (the median of several runs), and what Lighthouse says would
// save the most. Full reports go to bench-results/lighthouse/. A benchmark:
// nothing fails on numbers.
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";

export type LighthousePage = { page: string; path: string; cookie?: string };

export type LighthouseResult = {
  page: string;
  path: string;
  /** 0–100. */
  performance: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  fcpMs: number;
  /** Lighthouse's measure of the machine's CPU during the run (higher is faster; a busy machine scores low). */
  benchmarkIndex: number;
  /** The report of the median run, for reading why. */
  report: string;
};

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
// The flags the browser journeys use (test/e2e/browser.ts): no sandbox (we run as root in CI), nothing phoning home.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Opportunities and diagnostics worth printing beside a score below the target. */
const WHY_AUDITS = [
  "render-blocking-resources",
  "unused-javascript",
  "unused-css-rules",
  "bootup-time",
  "mainthread-work-breakdown",
  "font-display",
  "largest-contentful-paint-element",
  "total-byte-weight",
  "server-response-time",
  "uses-text-compression",
];
const TARGET_SCORE = 95;

const median = <T>(xs: T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;

export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p): p is string => Boolean(p) && fs.existsSync(p!)) ?? null;
}

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/**
 * Audits each page `runs` times (`--lighthouse-runs=N`, default 3) in one Chromium and returns the
 * median run of each. `--lighthouse-block=pattern,…` makes the browser refuse matching URLs
 * (Lighthouse's blockedUrlPatterns, e.g. `*fonts-*.css`), to measure what a file costs.
 */
export async function runLighthouse({
  base,
  pages,
  runs = Number(option("lighthouse-runs") ?? 3),
  blockedUrlPatterns = option("lighthouse-block")?.split(",").filter(Boolean) ?? [],
  outDir = path.join("bench-results", "lighthouse"),
}: {
  base: string;
  pages: LighthousePage[];
  runs?: number;
  blockedUrlPatterns?: string[];
  outDir?: string;
}) {
  const chromePath = findChromium();
  if (!chromePath) {
    console.warn("Lighthouse: no Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH); skipped.");
    return [];
  }
  fs.mkdirSync(outDir, { recursive: true });
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  const results: LighthouseResult[] = [];
  try {
    for (const p of pages) {
      const runsOfPage: LighthouseResult[] = [];
      // A run that fails to load the page (now and then Chromium shows its own error page on this
      // busy machine) is retried, up to as many extra runs as asked for.
      for (let i = 0, failed = 0; i < runs + failed && failed <= runs; i++) {
        const outcome = await lighthouse(base + p.path, {
          port: chrome.port,
          output: "html",
          logLevel: "error",
          onlyCategories: ["performance"],
          blockedUrlPatterns,
          // Signed-in pages: the session cookie on every request of the page, as a browser would send it.
          extraHeaders: p.cookie ? { Cookie: p.cookie } : undefined,
        });
        if (!outcome) throw new Error(`Lighthouse returned nothing for ${p.path}`);
        const lhr = outcome.lhr;
        const report = path.join(outDir, `${slug(p.page)}-${i + 1}.html`);
        fs.writeFileSync(report, String(outcome.report));
        fs.writeFileSync(report.replace(/\.html$/, ".json"), JSON.stringify(lhr));
        // `--lighthouse-traces`: the browser's trace of the load too, for DevTools' Performance panel.
        if (process.argv.includes("--lighthouse-traces")) fs.writeFileSync(report.replace(/\.html$/, ".trace.json"), JSON.stringify(outcome.artifacts.Trace));
        if (lhr.runtimeError) {
          // Whether the server itself answers the page just now, for telling a browser hiccup from a server fault.
          const direct = await fetch(base + p.path, { headers: p.cookie ? { cookie: p.cookie } : {}, redirect: "manual" }).then(
            (r) => `server answers ${r.status}`,
            (e: unknown) => `server does not answer: ${String(e)}`,
          );
          console.warn(`  lighthouse ${p.page}: could not audit ${p.path}: ${lhr.runtimeError.message} (${direct}; report: ${report})`);
          failed++;
          continue;
        }
        runsOfPage.push({
          page: p.page,
          path: p.path,
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          tbtMs: numeric(lhr, "total-blocking-time"),
          lcpMs: numeric(lhr, "largest-contentful-paint"),
          cls: numeric(lhr, "cumulative-layout-shift"),
          fcpMs: numeric(lhr, "first-contentful-paint"),
          benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
          report,
        });
      }
      if (!runsOfPage.length) continue;
      const chosen = median(runsOfPage, (r) => r.performance);
      results.push(chosen);
      console.log(`  lighthouse ${p.page}: ${chosen.performance} (runs: ${runsOfPage.map((r) => r.performance).join(", ")})`);
      if (chosen.performance < TARGET_SCORE) printWhy(JSON.parse(fs.readFileSync(chosen.report.replace(/\.html$/, ".json"), "utf8")) as Result);
    }
  } finally {
    chrome.kill();
  }
  if (blockedUrlPatterns.length) console.log(`\n(Lighthouse refused: ${blockedUrlPatterns.join(", ")})`);
  printLighthouseTable(results, runs);
  return results;
}

function numeric(lhr: Result, id: string): number {
  return lhr.audits[id]?.numericValue ?? Number.NaN;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** What Lighthouse blames for a low score, in a few lines. */
function printWhy(lhr: Result) {
  for (const id of WHY_AUDITS) {
    const audit = lhr.audits[id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
    const top = items
      .slice(0, 4)
      .map((item) => {
        const url = typeof item.url === "string" ? item.url.replace(/^https?:\/\/[^/]+/, "") : typeof item.groupLabel === "string" ? item.groupLabel : "";
        const ms = typeof item.wastedMs === "number" ? item.wastedMs : typeof item.total === "number" ? item.total : typeof item.duration === "number" ? item.duration : null;
        const bytes = typeof item.wastedBytes === "number" ? item.wastedBytes : typeof item.totalBytes === "number" ? item.totalBytes : null;
        return [url, ms !== null ? `${Math.round(ms)} ms` : "", bytes !== null ? `${(bytes / 1024).toFixed(1)} KB` : ""].filter(Boolean).join(" ");
      })
      .filter(Boolean);
    console.log(`    ${audit.title}: ${audit.displayValue ?? ""}${top.length ? `\n      ${top.join("\n      ")}` : ""}`);
  }
}

export function printLighthouseTable(results: LighthouseResult[], runs: number) {
  if (!results.length) return;
  const rows = results.map((r) => [
    r.page,
    String(r.performance),
    `${Math.round(r.tbtMs)} ms`,
    `${(r.lcpMs / 1000).toFixed(2)} s`,
    r.cls.toFixed(3),
    `${(r.fcpMs / 1000).toFixed(2)} s`,
    String(r.benchmarkIndex),
  ]);
  const head = ["page", "performance", "TBT", "LCP", "CLS", "FCP", "CPU index"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\nLighthouse, mobile (simulated slow 4G, 4× CPU slowdown), median of ${runs} run${runs === 1 ? "" : "s"}; target ≥ ${TARGET_SCORE}, TBT < 200 ms:\n`);
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
