import type { Summary } from "../domain/entities.ts";
import { followUpFileName, recordFileName } from "../domain/file-names.ts";
import { renderFollowUpCsv } from "../render/csv.ts";
import { discussionAsked, requireReader } from "./access.ts";
import type { OutboundFile, SummaryView } from "./chat-port.ts";
import { commandOf } from "./command-name.ts";
import { type Ctx, type Deps, read } from "./context.ts";
import { AppError } from "./errors.ts";
import { recordOf, summaryFile, summaryView } from "./summary.ts";
import { currentYear } from "./walkthrough.ts";

/** A year's newest summary (this year's, or the newest discussion's when no year is given). */
export async function getSummary(deps: Deps, ctx: Ctx, year?: number): Promise<SummaryView> {
  const r = deps.store.repos;
  return read(deps, async () => {
    const discussion = await discussionAsked(deps, r, ctx, year);
    await requireReader(r, ctx, discussion ?? "workplace");
    if (!discussion)
      throw new AppError("no_discussion", "error.no_discussion", {
        year: year ?? currentYear(deps, ctx),
        command: commandOf(deps, ctx.workspace),
      });
    const summary = await r.summaries.latest(ctx.workspace.id, discussion.id);
    if (!summary) throw new AppError("no_discussion", "error.no_summary", { year: discussion.year });
    return summaryView(r, ctx.workspace, discussion, summary, commandOf(deps, ctx.workspace));
  });
}

export async function listSummaryVersions(deps: Deps, ctx: Ctx, discussionId: string): Promise<Summary[]> {
  return read(deps, (r) => r.summaries.list(ctx.workspace.id, discussionId));
}

/** A year's documentation as files: the summary in Markdown and PDF, and the decisions and goals as CSV. */
export async function exportYear(
  deps: Deps,
  ctx: Ctx,
  year?: number,
): Promise<{ year: number; files: OutboundFile[] }> {
  const view = await getSummary(deps, ctx, year);
  const r = deps.store.repos;
  const document = view.document;
  const entries = await read(deps, () => r.entries.forDiscussion(ctx.workspace.id, view.discussionId));
  // pdfkit is loaded on the first export only; most processes never render a PDF.
  const { renderPdf } = await import("../render/pdf.ts");
  const record = recordOf(view);
  const pdf = await renderPdf(document, record);
  const pdfName = recordFileName(document.year, view.version, "pdf");
  const csvName = followUpFileName(document.year);
  const csv = renderFollowUpCsv(document.year, entries, ctx.workspace.language, ctx.workspace.timeZone);
  const files: OutboundFile[] = [
    summaryFile(view),
    { name: pdfName, title: pdfName, mimeType: "application/pdf", content: pdf },
    { name: csvName, title: csvName, mimeType: "text/csv", content: csv },
  ];
  return { year: document.year, files };
}

/** Sends the export files to a channel (or a user's direct conversation). Returns the year of the record sent. */
export async function sendExport(
  deps: Deps,
  ctx: Ctx,
  input: { channel: string; year?: number },
): Promise<number> {
  const { year, files } = await exportYear(deps, ctx, input.year);
  const chat = deps.chatFor(ctx.workspace);
  for (const file of files) await chat.sendFile(input.channel, file);
  return year;
}
