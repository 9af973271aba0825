// What the benchmarks run of the app (load tests, summary rendering), bundled as `npm start` bundles it (bench/bundle.ts).

export { summaryCards } from "../adapters/cards/draw/summary.ts";
export { loadConfig } from "../adapters/index.ts";
export { slackAdapter } from "../adapters/slack/index.ts";
export { renderSummaryForBench } from "../adapters/slack/render/summary.ts";
export { teamsAdapter } from "../adapters/teams/index.ts";
export { renderMarkdown } from "../src/domain/summary-markdown.ts";
export { renderPdf } from "../src/render/pdf.ts";
export { startServer } from "../src/server.ts";
