import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { type Interactions, nthInteraction } from "./interactions.ts";
import { pacedLoad } from "./paced-load.ts";

/**
 * The load generator in a process of its own, so the app under test does not share its event loop with it.
 * Run as `node --import tsx bench/load-worker.ts` with a JSON `LoadSpec` on stdin; prints one JSON `LoadResult`.
 */

export type LoadSpec = Interactions & {
  url: string;
  connections: number;
  seconds: number;
  /** Requests a second, arriving whether or not earlier ones were answered (bench/paced-load.ts); none: a closed loop. */
  rate?: number;
};

export interface LoadResult {
  /** Successful answers per second. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Requests sent. */
  requests: number;
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  let n = 0;
  const next = () => nthInteraction(spec, n++);
  if (spec.rate) return pacedLoad({ ...spec, rate: spec.rate, next });
  // A closed loop: each connection sends its next request when the last one is answered.
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  return {
    rps: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx, // autocannon counts timeouts among the errors
    requests: result.requests.total,
  };
}

/** Runs the load in a child process and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin.end(JSON.stringify(spec));
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`load worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as LoadResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let input = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) input += chunk;
  const result = await load(JSON.parse(input) as LoadSpec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
