import { createHash } from "node:crypto";
import { type BenchResult, medianMs, round } from "./types.ts";

/** A fixed piece of work, the same in every run and on every commit: about 1 MB of JSON made and read back. */
const reference = (() => {
  const rows = Array.from({ length: 4_000 }, (_, i) => ({
    id: i,
    text: `Punkt ${i % 11}: arbejdsmiljø, trivsel og sygefravær ${createHash("sha256").update(String(i)).digest("hex")}`,
    tags: [i % 3, i % 5, i % 7],
  }));
  return () => JSON.parse(JSON.stringify(rows));
})();

/**
 * How fast the machine is at the moment, for reading the other figures: the median time of the reference work (lower
 * is faster). Taken before and after the benchmarks, it shows how far the machine's speed moved during the run.
 */
export async function machineSpeed(when: "before" | "after", smoke: boolean): Promise<BenchResult> {
  const ms = await medianMs(smoke ? 3 : 31, reference);
  return {
    benchmark: "machine",
    metric: `reference work (1 MB of JSON made and read back), median, ${when} the benchmarks`,
    value: round(ms, 2),
    unit: "ms",
  };
}
