import { repos, type Summary } from "../store/index.ts";
import type { SummaryView } from "./chat-port.ts";
import { type Ctx, type Deps, read } from "./context.ts";
import { AppError } from "./errors.ts";
import { summaryView } from "./summary.ts";
import { currentYear } from "./walkthrough.ts";

/** A year's newest summary (this year's, or the newest discussion's when no year is given). */
export async function getSummary(deps: Deps, ctx: Ctx, year?: number): Promise<SummaryView> {
  const r = repos(deps.db);
  return read(deps, async () => {
    const discussion =
      year !== undefined
        ? await r.discussions.forYear(ctx.workspace.id, year)
        : ((await r.discussions.forYear(ctx.workspace.id, currentYear(deps, ctx))) ??
          (await r.discussions.latest(ctx.workspace.id)));
    if (!discussion)
      throw new AppError("no_discussion", "error.no_discussion", { year: year ?? currentYear(deps, ctx) });
    const summary = await r.summaries.latest(ctx.workspace.id, discussion.id);
    if (!summary) throw new AppError("no_discussion", "error.no_summary", { year: discussion.year });
    return summaryView(r, ctx.workspace, discussion, summary);
  });
}

export async function listSummaryVersions(deps: Deps, ctx: Ctx, discussionId: string): Promise<Summary[]> {
  return read(deps, (r) => r.summaries.list(ctx.workspace.id, discussionId));
}
