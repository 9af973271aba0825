import type { Queryable } from "../src/store/db.ts";
import { cpuRows, withCpu } from "./cpu.ts";
import { type Interactions, notesAmong } from "./interactions.ts";
import { type LoadResult, runLoad } from "./load-worker.ts";
import { type BenchResult, round } from "./types.ts";

export interface Comparison {
  benchmark: string;
  /** The bare reference's name in the rows ("bare Bolt"). */
  bare: string;
  appUrl: string;
  bareUrl: string;
  connections: number;
  /** The paced load's requests a second. */
  rate: number;
  seconds: number;
  /** The requests sent to `url`. */
  spec: (url: string) => Interactions & { url: string };
  /** The app's database, to count the notes the load stored. */
  db: Queryable;
}

/** The thresholds the issue sets for the paced load and the closed loop. */
export const TARGET = { p99Ms: 100, notesStored: 0.99, closedLoopRatio: 0.3 };

/** The note entries stored so far. */
async function notes(db: Queryable): Promise<number> {
  return Number((await db.query("SELECT count(*) AS n FROM entries WHERE kind = 'note'"))[0]?.n ?? 0);
}

/** Waits until the notes stop changing (Slack stores a note after its ack), so no load inherits another's work. */
async function settled(db: Queryable): Promise<number> {
  let before = await notes(db);
  for (let same = 0, waited = 0; same < 2 && waited < 10_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await notes(db);
    same = now === before ? same + 1 : 0;
    before = now;
  }
  return before;
}

async function closedLoop(c: Comparison, url: string): Promise<LoadResult> {
  await settled(c.db);
  return runLoad({ ...c.spec(url), connections: c.connections, seconds: c.seconds });
}

/** The paced load with the CPU it cost and the share of its notes stored one second after it. */
async function paced(c: Comparison, url: string) {
  const before = await settled(c.db);
  const spec = { ...c.spec(url), connections: c.connections, seconds: c.seconds, rate: c.rate };
  const result = await withCpu(() => runLoad(spec));
  const sent = notesAmong(result.requests, spec.targets.length);
  return { ...result, notesStored: sent > 0 ? ((await notes(c.db)) - before) / sent : 0 };
}

/**
 * The same requests against the app and its bare reference: first a closed loop (each connection sends its next
 * request when the last is answered), which gives the throughput and warms the code up as a running bot's is; then
 * the paced load at a fixed rate, which gives what people see on a busy day, the notes stored and the CPU spent.
 */
export async function compareLoads(c: Comparison): Promise<BenchResult[]> {
  const appClosed = await closedLoop(c, c.appUrl);
  const app = await paced(c, c.appUrl);
  const bareClosed = await closedLoop(c, c.bareUrl);
  const bare = await paced(c, c.bareUrl);
  const row =
    (prefix: string) =>
    (metric: string, value: number, unit: string, target?: string, met?: boolean): BenchResult => ({
      benchmark: c.benchmark,
      metric: `${prefix}: ${metric}`,
      value: round(value, 2),
      unit,
      ...(target ? { target, met } : {}),
    });
  const ratio = bareClosed.rps > 0 ? appClosed.rps / bareClosed.rps : 0;
  const inClosedLoop = row(`closed loop, ${c.connections} connections`);
  const atRate = row(`paced at ${c.rate} requests/s, ${c.connections} connections`);
  return [
    atRate("requests/s answered, app", app.rps, "req/s"),
    atRate("ack p50", app.p50, "ms"),
    atRate("ack p99", app.p99, "ms", `< ${TARGET.p99Ms} ms`, app.p99 < TARGET.p99Ms),
    atRate("ack max", app.max, "ms"),
    atRate(`ack p99, ${c.bare}`, bare.p99, "ms"),
    atRate("errors", app.errors, "requests", "0", app.errors === 0),
    atRate(
      "notes stored / notes sent",
      app.notesStored,
      "x",
      `>= ${TARGET.notesStored}`,
      app.notesStored >= TARGET.notesStored,
    ),
    ...cpuRows(atRate, app, bare, c.bare),
    inClosedLoop("requests/s, app", appClosed.rps, "req/s"),
    inClosedLoop(`requests/s, ${c.bare}`, bareClosed.rps, "req/s"),
    inClosedLoop(
      `ratio to ${c.bare}`,
      ratio,
      "x",
      `>= ${TARGET.closedLoopRatio}`,
      ratio >= TARGET.closedLoopRatio,
    ),
    inClosedLoop("errors, app", appClosed.errors, "requests"),
  ];
}
