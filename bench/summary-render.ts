import { shipped } from "./bundle.ts";
import { bigSummary } from "./fixture.ts";
import { type Benchmark, type BenchResult, medianMs, round } from "./types.ts";

/** Renders a discussion of 11 points × 300 entries in every format and times each. */
export const summaryRendering: Benchmark = async ({ smoke }) => {
  const { renderMarkdown, renderPdf, renderSummaryForBench, summaryCards } = await shipped();
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
  await measure("Slack blocks", 50, () => renderSummaryForBench(doc));
  // The summary as Teams shows it: every card, the first with its title, version, approvals and approve button.
  await measure("Adaptive Card", 50, () =>
    summaryCards({
      discussionId: "00000000-0000-4000-8000-000000000000",
      language: doc.language,
      document: doc,
      markdown: "",
      version: 1,
      sha256: "0".repeat(64),
      approvals: [],
      approved: false,
    }),
  );
  return results;
};
