import { renderMarkdown } from "../src/domain/summary-markdown.ts";
import { renderPdf } from "../src/render/pdf.ts";
import { bigSummary } from "./fixture.ts";
import { type Benchmark, type BenchResult, medianMs, round } from "./types.ts";

/** Renders a discussion of 11 points × 300 entries in every format and times each. */
export const summaryRendering: Benchmark = async ({ smoke }) => {
  const perPoint = smoke ? 20 : 300;
  const runs = smoke ? 2 : 15;
  const doc = bigSummary(perPoint);
  const results: BenchResult[] = [];
  const measure = async (format: string, limitMs: number, fn: () => unknown) => {
    const ms = await medianMs(runs, fn);
    results.push({
      benchmark: "summary rendering",
      metric: `${format} (11 × ${perPoint} entries), median`,
      value: round(ms, 2),
      unit: "ms",
      target: `< ${limitMs} ms`,
      met: ms < limitMs,
    });
  };
  await measure("Markdown", 50, () => renderMarkdown(doc));
  await measure("PDF", 1000, () => renderPdf(doc, { sha256: "0".repeat(64), approvals: [] }));
  for (const extra of await platformRenderers()) await measure(extra.format, 50, () => extra.render(doc));
  return results;
};

/** The adapters' renderers (Slack blocks, Adaptive Card), when the adapters provide a summary renderer. */
async function platformRenderers(): Promise<
  { format: string; render: (doc: ReturnType<typeof bigSummary>) => unknown }[]
> {
  const found: { format: string; render: (doc: ReturnType<typeof bigSummary>) => unknown }[] = [];
  for (const [format, path] of [
    ["Slack blocks", "../adapters/slack/render/summary.ts"],
    ["Adaptive Card", "../adapters/teams/cards/summary.ts"],
  ] as const) {
    const module = await import(path).catch(() => null);
    const render = module?.renderSummaryForBench;
    if (typeof render === "function") found.push({ format, render });
  }
  return found;
}
