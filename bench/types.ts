export interface BenchResult {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** The target, where there is one (bench/README.md), and whether this run met it. */
  target?: string;
  met?: boolean;
}

export interface BenchOptions {
  smoke: boolean;
  databaseUrl?: string;
}

export type Benchmark = (options: BenchOptions) => Promise<BenchResult[]>;

/** Median of the timings in milliseconds of `runs` calls (after one warm-up). */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
