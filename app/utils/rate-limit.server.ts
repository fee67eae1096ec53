// Failure counters shared by every app server, kept in PostgreSQL by
// rate-limiter-flexible (table `rate_limit`, created by a migration).
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "./db.server";
import { LOGIN_LIMITS, TOTP_FAILURES_PER_5_MINUTES } from "./session-policy";

type Limiter = { keyPrefix: string; points: number; duration: number };

const LIMITERS = {
  loginPerAccountMinute: { keyPrefix: "login_acct_m", points: LOGIN_LIMITS.perAccountPerMinute, duration: 60 },
  loginPerAccountHour: { keyPrefix: "login_acct_h", points: LOGIN_LIMITS.perAccountPerHour, duration: 3600 },
  loginPerIp: { keyPrefix: "login_ip", points: LOGIN_LIMITS.perIpPer15Minutes, duration: 900 },
  totpPerAccount: { keyPrefix: "totp_acct", points: TOTP_FAILURES_PER_5_MINUTES, duration: 300 },
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

/** Counts one failure against each limit. */
export async function recordFailure(checks: [LimiterName, string][]): Promise<void> {
  await Promise.all(
    checks.map(([name, key]) =>
      limiter(name)
        .consume(key)
        .catch((e: unknown) => {
          // Going over the limit is what we count; only a store error is an error.
          if (!(e instanceof RateLimiterRes)) throw e;
        }),
    ),
  );
}

export async function clearFailures(checks: [LimiterName, string][]): Promise<void> {
  await Promise.all(checks.map(([name, key]) => limiter(name).delete(key)));
}
