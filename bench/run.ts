import { writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import * as slack from "./load-slack.ts";
import * as teams from "./load-teams.ts";
import { reminderDelivery } from "./reminders.ts";
import { startup } from "./startup.ts";
import { summaryRendering } from "./summary-render.ts";
import type { Benchmark, BenchResult } from "./types.ts";

/**
 * npm run bench           every benchmark at full size; prints a table and writes bench/results.json
 * npm run bench -- slack  only those whose name contains "slack"; prints, writes nothing
 * npm run bench:smoke     the same at small sizes (CI): checks that they run, not how fast
 */
const smoke = process.argv.includes("--smoke");
const only = process.argv
  .slice(2)
  .find((a) => !a.startsWith("--"))
  ?.toLowerCase();
const databaseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const benchmarks: [string, Benchmark][] = [
  ["summary rendering", summaryRendering],
  ["reminders", reminderDelivery],
  ["start and memory", startup],
  [slack.name, slack.benchmark],
  [teams.name, teams.benchmark],
];

const results: BenchResult[] = [];
for (const [name, benchmark] of benchmarks.filter(([n]) => !only || n.toLowerCase().includes(only))) {
  process.stderr.write(`running ${name}...\n`);
  results.push(...(await benchmark({ smoke, databaseUrl })));
}

const width = Math.max(...results.map((r) => `${r.benchmark}: ${r.metric}`.length));
for (const r of results) {
  const verdict = r.target ? `${r.target.padEnd(12)} ${r.met ? "ok" : "MISSED"}` : "";
  console.log(
    `${`${r.benchmark}: ${r.metric}`.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit.padEnd(9)} ${verdict}`,
  );
}

// Only a whole run at full size is recorded, so every row in the file comes from the same run.
if (!smoke && !only) {
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    database: databaseUrl ? "postgresql" : "pglite",
  };
  await writeFile(
    new URL("./results.json", import.meta.url),
    `${JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2)}\n`,
  );
}
