import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { machineSpeed } from "./machine-speed.ts";
import { reminderDelivery } from "./reminders.ts";
import { startup } from "./startup.ts";
import { summaryRendering } from "./summary-render.ts";
import type { Benchmark, BenchResult } from "./types.ts";

/**
 * npm run bench        all benchmarks at full size; prints a table and writes bench/results.json
 * npm run bench:smoke  the same at small sizes in seconds (CI): checks that they run, not how fast
 */
const smoke = process.argv.includes("--smoke");
/** `npm run bench -- slack` runs only the benchmarks whose name contains "slack" and updates their rows. */
const only = process.argv
  .slice(2)
  .filter((a) => !a.startsWith("--"))[0]
  ?.toLowerCase();
const databaseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const benchmarks: [string, Benchmark][] = [
  ["summary rendering", summaryRendering],
  ["reminders", reminderDelivery],
  ["start and memory", startup],
];
for (const extra of ["./load-slack.ts", "./load-teams.ts"]) {
  const module = await import(extra).catch(() => null);
  if (module?.benchmark) benchmarks.push([module.name, module.benchmark]);
}

const results: BenchResult[] = [await machineSpeed("before", smoke)];
for (const [name, benchmark] of benchmarks.filter(([n]) => !only || n.toLowerCase().includes(only))) {
  process.stderr.write(`running ${name}...\n`);
  results.push(...(await benchmark({ smoke, databaseUrl })));
}
results.push(await machineSpeed("after", smoke));

const width = Math.max(...results.map((r) => `${r.benchmark}: ${r.metric}`.length));
for (const r of results) {
  const verdict = r.target ? `${r.target.padEnd(12)} ${r.met ? "ok" : "MISSED"}` : "";
  console.log(
    `${`${r.benchmark}: ${r.metric}`.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit.padEnd(9)} ${verdict}`,
  );
}

if (!smoke) {
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    database: databaseUrl ? "postgresql" : "pglite",
  };
  const file = new URL("./results.json", import.meta.url);
  const previous = only
    ? ((await readFile(file, "utf8").then(JSON.parse, () => ({ results: [] }))) as { results: BenchResult[] })
        .results
    : [];
  const measured = new Set(results.map((r) => r.benchmark));
  const merged = [...previous.filter((r) => !measured.has(r.benchmark)), ...results];
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, results: merged }, null, 2)}\n`,
  );
}
