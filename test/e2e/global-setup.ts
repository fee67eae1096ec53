// Browser journeys: one throw-away PostgreSQL, the production build served by
// `scripts/start.ts` exactly as `npm start` runs it (demo content seeded), and
// Debian's Chromium. Without Chromium the journeys are skipped loudly — except
// in CI, where that is a failure.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../app/utils/embedded-postgres.server";
import { SMTPServer } from "smtp-server";
import { buildIfNeeded } from "../../server/build";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The database the server under test uses, as the application's role (for factories and assertions). */
    e2eDatabaseUrl: string;
    chromiumPath: string | null;
    /** Where the test's SMTP server writes each mail the server under test sends (one .eml file each). */
    mailDir: string;
    /** The same database as its owner, and the SMTP server: for starting a second app server beside the first. */
    e2eOwnerDatabaseUrl: string;
    smtpUrl: string;
  }
}

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => Boolean(p) && fs.existsSync(p!)) ?? null;
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not become healthy in time");
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const message = "Chromium not found (install Debian's `chromium` package or set CHROMIUM_PATH)";
    if (process.env.CI) throw new Error(`${message}: the browser journeys are required in CI.`);
    console.warn(`\n${"!".repeat(78)}\n!! ${message}.\n!! SKIPPING THE BROWSER JOURNEYS. They run in CI (.ci/run installs Chromium).\n${"!".repeat(78)}\n`);
    project.provide("chromiumPath", null);
    project.provide("baseUrl", "");
    project.provide("e2eDatabaseUrl", "");
    project.provide("mailDir", "");
    project.provide("e2eOwnerDatabaseUrl", "");
    project.provide("smtpUrl", "");
    return;
  }
  buildIfNeeded((m) => console.log(m));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-e2e-"));
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: false });
  // The server runs as in production: migrations as the owner, the application under its own role.
  const databaseUrl = cluster.appUrl("concord");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // A real SMTP server on loopback receives what Concord mails; each message lands in mailDir.
  const mailDir = path.join(dataDir, "mail");
  fs.mkdirSync(mailDir);
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        fs.writeFileSync(path.join(mailDir, `${String(++received).padStart(6, "0")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  const smtpPort = await new Promise<number>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve((smtp.server.address() as { port: number }).port)));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      MIGRATION_DATABASE_URL: cluster.url("concord"),
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "true",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PUBLIC_ORIGIN: baseUrl,
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitForHealth(baseUrl, server, 90_000);
  } catch (error) {
    server.kill("SIGKILL");
    await cluster.stop();
    throw error;
  }
  project.provide("chromiumPath", chromiumPath);
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", databaseUrl);
  project.provide("mailDir", mailDir);
  project.provide("e2eOwnerDatabaseUrl", cluster.url("concord"));
  project.provide("smtpUrl", `smtp://127.0.0.1:${smtpPort}`);

  return async () => {
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
      setTimeout(() => server.kill("SIGKILL"), 5000).unref();
    });
    await cluster.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
