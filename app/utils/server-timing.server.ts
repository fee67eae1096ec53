// Per-request database time, reported in the Server-Timing header (`db` and
// `total`), so a benchmark — or a browser's dev tools — can tell the queries'
// share of a page from the framework's. Cheap: one timer per query.
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

type RequestTiming = { dbMs: number; queries: number };

// On globalThis: the HTTP server and the Remix build each bundle this module; they must share one store.
const holder = globalThis as unknown as { __concordTiming?: AsyncLocalStorage<RequestTiming> };
const storage = (holder.__concordTiming ??= new AsyncLocalStorage<RequestTiming>());

export function withRequestTiming<T>(run: () => T): T {
  return storage.run({ dbMs: 0, queries: 0 }, run);
}

export function currentTiming(): RequestTiming | undefined {
  return storage.getStore();
}

type Query = (...args: unknown[]) => unknown;

/** Replaces `target.query` with one that adds the duration of promise-returning calls to the current request. */
function timeQueries(target: { query: unknown }): void {
  const original = (target.query as Query).bind(target);
  target.query = (...args: unknown[]) => {
    const timing = storage.getStore();
    const result = original(...args);
    // Callback-style calls (the pool's own, internally) are counted by the promise around them.
    if (!timing || !(result instanceof Promise)) return result;
    const started = performance.now();
    timing.queries++;
    return result.finally(() => {
      timing.dbMs += performance.now() - started;
    });
  };
}

const instrumented = new WeakSet<object>();

/** Times queries sent through the pool and through clients checked out of it (transactions). */
export function instrumentPool(pool: pg.Pool): void {
  timeQueries(pool as unknown as { query: unknown });
  pool.on("connect", (client) => {
    if (instrumented.has(client)) return;
    instrumented.add(client);
    timeQueries(client as unknown as { query: unknown });
  });
}
