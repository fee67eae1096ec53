import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { DEFAULT_LANGUAGE, languageFromAcceptLanguage, languageFromPath } from "~/utils/i18n";
import { createI18nInstance } from "~/utils/i18n.server";
import { logger } from "~/utils/logger.server";
import { RequestInfoProvider } from "~/utils/request-info";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const url = new URL(request.url);
  const lang =
    languageFromPath(url.pathname) ?? languageFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LANGUAGE;
  const i18n = await createI18nInstance(lang);
  const nonce = loadContext?.cspNonce ?? "";
  const requestId = loadContext?.requestId ?? "";

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
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
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

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logger.error({ err: error, requestId: context?.requestId, path: new URL(request.url).pathname }, "unhandled error");
};
