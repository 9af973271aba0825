import { localDateOf } from "../domain/calendar.ts";
import type { Discussion, Member } from "../domain/entities.ts";
import { inspectionFileName } from "../domain/file-names.ts";
import type { InspectionFolder, LogLine, ReferatVersion } from "../domain/inspection.ts";
import { participationFor } from "../domain/participation.ts";
import { readiness } from "../domain/readiness.ts";
import type { Role } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import type { OutboundFile } from "./chat-port.ts";
import { commandOf } from "./command-name.ts";
import { type Ctx, type Deps, read, requireRole } from "./context.ts";
import {
  folderAction,
  folderApv,
  folderFigures,
  folderMembers,
  type HeldYear,
  lastHeldOn,
} from "./inspection-data.ts";
import type { Repos } from "./ports.ts";
import { recordHasAmo } from "./record-size.ts";
import { approvalComplete, recordOf, summaryView } from "./summary.ts";

/** Who may take the folder out: the employer's side and the AMO's members. */
const FOLDER_ROLES: readonly Role[] = [
  "employer",
  "employer_representative",
  "amo_representative",
  "work_leader",
];

/** The log's actions the folder shows; notes and forms stand in the referater themselves. */
const LOG_ACTIONS = [
  "workspace.setup",
  "member.role",
  "discussion.planned",
  "discussion.rescheduled",
  "discussion.cancelled",
  "discussion.started",
  "discussion.concluded",
  "discussion.reopened",
  "summary.approved",
  "summary.revised",
  "entry.done",
  "entry.open",
  "entry.postponed",
];
const LOG_LINES = 300;
const FIGURE_YEARS = 5;

/** Everything Arbejdstilsynet asks to see on a visit, with what is missing or overdue. */
export async function inspectionFolder(deps: Deps, ctx: Ctx): Promise<InspectionFolder> {
  return read(deps, async (r) => {
    await requireRole(r, ctx, FOLDER_ROLES, "inspection");
    const ws = ctx.workspace;
    const now = deps.now();
    const today = localDateOf(now, ws.timeZone);
    const hasAmo = participationFor(ws.headcount ?? 1).hasAmo;
    const [members, discussions, open, audit] = await Promise.all([
      r.members.list(ws.id),
      r.discussions.list(ws.id),
      r.entries.open(ws.id),
      r.audit.recent(ws.id, LOG_ACTIONS, LOG_LINES),
    ]);
    const years: HeldYear[] = await Promise.all(
      discussions.map(async (discussion) => ({
        discussion,
        entries: await r.entries.forDiscussion(ws.id, discussion.id),
      })),
    );
    const command = commandOf(deps, ws);
    const { referater, referat } = await referatPart(r, ctx, discussions, command);
    const openActions = open.map((e) => folderAction(e, e.year, today));
    const folderMembersList = folderMembers(members, years, hasAmo);
    const apv = folderApv(years, today);
    const held = lastHeldOn(ws, discussions);
    const newestYear = Math.max(Number(today.slice(0, 4)), ...discussions.map((d) => d.year));
    await r.audit.write(ws.id, ctx.actor.userId, "workspace.inspection_folder", ws.id);
    return {
      language: ws.language,
      command,
      timeZone: ws.timeZone,
      workspaceName: ws.name,
      createdAt: now,
      today,
      headcount: ws.headcount,
      hasAmo,
      readiness: readiness({
        today,
        lastHeldOn: held,
        lastApvDate: apv.lastApvDate,
        members: folderMembersList,
        open: openActions,
        referatApproved: referat?.record.approved ?? false,
      }),
      referat,
      referater,
      members: folderMembersList,
      apv,
      years: Array.from({ length: FIGURE_YEARS }, (_, i) => newestYear - FIGURE_YEARS + 1 + i),
      figures: folderFigures(years, newestYear, FIGURE_YEARS),
      open: openActions,
      log: audit.map((a): LogLine => logLine(a, members)),
    };
  });
}

/**
 * Every version of every year's referat, and the newest approved one (else the newest) in full. Each is approved as
 * its record's size asks (an AMO or not), which a later change to the setup does not undo.
 */
async function referatPart(r: Repos, ctx: Ctx, discussions: Discussion[], command: string) {
  const ws = ctx.workspace;
  const referater: ReferatVersion[] = [];
  let approved: { discussion: Discussion; version: number } | null = null;
  let newest: { discussion: Discussion; version: number } | null = null;
  for (const discussion of discussions) {
    const versions = await r.summaries.list(ws.id, discussion.id);
    for (const s of [...versions].reverse()) {
      const isApproved = approvalComplete(
        await r.summaries.approvals(ws.id, discussion.id, s.version),
        recordHasAmo(ws, discussion),
      );
      referater.push({
        year: discussion.year,
        version: s.version,
        createdAt: s.createdAt,
        sha256: s.sha256,
        approved: isApproved,
      });
      newest ??= { discussion, version: s.version };
      if (isApproved) approved ??= { discussion, version: s.version };
    }
  }
  const chosen = approved ?? newest;
  if (!chosen) return { referater, referat: null };
  const summary = (await r.summaries.list(ws.id, chosen.discussion.id)).find(
    (s) => s.version === chosen.version,
  );
  if (!summary) return { referater, referat: null };
  const view = await summaryView(r, ws, chosen.discussion, summary, command);
  return { referater, referat: { doc: view.document, record: recordOf(view) } };
}

function logLine(
  a: { at: Date; actorId: string; action: string; details: Record<string, unknown> },
  members: Member[],
): LogLine {
  const version = typeof a.details.version === "number" ? a.details.version : null;
  const who = members.find((m) => m.userId === a.actorId)?.name || a.actorId;
  return { at: a.at, who, action: a.action, version };
}

/** The folder as files: one PDF, and one ZIP of Markdown and CSV with the same content. */
export async function inspectionFiles(deps: Deps, ctx: Ctx): Promise<OutboundFile[]> {
  const folder = await inspectionFolder(deps, ctx);
  // pdfkit is loaded when a PDF is asked for, as for the referat's export.
  const [{ renderInspectionPdf }, { renderInspectionZip }] = await Promise.all([
    import("../render/inspection-pdf.ts"),
    import("../render/inspection-files.ts"),
  ]);
  const pdfName = inspectionFileName(folder.today, "pdf");
  const zipName = inspectionFileName(folder.today, "zip");
  const title = t(folder.language, "inspection.title");
  return [
    { name: pdfName, title, mimeType: "application/pdf", content: await renderInspectionPdf(folder) },
    { name: zipName, title, mimeType: "application/zip", content: renderInspectionZip(folder) },
  ];
}

/** Sends the folder's files to a conversation the asker alone reads. */
export async function sendInspection(deps: Deps, ctx: Ctx, input: { channel: string }): Promise<number> {
  const files = await inspectionFiles(deps, ctx);
  const chat = deps.chatFor(ctx.workspace);
  for (const file of files) await chat.sendFile(input.channel, file);
  return files.length;
}
