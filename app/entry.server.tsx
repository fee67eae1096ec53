import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { contentSecurityPolicy, sealInlineScripts } from "~/utils/csp.server";
import { scriptsOf, type FontScript } from "~/utils/font-sheets";
import { getEnv } from "~/utils/env.server";
import { etagOf, notModified, PRIVATE_NO_STORE, PUBLIC_VARY, publicCacheControl, publicPageCache, type PublicCache } from "~/utils/http-cache.server";
import { DEFAULT_LANGUAGE, LANGUAGES, languageFromAcceptLanguage, languageFromPath } from "~/utils/i18n";
import { createI18nInstance } from "~/utils/i18n.server";
import { logger } from "~/utils/logger.server";
import { RequestInfoProvider } from "~/utils/request-info";
import arabicFontsUrl from "~/styles/fonts-arabic.css";
import devanagariFontsUrl from "~/styles/fonts-devanagari.css";
import hanFontsUrl from "~/styles/fonts-han.css";

const FONT_SHEETS: Record<FontScript, string> = { arabic: arabicFontsUrl, devanagari: devanagariFontsUrl, han: hanFontsUrl };
const LANGUAGE_NAMES = LANGUAGES.map((l) => l.name);

/**
 * The page with a link to the font stylesheet of each script its text is written in
 * (beyond the language names, which every page's own sheet covers), at the end of the
 * body like that one (ADR 020): a page in English parses no Chinese font rules.
 */
function withFontSheets(html: string): string {
  const scripts = scriptsOf(html, LANGUAGE_NAMES);
  const end = html.lastIndexOf("</body>");
  if (!scripts.length || end < 0) return html;
  const links = scripts.map((script) => `<link rel="stylesheet" href="${FONT_SHEETS[script]}" fetchpriority="low"/>`).join("");
  return html.slice(0, end) + links + html.slice(end);
}

const ABORT_DELAY = 5_000;

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const url = new URL(request.url);
  const lang = languageFromPath(url.pathname) ?? languageFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LANGUAGE;
  const i18n = await createI18nInstance(lang);
  // Public or private is decided before rendering (ADR 018): a page a shared cache keeps is the
  // same for everyone, so it carries no request id, and its nonce is replaced by its scripts' hashes.
  const matches = remixContext.staticHandlerContext.matches;
  const leafHandle = remixContext.routeModules[matches[matches.length - 1]?.route.id ?? ""]?.handle;
  const cache = publicPageCache({
    request,
    status: responseStatusCode,
    headers: responseHeaders,
    leafHandle,
    hasErrors: Boolean(remixContext.staticHandlerContext.errors),
  });
  const nonce = loadContext?.cspNonce ?? "";
  const requestId = cache ? "" : (loadContext?.requestId ?? "");

  // The whole page is rendered before it is sent (no page streams: none defers data), then
  // written as one buffer: streaming hundreds of small chunks through compression cost a
  // tenth of the server's CPU in writes (profile in README, "Performance").
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        const body = withFontSheets(Buffer.concat(chunks).toString("utf8"));
        if (cache && !failed && responseStatusCode === 200) resolve(publicPage(request, body, nonce, responseHeaders, cache));
        else {
          responseHeaders.set("Cache-Control", PRIVATE_NO_STORE);
          resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        }
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <RequestInfoProvider value={{ nonce, requestId }}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </RequestInfoProvider>,
      {
        nonce,
        onAllReady() {
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (!failed) logger.error({ err: error, requestId }, "render error");
          failed = true;
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

/** A page any cache may keep: its ETag, its cache policy, a CSP naming its own inline scripts, 304 when unchanged. */
function publicPage(request: Request, rendered: string, nonce: string, headers: Headers, cache: PublicCache): Response {
  const { html, scriptHashes } = sealInlineScripts(rendered, nonce);
  const body = Buffer.from(html, "utf8");
  // Weak: the tag is of the page, and the same page also goes out gzip-compressed (byte-different).
  const etag = `W/${etagOf(body)}`;
  headers.set("Cache-Control", publicCacheControl(cache));
  headers.set("Vary", PUBLIC_VARY);
  headers.set("ETag", etag);
  const https = getEnv().PUBLIC_ORIGIN?.startsWith("https://") ?? false;
  headers.set("Content-Security-Policy", contentSecurityPolicy({ scriptSources: scriptHashes, https }));
  if (notModified(request, etag)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers, status: 200 });
}

/** Data for navigations in the browser (`?_data=`) is never kept by a shared cache: only documents are public (ADR 018). */
export function handleDataRequest(response: Response): Response {
  if (response.headers.has("Cache-Control")) return response;
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", PRIVATE_NO_STORE);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logger.error({ err: error, requestId: context?.requestId, path: new URL(request.url).pathname }, "unhandled error");
};
