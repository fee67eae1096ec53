// What the HTTP server hands to every loader and action.
import "@remix-run/node";
import type { RequestBody } from "~/utils/request-body.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Identifies the request in logs and on error pages. */
    requestId: string;
    /** Per-request nonce of the Content-Security-Policy for inline scripts. */
    cspNonce: string;
    /** The client's address, as far as the configured proxies tell. */
    clientIp: string;
    /** The request body as the HTTP layer received it (kind, limit, bytes read). */
    body?: RequestBody;
  }
}

export {};
