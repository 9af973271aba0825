import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAsNpmStart, freePort, npmStartArgs, PROJECT_ROOT } from "../test/helpers/npm-start.ts";
import { type Benchmark, type BenchResult, round } from "./types.ts";

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Starts the bot as `npm start` does: time until /healthz answers, and its resident memory once idle (the larger of
 * two readings, 2 s and `idleSeconds` after it answered).
 */
async function startOnce(
  args: string[],
  env: Record<string, string>,
  idleSeconds: number,
): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error("the bot exited during start");
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 2000));
    const early = await rssMb(child.pid as number);
    await new Promise((r) => setTimeout(r, Math.max(0, idleSeconds - 2) * 1000));
    return { ms, rss: Math.max(early, await rssMb(child.pid as number)) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export const startup: Benchmark = async ({ databaseUrl, smoke }) => {
  const results: BenchResult[] = [];
  const building = performance.now();
  await buildAsNpmStart();
  const args = await npmStartArgs();
  results.push({
    benchmark: "start",
    metric: "build step of npm start (scripts/build.mjs)",
    value: round(performance.now() - building, 0),
    unit: "ms",
  });
  const idleSeconds = smoke ? 2 : 10;
  // A new data directory: the first start also creates it, as on a new machine.
  const pglite = await startOnce(
    args,
    { DATA_DIR: await mkdtemp(join(tmpdir(), "amo-bench-")) },
    idleSeconds,
  );
  results.push(
    { benchmark: "start", metric: "start to /healthz, PGlite", value: round(pglite.ms, 0), unit: "ms" },
    {
      benchmark: "memory",
      metric: "RSS idle, PGlite",
      value: round(pglite.rss, 1),
      unit: "MB",
      target: "< 200 MB",
      met: pglite.rss < 200,
    },
  );
  if (databaseUrl) {
    const pg = await startOnce(args, { DATABASE_URL: databaseUrl }, idleSeconds);
    results.push(
      { benchmark: "start", metric: "start to /healthz, PostgreSQL", value: round(pg.ms, 0), unit: "ms" },
      {
        benchmark: "memory",
        metric: "RSS idle, PostgreSQL",
        value: round(pg.rss, 1),
        unit: "MB",
        target: "< 200 MB",
        met: pg.rss < 200,
      },
    );
  }
  return results;
};
