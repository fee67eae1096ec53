// Calling loaders and actions the way the HTTP server does, for route tests.
import type { AppLoadContext } from "@remix-run/node";
import { createSession } from "~/utils/auth.server";

export const ORIGIN = "http://localhost:3000";

let n = 0;
export function loadContext(clientIp = "203.0.113.7"): AppLoadContext {
  return { requestId: `test-${++n}`, cspNonce: "nonce", clientIp };
}

/** A session cookie (name=value) for the user, as after a full sign-in. */
export async function sessionCookieFor(userId: string, { secondFactorVerified = true } = {}): Promise<string> {
  const setCookie = await createSession(userId, secondFactorVerified, { userAgent: "vitest", ipAddress: "203.0.113.7" });
  return setCookie.split(";")[0]!;
}

export function get(path: string, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** Runs a loader or action and returns its Response, whether it returned or threw one. */
export async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
