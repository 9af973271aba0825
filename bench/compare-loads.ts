import type { Queryable } from "../src/store/db.ts";
import { cpuRows, withCpu } from "./cpu.ts";
import { type LoadSpec, runLoad, WARM_UP_SECONDS, warmUp } from "./load-worker.ts";
import { type BenchResult, round } from "./types.ts";

export interface Comparison {
  benchmark: string;
  /** The bare reference's name in the rows ("bare Bolt"). */
  bare: string;
  /** What the latency is until ("ack", "answer"). */
  latency: string;
  /** The notes row's name; half of the requests are notes. */
  notesRow: string;
  appUrl: string;
  bareUrl: string;
  levels: number[];
  seconds: number;
  smoke: boolean;
  /** The load's spec, without where it goes and how hard. */
  spec: (url: string) => LoadSpec;
  /** The app's database, to check that the load's notes were stored. */
  db: Queryable;
}

/**
 * The same load against the app and its bare reference at each concurrency (autocannon, a closed loop: each
 * connection sends its next request when the last is answered), each after a warm-up; then, at the highest
 * concurrency, a paced (open-loop) load at half of the bare reference's throughput there, against both, each warmed
 * up on the connections it is then measured on.
 */
export async function compareLoads(c: Comparison): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const notes = async () =>
    Number((await c.db.query("SELECT count(*) AS n FROM entries WHERE kind = 'note'"))[0]?.n ?? 0);
  /** Waits until the notes stop changing (Slack stores a note after its ack), and gives their count. */
  const settled = async () => {
    let before = await notes();
    for (let same = 0, waited = 0; same < 2 && waited < 10_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = await notes();
      same = now === before ? same + 1 : 0;
      before = now;
    }
    return before;
  };
  const measured = async (url: string, connections: number) => {
    const spec = { ...c.spec(url), connections, seconds: c.seconds };
    if (!c.smoke) await warmUp(spec);
    // The warm-up's last notes are waited for, so none is counted as the run's.
    const before = await settled();
    const result = await withCpu(() => runLoad(spec));
    // A Slack ack comes before its note is stored: withCpu's second after the load lets those finish.
    return { ...result, notesStored: (await notes()) - before };
  };
  const row =
    (prefix: string) =>
    (metric: string, value: number, unit: string, target?: string, met?: boolean): BenchResult => ({
      benchmark: c.benchmark,
      metric: `${prefix}: ${metric}`,
      value: round(value, 2),
      unit,
      ...(target ? { target, met } : {}),
    });
  let bareRps = 0;
  for (const connections of c.levels) {
    const app = await measured(c.appUrl, connections);
    const bare = await measured(c.bareUrl, connections);
    bareRps = bare.rps;
    const ratio = bare.rps > 0 ? app.rps / bare.rps : 0;
    const notesRatio = app.requests > 0 ? app.notesStored / Math.ceil(app.requests / 2) : 0;
    const at = row(`c=${connections}`);
    results.push(
      at("requests/s, app", app.rps, "req/s"),
      at(`requests/s, ${c.bare}`, bare.rps, "req/s"),
      at(`ratio to ${c.bare}`, ratio, "x", ">= 0.5", ratio >= 0.5),
      at(`${c.latency} p50`, app.p50, "ms"),
      at(`${c.latency} p99`, app.p99, "ms", "< 100 ms", app.p99 < 100),
      at(`${c.latency} max`, app.max, "ms"),
      at(`${c.latency} p99, ${c.bare}`, bare.p99, "ms"),
      at("errors", app.errors, "requests", "0", app.errors === 0),
      // The requests counted are work done, not only answers: a Slack ack comes before its note is stored.
      at(c.notesRow, notesRatio, "x", ">= 0.99", notesRatio >= 0.99),
      ...cpuRows(at, app, bare, c.bare),
    );
  }
  const connections = c.levels.at(-1) ?? 1;
  // Smoke runs are cold and short: a small rate checks the paced load runs without queueing seconds of requests.
  const rate = c.smoke ? 20 : Math.max(1, Math.round(bareRps / 2));
  // Warmed up on its own connections, with no pause before the counted run (see bench/paced-load.ts); the latency
  // only is reported, so neither the notes nor the CPU are counted.
  const warmUpSeconds = c.smoke ? 1 : WARM_UP_SECONDS;
  const paced = async (url: string) => {
    await settled(); // the work an earlier run left is done before this one starts
    return runLoad({
      ...c.spec(url),
      connections,
      seconds: c.seconds,
      rate,
      warmUpSeconds,
    });
  };
  const app = await paced(c.appUrl);
  const bare = await paced(c.bareUrl);
  const at = row(`c=${connections}, paced at half of ${c.bare}'s throughput`);
  results.push(
    at("requests/s offered", rate, "req/s"),
    at("requests/s answered, app", app.rps, "req/s"),
    at(`${c.latency} p50`, app.p50, "ms"),
    at(`${c.latency} p99`, app.p99, "ms", "< 100 ms", app.p99 < 100),
    at(`${c.latency} max`, app.max, "ms"),
    at(`${c.latency} p99, ${c.bare}`, bare.p99, "ms"),
    at("errors", app.errors, "requests", "0", app.errors === 0),
  );
  if (app.warmUpP99 !== undefined && bare.warmUpP99 !== undefined) {
    const first = `${c.latency} p99 in the first ${warmUpSeconds} s (connections just opened, after a pause; not counted above)`;
    results.push(
      at(`${first}, app`, app.warmUpP99, "ms"),
      at(`${first}, ${c.bare}`, bare.warmUpP99, "ms"),
      at(
        `errors in the first ${warmUpSeconds} s, app`,
        app.warmUpErrors ?? 0,
        "requests",
        "0",
        !app.warmUpErrors,
      ),
    );
  }
  return results;
}
