// Express → Remix, with the request body read under a limit (ADR 016).
//
// @remix-run/express hands Remix the raw Node stream: nothing bounds how much a
// client may send, and when an action stops reading (a refused upload) the
// stream is destroyed, so the browser sees a reset connection instead of the
// answer. Here the body is counted as it arrives and cut at its kind's limit,
// and whatever an action left unread is drained (up to the same limit) after
// the answer, so the client always gets it.
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
import { createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { bodyKind, bodyLimit, type RequestBody } from "~/utils/request-body.server";

const STREAM_HIGH_WATER_MARK = 64 * 1024;

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header the Fetch API refuses (invalid characters) is left out, not fatal.
    }
  }
  return headers;
}

function bodyStream(req: ExpressRequest, body: RequestBody): { stream: ReadableStream<Uint8Array>; stop: () => void } {
  let stopped = false;
  const onData = (chunk: Buffer) => {
    if (stopped) return;
    body.receivedBytes += chunk.length;
    if (body.receivedBytes > body.limit) {
      body.tooLarge = true;
      stop();
      controller.error(new RangeError("request body over its limit"));
      return;
    }
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => {
    if (stopped) return;
    stop();
    controller.close();
  };
  const onError = (error: Error) => {
    if (stopped) return;
    stop();
    controller.error(error);
  };
  const stop = () => {
    stopped = true;
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("error", onError);
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.on("data", onData);
        req.once("end", onEnd);
        req.once("error", onError);
      },
      pull() {
        req.resume();
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: STREAM_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
  return { stream, stop };
}

/** Reads and discards what the action left unread, up to the body's limit; past it, closes the connection. */
function drain(req: ExpressRequest, body: RequestBody) {
  if (req.complete || req.destroyed) return;
  if (body.tooLarge) {
    req.destroy();
    return;
  }
  req.on("data", (chunk: Buffer) => {
    body.receivedBytes += chunk.length;
    if (body.receivedBytes > body.limit) req.destroy();
  });
  req.resume();
}

async function send(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // The app's answer wins over what the HTTP layer set before (a public page's own CSP,
  // its Cache-Control); only cookies add up.
  for (const [key, value] of response.headers.entries()) {
    if (key === "set-cookie") res.append(key, value);
    else res.setHeader(key, value);
  }
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function createRemixHandler({
  build,
  mode,
  uploadMaxBytes,
  getLoadContext,
}: {
  build: ServerBuild;
  mode: string;
  uploadMaxBytes: number;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRemixRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const kind = bodyKind(req.get("content-type"), req.method);
      const declared = Number(req.get("content-length"));
      const body: RequestBody = {
        kind,
        limit: bodyLimit(kind, uploadMaxBytes),
        declaredBytes: Number.isSafeInteger(declared) && declared >= 0 ? declared : null,
        receivedBytes: 0,
        tooLarge: false,
      };
      const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: headersOf(req), signal: controller.signal };
      let stop = () => undefined as void;
      if (kind !== "none") {
        const limited = bodyStream(req, body);
        init.body = limited.stream;
        init.duplex = "half";
        stop = limited.stop;
      }
      res.on("finish", () => {
        stop();
        drain(req, body);
      });
      const response = await handle(new Request(url, init), { ...getLoadContext(req, res), body });
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}
