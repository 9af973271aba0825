import { createHash } from "node:crypto";
import { pointForSize } from "../domain/agenda-size.ts";
import { type Completeness, checkCompleteness } from "../domain/completeness.ts";
import type {
  AgendaItem,
  Discussion,
  Entry,
  Member,
  RecordPeople,
  Summary,
  Workspace,
} from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import { recordFileName } from "../domain/file-names.ts";
import {
  type FollowUpSettings,
  type SummaryDocument,
  type SummaryEntry,
  summaryDocument,
} from "../domain/summary.ts";
import { markdownFile, renderMarkdown } from "../domain/summary-markdown.ts";
import type { RecordState } from "../domain/summary-record.ts";
import type { PointStatus, Role } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import { type ReminderKind, reminderSetting } from "../scheduler/plan.ts";
import { cardRights } from "./card-rights.ts";
import type { OutboundFile, SummaryView } from "./chat-port.ts";
import { commandOf } from "./command-name.ts";
import type { Deps } from "./context.ts";
import { earlierYears, figuresToDate } from "./earlier-years.ts";
import type { Repos } from "./ports.ts";
import { recordPeopleOf } from "./record-people.ts";
import { headcountOf, recordHasAmo } from "./record-size.ts";
import { carriedGoals, readRoundDigest } from "./views.ts";

export async function completenessOf(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
): Promise<Completeness> {
  const entries = await r.entries.forDiscussion(workspace.id, discussion.id);
  const carried = await carriedGoals(r, workspace, discussion);
  const previous = await r.discussions.previous(workspace.id, discussion.year);
  return checkCompleteness({
    headcount: headcountOf(workspace, discussion) ?? 1,
    // Every goal needs a verdict, also one marked done during the year: done is not judged by its success criterion.
    carriedGoalIds: carried.map((g) => g.id),
    firstYear: previous === null,
    entries: entries.map((e) => ({ point: e.point, kind: e.kind, data: e.data as never })),
  });
}

/** Links to each point's thread, as stored when the point's message was posted. */
export async function threadLinks(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
): Promise<Map<number, string>> {
  const links = new Map<number, string>();
  for (const item of await r.discussions.agenda(workspace.id, discussion.id)) {
    if (item.message?.url) links.set(item.number, item.message.url);
  }
  return links;
}

export async function buildSummaryDocument(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  version: number | null,
  command: string,
): Promise<SummaryDocument> {
  const links = await threadLinks(r, workspace, discussion);
  const [entries, items, people] = await Promise.all([
    r.entries.forDiscussion(workspace.id, discussion.id),
    r.discussions.agenda(workspace.id, discussion.id),
    recordPeopleOf(r, workspace, discussion),
  ]);
  return summaryDocument({
    language: workspace.language,
    command,
    workspaceName: workspace.name,
    year: discussion.year,
    status: discussion.status,
    heldAt: discussion.startedAt,
    concludedAt: discussion.concludedAt,
    plannedAt: discussion.scheduledAt,
    timeZone: workspace.timeZone,
    location: discussion.location,
    channelName: discussion.channelName,
    headcount: people.headcount,
    participants: people.participants,
    ...(people.absent?.length ? { absent: people.absent } : {}),
    ...(employerMissing(people) ? { employerMissing: true } : {}),
    employerStandIn: people.employerStandIn,
    followUp: followUpOf(workspace),
    points: await Promise.all(
      items.map(async (i) => ({
        number: i.number,
        status: statusShown(i, entries),
        threadUrl: links.get(i.number) ?? null,
        earlier: await earlierYears(
          r,
          workspace,
          discussion,
          pointForSize(i.number, headcountOf(workspace, discussion)).form,
        ),
      })),
    ),
    entries: entries.map(
      (e): SummaryEntry => ({
        id: e.id,
        point: e.point,
        kind: e.kind,
        data: e.data as EntryData[typeof e.kind],
        status: e.status,
      }),
    ),
    completeness: await completenessOf(r, workspace, discussion),
    concludedBy: discussion.concludedBy,
    overrideReason: discussion.concludeOverrideReason,
    version,
    lastYearGoals: await lastYearGoals(r, workspace, discussion, entries),
    yearFigures: await figuresToDate(r, workspace, discussion),
    round: await readRoundDigest(r, workspace, discussion.id),
  });
}

/**
 * A point the meeting never reached is still treated where something was recorded under it during the meeting, so
 * its status does not contradict its entries. Input sent before the meeting and the note a conclusion writes in a
 * first year were not said at the meeting.
 */
function statusShown(item: AgendaItem, entries: Entry[]): PointStatus {
  if (item.status !== "pending") return item.status;
  const recorded = entries.some((e) => e.point === item.number && !NOT_SAID_AT_MEETING.includes(e.source));
  return recorded ? "done" : "pending";
}
const NOT_SAID_AT_MEETING: readonly string[] = ["pre_input", "first_year"];

/** The participants are named, but none is the employer and no one stood in who could decide for the employer. */
const employerMissing = (people: RecordPeople) =>
  people.participants.length > 0 &&
  !people.participants.some((p) => p.role === "employer") &&
  !people.employerStandIn;

/** How decisions are followed up, from the reminders the workplace has on. */
function followUpOf(workspace: Workspace): FollowUpSettings {
  const on = (kind: ReminderKind) => reminderSetting(workspace, kind).enabled;
  return {
    daysBefore: on("entry.week_before") ? reminderSetting(workspace, "entry.week_before").daysBefore : null,
    onDeadline: on("entry.due"),
    quarterly: on("quarterly.status"),
    nextYear: on("cycle.due"),
  };
}

/** Last year's goals, each with the verdict given this year (if any). */
async function lastYearGoals(r: Repos, workspace: Workspace, discussion: Discussion, entries: Entry[]) {
  return (await carriedGoals(r, workspace, discussion)).map((g) => {
    const verdict = entries.find(
      (e) => e.kind === "goal_verdict" && (e.data as EntryData["goal_verdict"]).goalId === g.id,
    );
    return {
      text: g.text,
      successCriterion: g.successCriterion,
      status: g.status,
      verdict: verdict ? (verdict.data as EntryData["goal_verdict"]).verdict : null,
    };
  });
}

export function sha256(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

/** Writes the next version of the summary from what is stored now. */
export async function createSummaryVersion(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  createdBy: string,
  command: string,
): Promise<Summary> {
  const latest = await r.summaries.latest(workspace.id, discussion.id);
  const version = (latest?.version ?? 0) + 1;
  const doc = await buildSummaryDocument(r, workspace, discussion, version, command);
  const content = renderMarkdown(doc);
  return r.summaries.insert(workspace.id, {
    discussionId: discussion.id,
    version,
    language: workspace.language,
    content,
    sha256: sha256(content),
    createdBy,
    message: null,
    document: doc,
  });
}

export async function summaryView(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  summary: Summary,
  command: string,
): Promise<SummaryView> {
  const [approvals, versions, rights] = await Promise.all([
    r.summaries.approvals(workspace.id, discussion.id, summary.version),
    r.summaries.list(workspace.id, discussion.id),
    cardRights(r, workspace, discussion),
  ]);
  return {
    discussionId: discussion.id,
    language: summary.language,
    // A version shows what it said when written (only versions from before that was kept are built again); its
    // status is the discussion's now, as its approvals are: a reopened discussion is under way again.
    document: summary.document
      ? { ...summary.document, status: discussion.status }
      : await buildSummaryDocument(r, workspace, discussion, summary.version, command),
    markdown: summary.content,
    version: summary.version,
    sha256: summary.sha256,
    approvals: approvals.map((a) => ({ name: a.name, role: a.role, at: a.at })),
    approved: approvalComplete(approvals, recordHasAmo(workspace, discussion)),
    versions: versions.map((v) => ({ version: v.version, sha256: v.sha256, createdAt: v.createdAt })),
    rights,
  };
}

/** The employer's side and the employees' side (an AMO representative, where there is an AMO) have both approved. */
export function approvalComplete(approvals: { role: Role }[], hasAmo: boolean): boolean {
  const employer = approvals.some((a) => EMPLOYER_SIDE.includes(a.role));
  const employees = approvals.some((a) =>
    hasAmo ? a.role === "amo_representative" : !EMPLOYER_SIDE.includes(a.role),
  );
  return employer && employees;
}
const EMPLOYER_SIDE: readonly Role[] = ["employer", "employer_representative"];

/** Updates the posted summary message (approvals changed; the content did not). */
export async function refreshSummaryMessage(
  deps: Deps,
  workspace: Workspace,
  discussionId: string,
): Promise<void> {
  const r = deps.store.repos;
  const discussion = await r.discussions.get(workspace.id, discussionId);
  const latest = discussion ? await r.summaries.latest(workspace.id, discussionId) : null;
  if (!discussion || !latest?.message || "pending" in latest.message) return;
  await deps
    .chatFor(workspace)
    .update(latest.message, {
      kind: "summary",
      view: await summaryView(r, workspace, discussion, latest, commandOf(deps, workspace)),
    })
    .catch((error) => deps.log.warn("could not update the summary message", { error: String(error) }));
}

/**
 * Posts the newest summary version in the channel, pins it and attaches the Markdown; when an earlier version was
 * posted, that message is updated in place instead, so the pinned record is always the newest. Runs once per
 * version however often it is called.
 */
export async function publishSummary(
  deps: Deps,
  workspace: Workspace,
  discussionId: string,
): Promise<{ posted: boolean; pinned: boolean }> {
  const r = deps.store.repos;
  const discussion = await r.discussions.get(workspace.id, discussionId);
  const summaries = discussion ? await r.summaries.list(workspace.id, discussionId) : [];
  const latest = summaries.at(-1);
  if (!discussion?.channelId || !latest) return { posted: false, pinned: false };
  if (latest.message && !("pending" in latest.message)) return { posted: false, pinned: false };
  if (!(await r.summaries.claimMessage(workspace.id, discussionId, latest.version))) {
    return { posted: false, pinned: false };
  }
  const chat = deps.chatFor(workspace);
  const view = await summaryView(r, workspace, discussion, latest, commandOf(deps, workspace));
  const message = { kind: "summary" as const, view };
  const earlier = summaries
    .slice(0, -1)
    .reverse()
    .find((s) => s.message && !("pending" in s.message))?.message;
  try {
    let ref = earlier ?? null;
    let pinned = false;
    if (ref) await chat.update(ref, message);
    else {
      ref = await chat.post(discussion.channelId, message);
      pinned = (await chat.pin(ref).catch(() => "unsupported" as const)) === "pinned";
    }
    await r.summaries.setMessage(workspace.id, discussionId, latest.version, ref);
    if (!earlier && !pinned) {
      // Where the platform cannot pin (Teams channels), say plainly where the record is kept.
      const text = t(workspace.language, "summary.posted_unpinned", {
        version: latest.version,
        command: commandOf(deps, workspace),
      });
      await chat
        .replyInThread(ref, { kind: "text", view: { language: workspace.language, text } })
        .catch((error) => deps.log.warn("could not say where the summary is kept", { error: String(error) }));
    }
    await chat
      .sendFile(discussion.channelId, summaryFile(message.view), ref)
      .catch((error) => deps.log.warn("could not upload the summary file", { error: String(error) }));
    return { posted: true, pinned };
  } catch (error) {
    await r.summaries.setMessage(workspace.id, discussionId, latest.version, null);
    throw error;
  }
}

/** A version as the Markdown file people download: its text, then its status, approvals and versions as now. */
export function summaryFile(view: SummaryView): OutboundFile {
  const { year } = view.document;
  return {
    name: recordFileName(year, view.version, "md"),
    title: t(view.language, "summary.file_title", { year, version: view.version }),
    mimeType: "text/markdown",
    content: markdownFile(view.markdown, view.document, recordOf(view)),
  };
}

/** The parts of a view the record's status, approvals and versions are drawn from. */
export const recordOf = (view: SummaryView): RecordState => ({
  version: view.version,
  sha256: view.sha256,
  approvals: view.approvals,
  approved: view.approved,
  versions: view.versions ?? [],
});

/**
 * Posts every summary that was written but never posted: its process died between the commit and the post (or
 * the post failed). Runs on each dispatcher tick; a claim younger than the claim timeout is left to its owner.
 */
export async function publishPending(deps: Deps): Promise<number> {
  const r = deps.store.repos;
  let posted = 0;
  for (const pending of await r.summaries.unposted()) {
    const workspace = await r.workspaces.get(pending.workspaceId);
    if (!workspace) continue;
    const result = await publishSummary(deps, workspace, pending.discussionId).catch((error) => {
      deps.log.warn("could not post a pending summary", { error: String(error) });
      return { posted: false };
    });
    if (result.posted) posted++;
  }
  return posted;
}
