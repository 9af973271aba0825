import { Pool } from "undici";

/**
 * An open-loop load: requests arrive at a set rate whether or not earlier ones were answered (Poisson arrivals, as
 * people clicking in many meetings do), over a pool of `connections` keep-alive connections. autocannon keeps every
 * connection busy (a closed loop), where latency only mirrors throughput (128 in flight at 1,300 answers a second is
 * ~100 ms each on average, whatever the app does), and its rate limit sends each connection's share of a second in
 * one burst at the start of that second. Latency is counted from the moment a request was due, so a late send or a
 * wait for a free connection counts against the app (no coordinated omission, as in wrk2).
 */

export interface PacedRequest {
  method: "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  /** Successful answers per second over the counted run (about the rate, when the app keeps up). */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  requests: number;
  /** The warm-up's p99 and failures: the first seconds of the load, on connections just opened to an idle app. */
  warmUpP99?: number;
  warmUpErrors?: number;
}

/** A seeded uniform random in [0, 1) (mulberry32), so two runs offer the same arrivals. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

export async function pacedLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  rate: number;
  /**
   * Seconds of the same load first, on the same connections and without a pause, whose answers are not counted: the
   * counted run then finds the app as it is under this load, not the first seconds after it was idle.
   */
  warmUpSeconds?: number;
  next: () => PacedRequest;
}): Promise<PacedResult> {
  const { url, connections, seconds, rate, next } = options;
  const warmUpMs = (options.warmUpSeconds ?? 0) * 1000;
  const pool = new Pool(url, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const random = seeded(7);
  const latencies: number[] = [];
  const warmUpLatencies: number[] = [];
  let errors = 0;
  let warmUpErrors = 0;
  let counted = Number.POSITIVE_INFINITY; // when the counted run begins, set once the clock starts
  const pending = new Set<Promise<void>>();
  const send = (due: number) => {
    const inWarmUp = due < counted;
    const failed = () => {
      if (inWarmUp) warmUpErrors++;
      else errors++;
    };
    const request = next();
    // A failure (an error status, a refused connection, no answer within 10 s) counts as an error, and its time until
    // it failed counts in the latencies like any answer's.
    const done = pool
      .request({ ...request, headersTimeout: 10_000, bodyTimeout: 10_000 })
      .then(async (response) => {
        await response.body.dump();
        if (response.statusCode >= 300) failed();
      })
      .catch(failed)
      .finally(() => {
        (inWarmUp ? warmUpLatencies : latencies).push(performance.now() - due);
        pending.delete(done);
      });
    pending.add(done);
  };
  // Every connection opened before the clock starts, as a running bot's would be: 128 connections opened by the
  // first requests of a Poisson burst made the first 250 ms up to 0.8 s late.
  // They last the run: the servers keep idle connections 65 s (`keepConnections`). With Node's 5 s the connections
  // the Poisson arrivals seldom needed were closed, and opened again in a burst, when under load Node accepts one new
  // connection per turn of its event loop: those requests waited up to 2 s.
  await Promise.all(
    Array.from({ length: connections }, () =>
      pool.request({ method: "GET", path: "/" }).then((response) => response.body.dump()),
    ),
  ).catch(async (error) => {
    await pool.close();
    throw error;
  });
  let due = performance.now();
  counted = due + warmUpMs;
  const end = counted + seconds * 1000;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (due <= now && due < end) {
        send(due);
        due += -Math.log(1 - random()) * (1000 / rate);
      }
      if (due >= end) return resolve();
      setTimeout(tick, Math.max(0, due - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - counted) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  warmUpLatencies.sort((a, b) => a - b);
  const ms = (n: number) => Math.round(n * 10) / 10;
  return {
    rps: (latencies.length - errors) / elapsed,
    p50: ms(percentile(latencies, 50)),
    p99: ms(percentile(latencies, 99)),
    max: ms(latencies.at(-1) ?? 0),
    errors,
    requests: latencies.length,
    ...(warmUpLatencies.length > 0 ? { warmUpP99: ms(percentile(warmUpLatencies, 99)), warmUpErrors } : {}),
  };
}
