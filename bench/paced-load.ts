import { Pool } from "undici";
import type { LoadRequest } from "./interactions.ts";

/**
 * An open-loop load: requests arrive at a fixed rate whether or not earlier ones were answered (Poisson arrivals, as
 * people clicking in many meetings do), over a pool of keep-alive connections. A closed loop such as autocannon's
 * only shows latency as a mirror of throughput. Latency counts from when a request was due, so a late send or a wait
 * for a free connection counts against the app (no coordinated omission, as in wrk2).
 */

export interface PacedResult {
  /** Successful answers per second (about the rate, when the app keeps up). */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Requests sent, answered or failed. */
  requests: number;
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

const ms = (n: number) => Math.round(n * 10) / 10;

export async function pacedLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  rate: number;
  next: () => LoadRequest;
}): Promise<PacedResult> {
  const { url, connections, seconds, rate, next } = options;
  const pool = new Pool(url, { connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const pending = new Set<Promise<void>>();
  const send = (due: number) => {
    // An error status, a refused connection or no answer within 10 s is an error; its time counts like an answer's.
    const done = pool
      .request({ ...next(), headersTimeout: 10_000, bodyTimeout: 10_000 })
      .then(async (response) => {
        await response.body.dump();
        if (response.statusCode >= 300) errors++;
      })
      .catch(() => {
        errors++;
      })
      .finally(() => {
        latencies.push(performance.now() - due);
        pending.delete(done);
      });
    pending.add(done);
  };
  try {
    // The connections are open before the clock starts, as a running bot's are; the answers to these are not counted.
    await Promise.all(
      Array.from({ length: connections }, () =>
        pool.request({ method: "GET", path: "/" }).then((response) => response.body.dump()),
      ),
    );
    const start = performance.now();
    await sendUntil(start + seconds * 1000, rate, send);
    await Promise.all(pending);
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      rps: (latencies.length - errors) / elapsed,
      p50: ms(percentile(latencies, 50)),
      p99: ms(percentile(latencies, 99)),
      max: ms(latencies.at(-1) ?? 0),
      errors,
      requests: latencies.length,
    };
  } finally {
    await pool.close();
  }
}

/** Calls `send` with each arrival's due time, `rate` a second on average, until `end`. */
function sendUntil(end: number, rate: number, send: (due: number) => void): Promise<void> {
  const random = seeded(7);
  let due = performance.now();
  return new Promise<void>((resolve) => {
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
}
