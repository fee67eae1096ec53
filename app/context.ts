// What the HTTP server hands to every loader and action.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Identifies the request in logs and on error pages. */
    requestId: string;
    /** Per-request nonce of the Content-Security-Policy for inline scripts. */
    cspNonce: string;
    /** The client's address, as far as the configured proxies tell. */
    clientIp: string;
  }
}

export {};
