import { summaryPages } from "../render/summary.ts";
import type { SubcommandArgs } from "./types.ts";

/** referat / summary: the newest summary of this (or the given) year, privately, in as many messages as it takes. */
export async function summary({ deps, ctx, parsed, answer }: SubcommandArgs) {
  const { text, pages } = summaryPages(await deps.core.getSummary(ctx, parsed.year));
  await answer.pages(pages.map((blocks) => ({ text, blocks })));
}
