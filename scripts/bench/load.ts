// One page under load (autocannon), bounded both ways: by duration and by request
// count. Used by the benchmark (scripts/bench.ts) and its proxy trial (proxy.ts).
import autocannon from "autocannon";

export type LoadOptions = { connections: number; durationSeconds: number; maxRequests: number; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Loads one URL; the latencies come back sorted, for percentiles. */
export async function load(url: string, { connections, durationSeconds, maxRequests, method = "GET", headers, body }: LoadOptions) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationSeconds, maxOverallRequests: maxRequests, method, headers, body }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}
