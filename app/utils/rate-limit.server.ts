// Failure counters shared by every app server, kept in PostgreSQL by
// rate-limiter-flexible (table `rate_limit`, created by a migration).
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "./db.server";
import { REAUTH_FAILURES_PER_15_MINUTES, TOTP_FAILURES_PER_5_MINUTES } from "./session-policy";

type Limiter = { keyPrefix: string; points: number; duration: number };

// Counters count failures in a window; "delay" limiters are only ever blocked for a
// computed time (`delay`), which is how a wait grows with each failure.
const COUNT = 1_000_000;
const LIMITERS = {
  loginFailuresPerAccountAndAddress: { keyPrefix: "login_fail_acct_ip", points: COUNT, duration: 3600 },
  loginDelayPerAccountAndAddress: { keyPrefix: "login_delay_acct_ip", points: 1, duration: 1 },
  loginFailuresPerAddress: { keyPrefix: "login_fail_ip", points: COUNT, duration: 900 },
  loginDelayPerAddress: { keyPrefix: "login_delay_ip", points: 1, duration: 1 },
  loginFailuresPerAccount: { keyPrefix: "login_fail_acct", points: COUNT, duration: 3600 },
  reauthPerAccount: { keyPrefix: "reauth_acct", points: REAUTH_FAILURES_PER_15_MINUTES, duration: 900 },
  totpPerAccount: { keyPrefix: "totp_acct", points: TOTP_FAILURES_PER_5_MINUTES, duration: 300 },
  // API requests (ADR 017): per personal access token, and per address for requests without one.
  apiRequestsPerToken: { keyPrefix: "api_token", points: 600, duration: 60 },
  apiRequestsPerAddress: { keyPrefix: "api_addr", points: 120, duration: 60 },
} satisfies Record<string, Limiter>;

export type LimiterName = keyof typeof LIMITERS;

const instances = new Map<LimiterName, RateLimiterPostgres>();

function limiter(name: LimiterName): RateLimiterPostgres {
  let instance = instances.get(name);
  if (!instance) {
    instance = new RateLimiterPostgres({
      storeClient: getPool(),
      storeType: "pool",
      tableName: "rate_limit",
      tableCreated: true,
      clearExpiredByTimeout: false,
      ...LIMITERS[name],
    });
    instances.set(name, instance);
  }
  return instance;
}

/** Seconds until the caller may try again, or 0 when none of the limits is used up. */
export async function secondsBlocked(checks: [LimiterName, string][]): Promise<number> {
  const states = await Promise.all(checks.map(([name, key]) => limiter(name).get(key)));
  let wait = 0;
  states.forEach((state, i) => {
    if (state && state.consumedPoints >= LIMITERS[checks[i]![0]].points) {
      wait = Math.max(wait, Math.ceil(state.msBeforeNext / 1000));
    }
  });
  return wait;
}

/** Counts one failure against each limit; resolves with the count in each window. */
export async function recordFailure(checks: [LimiterName, string][]): Promise<number[]> {
  return Promise.all(
    checks.map(([name, key]) =>
      limiter(name)
        .consume(key)
        .then((res) => res.consumedPoints)
        .catch((e: unknown) => {
          // Going over the limit is what we count; only a store error is an error.
          if (e instanceof RateLimiterRes) return e.consumedPoints;
          throw e;
        }),
    ),
  );
}

/** Makes the next try under `name`/`key` wait `seconds`. */
export async function delay(name: LimiterName, key: string, seconds: number): Promise<void> {
  if (seconds > 0) await limiter(name).block(key, seconds);
}

/** A wait that doubles with each failure past the free ones: 1 s, 2 s, 4 s… up to `max`. */
export function growingDelay(failures: number, free: number, max: number): number {
  return failures <= free ? 0 : Math.min(2 ** Math.min(failures - free - 1, 30), max);
}

export async function clearFailures(checks: [LimiterName, string][]): Promise<void> {
  await Promise.all(checks.map(([name, key]) => limiter(name).delete(key)));
}

/** How many requests (or failures) a limiter allows in its window. */
export function allowanceLimit(name: LimiterName): number {
  return LIMITERS[name].points;
}

export type Allowance = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

/** Counts one request under `name`/`key`: whether it is within the limit, and what is left of the window. */
export async function consumeAllowance(name: LimiterName, key: string): Promise<Allowance> {
  const limit = LIMITERS[name].points;
  const answer = (res: RateLimiterRes, allowed: boolean): Allowance => ({
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  try {
    return answer(await limiter(name).consume(key), true);
  } catch (e: unknown) {
    if (e instanceof RateLimiterRes) return answer(e, false);
    throw e;
  }
}
