import { readdir, readFile } from "node:fs/promises";
import type { BenchResult } from "./types.ts";

/** Clock ticks per second in /proc (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

export interface CpuSpent {
  /** This process: the app under test, or the bare reference. */
  process: number;
  /** PostgreSQL's server processes (null where /proc is not there). */
  postgres: number | null;
  /** Every process on the machine: app, PostgreSQL, the fake platform and the load generator. */
  machine: number | null;
}

/**
 * Starts counting CPU time, in milliseconds; the returned function stops and gives what was spent since. Divided by
 * the interactions it tells where an interaction's cost lies and how much of the machine a busy day takes.
 */
export async function cpuMeter(): Promise<() => Promise<CpuSpent>> {
  const start = process.cpuUsage();
  const [postgres, machine] = await Promise.all([postgresTicks(), machineTicks()]);
  return async () => {
    const spent = process.cpuUsage(start);
    const [postgresNow, machineNow] = await Promise.all([postgresTicks(), machineTicks()]);
    return {
      process: (spent.user + spent.system) / 1000,
      postgres:
        postgres !== null && postgresNow !== null ? ticksSince(postgres, postgresNow) * TICK_MS : null,
      machine: machine !== null && machineNow !== null ? (machineNow - machine) * TICK_MS : null,
    };
  };
}

/**
 * Ticks spent since `before`, per process: a backend that ended in between is left out rather than making the sum
 * go down, and one that started counts from zero.
 */
function ticksSince(before: Map<string, number>, now: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, spent] of now) ticks += spent - (before.get(pid) ?? 0);
  return ticks;
}

/** User and system ticks of each process named postgres (the server and its backends), by process id. */
async function postgresTicks(): Promise<Map<string, number> | null> {
  const pids = await readdir("/proc").catch(() => null);
  if (!pids) return null;
  const ticks = new Map<string, number>();
  for (const pid of pids.filter((p) => /^\d+$/.test(p))) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    if (!name.startsWith("postgres")) continue;
    // After the name: state is field 3, utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

/** Busy ticks of all cores: user, nice, system, irq, softirq and steal (not idle or waiting for I/O). */
async function machineTicks(): Promise<number | null> {
  const stat = await readFile("/proc/stat", "utf8").catch(() => null);
  const cpu = stat?.split("\n")[0]?.split(/\s+/).slice(1).map(Number);
  if (!cpu) return null;
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return user + nice + system + irq + softirq + steal;
}

/**
 * Runs a load and counts the CPU it costs, including a second after it for work a request started but had not
 * finished when it was answered (a Slack ack comes before the work).
 */
export async function withCpu<T>(load: () => Promise<T>): Promise<T & { cpu: CpuSpent }> {
  const stop = await cpuMeter();
  const result = await load();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { ...result, cpu: await stop() };
}

/** Rows of CPU milliseconds per interaction sent: the app's run and the bare reference's run side by side. */
export function cpuRows(
  row: (metric: string, value: number, unit: string) => BenchResult,
  app: { requests: number; cpu: CpuSpent },
  bare: { requests: number; cpu: CpuSpent },
  bareName: string,
): BenchResult[] {
  const per = (ms: number | null, requests: number) => (ms === null || requests === 0 ? null : ms / requests);
  const rows: [string, number | null][] = [
    ["CPU per interaction, app process", per(app.cpu.process, app.requests)],
    [`CPU per interaction, ${bareName} process`, per(bare.cpu.process, bare.requests)],
    ["CPU per interaction, PostgreSQL (app run)", per(app.cpu.postgres, app.requests)],
    ["CPU per interaction, whole machine (app run)", per(app.cpu.machine, app.requests)],
    [`CPU per interaction, whole machine (${bareName} run)`, per(bare.cpu.machine, bare.requests)],
  ];
  return rows.flatMap(([metric, value]) => (value === null ? [] : [row(metric, value, "ms")]));
}
