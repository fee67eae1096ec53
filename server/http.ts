// The HTTP server around the Remix app: security headers, the cross-site check,
// static files, health and metrics, request logs. Stateless: several can run.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import compression from "compression";
import helmet from "helmet";
import client from "prom-client";
import type { ServerBuild } from "@remix-run/node";
import { getPool } from "~/utils/db.server";
import type { Env } from "~/utils/env.server";
import { logger, securityEvent } from "~/utils/logger.server";
import { isSameOriginRequest } from "~/utils/origin-check.server";
import { UNSUBSCRIBE_PATH } from "~/modules/mail/constants";
import { currentTiming, withRequestTiming } from "~/utils/server-timing.server";
import { contentSecurityPolicy, nonceSource } from "~/utils/csp.server";
import { hasSessionCookie, PRIVATE_NO_STORE } from "~/utils/http-cache.server";
import { guardBuild } from "./guard";
import { createRemixHandler } from "./remix-handler";

client.collectDefaultMetrics();
const httpDuration = new client.Histogram({
  name: "concord_http_request_duration_seconds",
  help: "Time to answer HTTP requests",
  labelNames: ["method", "area", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** A coarse, bounded label for metrics: the section of the site, never ids or tokens. */
function areaOf(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  const section = /^[a-z]{2}$/.test(parts[0] ?? "") ? parts[1] : parts[0];
  return section && /^[a-z-]{2,20}$/.test(section) ? section : "home";
}

export function createHttpApp({ build, env }: { build: ServerBuild; env: Env }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  // HTTPS-only headers when the site is served over HTTPS (behind a proxy, PUBLIC_ORIGIN says so).
  const https = env.PUBLIC_ORIGIN?.startsWith("https://") ?? false;

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    // The header must be set before the body starts: report when Remix writes its head.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    (res as unknown as { writeHead: (...args: unknown[]) => Response }).writeHead = (...args: unknown[]) => {
      const timing = currentTiming();
      if (timing && !res.headersSent) {
        const total = Number(process.hrtime.bigint() - started) / 1e6;
        res.setHeader("Server-Timing", `db;dur=${timing.dbMs.toFixed(1)};desc="${timing.queries} queries", total;dur=${total.toFixed(1)}`);
      }
      return writeHead(...args);
    };
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      httpDuration.observe({ method: req.method, area: areaOf(req.path), status: String(res.statusCode) }, ms / 1000);
      // The path only: query strings can carry tokens (invitation links).
      logger.info({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, "request");
    });
    withRequestTiming(next);
  });

  // A URL carrying a NUL byte (raw or percent-encoded) or broken percent-encoding
  // reaches no route: PostgreSQL refuses NUL in text, and decoding would throw.
  app.use((req, res, next) => {
    if (!isWellFormedUrl(req.originalUrl)) {
      securityEvent("request.refused", { requestId: res.locals.requestId, status: 400, reason: "malformed url" });
      res.status(400).type("text/plain").send("Bad request.");
      return;
    }
    next();
  });

  app.use(
    helmet({
      // Written below (app/utils/csp.server.ts): a page that a shared cache may keep replaces it
      // with one that allows its inline scripts by hash instead of a nonce (ADR 018).
      contentSecurityPolicy: false,
      strictTransportSecurity: https ? { maxAge: 63072000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", contentSecurityPolicy({ scriptSources: [nonceSource(res.locals.cspNonce as string)], https }));
    next();
  });

  app.use((req, res, next) => {
    // One-click unsubscribe (RFC 8058) is POSTed by mail clients, without Origin: its signed link is the proof.
    if (req.path === UNSUBSCRIBE_PATH) return next();
    // The API never acts on cookies, only on a token in the Authorization header, which a
    // browser does not send on its own (ADR 017): there is no cross-site request to forge.
    if (req.path.startsWith("/api/")) return next();
    const siteOrigin = env.PUBLIC_ORIGIN ?? `${req.protocol}://${req.get("host")}`;
    const ok = isSameOriginRequest({
      method: req.method,
      siteOrigin,
      originHeader: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (ok) return next();
    securityEvent("csrf.refused", { requestId: res.locals.requestId, path: req.path, origin: req.get("origin") ?? null });
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });

  app.use(compression());

  app.get("/healthz", async (_req, res) => {
    try {
      await getPool().query("SELECT 1");
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable" });
    }
  });

  app.get("/metrics", async (req, res) => {
    // With a token, anyone who has it; without one, only this machine (never a request relayed by a proxy).
    const allowed = env.METRICS_TOKEN
      ? req.get("authorization") === `Bearer ${env.METRICS_TOKEN}`
      : isLoopback(req.socket.remoteAddress) && !req.get("x-forwarded-for") && !req.get("forwarded");
    if (!allowed) {
      res.status(env.METRICS_TOKEN ? 401 : 403).end();
      return;
    }
    res.set("Content-Type", client.register.contentType).send(await client.register.metrics());
  });

  const publicDir = path.resolve("public");
  // Fingerprinted build assets never change; everything else is revalidated hourly.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  // Other static files are top-level names with an extension (favicon.svg, robots.txt): pages never
  // reach the file system, which a profile showed as a failed stat on every request.
  const staticFiles = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (/^\/[^/]+\.[a-z0-9]+$/i.test(req.path) ? staticFiles(req, res, next) : next()));

  // Whatever a route answers, a request with a session cookie is never kept by a browser
  // or a shared cache (ADR 018): decided when the head is written, so nothing overrides it.
  app.use((req, res, next) => {
    if (hasSessionCookie(req.get("cookie"))) {
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
      (res as unknown as { writeHead: (...args: unknown[]) => Response }).writeHead = (...args: unknown[]) => {
        if (!res.headersSent) res.setHeader("Cache-Control", PRIVATE_NO_STORE);
        return writeHead(...args);
      };
    }
    next();
  });

  app.all(
    "*",
    createRemixHandler({
      build: guardBuild(build),
      // Stack traces reach a page only when someone switches them on to debug (DEBUG_ERRORS=true).
      mode: env.DEBUG_ERRORS ? "development" : "production",
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? "unknown",
      }),
    }),
  );

  // Last resort: an error outside Remix answers with a plain page and the request id, never a stack trace.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, requestId: res.locals.requestId }, "unhandled server error");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(500)
      .type("text/plain")
      .send(`Something went wrong. Reference: ${res.locals.requestId as string}`);
  });

  return app;
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

/** No NUL byte, raw or encoded, and percent-encoding that decodes. */
export function isWellFormedUrl(url: string): boolean {
  if (url.includes("\u0000") || /%00/i.test(url)) return false;
  try {
    decodeURIComponent(url.replaceAll("+", " "));
    return true;
  } catch {
    return false;
  }
}
