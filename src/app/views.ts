import { AGENDA } from "../domain/agenda.ts";
import { pointForSize, titleForSize } from "../domain/agenda-size.ts";
import { describeEntry } from "../domain/describe-entry.ts";
import type { AgendaItem, Discussion, Entry, Workspace } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import { roundSettings } from "../domain/round.ts";
import { roundDigest, roundLines, showsRound } from "../domain/round-digest.ts";
import { t } from "../i18n/index.ts";
import { cardRights } from "./card-rights.ts";
import type { BoardView, PointView, ViewEntry } from "./chat-port.ts";
import { earlierYears } from "./earlier-years.ts";
import type { Repos } from "./ports.ts";
import { headcountOf } from "./record-size.ts";

/** An entry as a message shows it, described in the workspace's language and time zone. */
export function viewEntry(entry: Entry, workspace: Workspace): ViewEntry {
  return {
    id: entry.id,
    kind: entry.kind,
    authorId: entry.authorId,
    status: entry.status,
    described: describeEntry(entry, workspace.language, workspace.timeZone),
  };
}

/**
 * Last year's goals that still wait for a verdict: the previous discussion's goals not yet judged this year.
 * `previous`, when the caller has read it already (null: there is none).
 */
export async function carriedGoals(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  previous?: Discussion | null,
) {
  const before =
    previous === undefined ? await r.discussions.previous(workspace.id, discussion.year) : previous;
  if (!before) return [];
  const goals = (await r.entries.forDiscussion(workspace.id, before.id)).filter((e) => e.kind === "goal");
  return goals.map((g) => {
    const data = g.data as EntryData["goal"];
    return { id: g.id, text: data.text, successCriterion: data.successCriterion, status: g.status };
  });
}

/** Last year's goals still waiting for a verdict in this discussion. */
export async function unjudgedGoals(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  previous?: Discussion | null,
): Promise<PointView["carriedGoals"]> {
  const judged = await r.entries.judgedGoalIds(workspace.id, discussion.id);
  return (await carriedGoals(r, workspace, discussion, previous))
    .filter((g) => !judged.has(g.id))
    .map(({ id, text, successCriterion }) => ({ id, text, successCriterion }));
}

/** `items`: the discussion's agenda items, as a refresh has just read them. */
export function boardView(workspace: Workspace, discussion: Discussion, items: AgendaItem[]): BoardView {
  return {
    discussionId: discussion.id,
    year: discussion.year,
    status: discussion.status,
    version: discussion.version,
    language: workspace.language,
    timeZone: workspace.timeZone,
    scheduledAt: discussion.scheduledAt,
    location: discussion.location,
    currentPoint: discussion.currentPoint,
    points: AGENDA.map((p) => ({
      number: p.number,
      title: titleForSize(p.number, headcountOf(workspace, discussion))[workspace.language],
      status: items.find((i) => i.number === p.number)?.status ?? "pending",
    })),
  };
}

/**
 * The newest entries a point's message shows. A busy point can collect hundreds; the message stays readable and
 * every refresh stays cheap, while the summary holds them all.
 */
export const POINT_VIEW_ENTRIES = 30;

export async function pointView(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  number: number,
  agenda?: AgendaItem[],
): Promise<PointView> {
  const [items, newest] = await Promise.all([
    agenda ?? r.discussions.agenda(workspace.id, discussion.id),
    r.entries.latestForPoint(workspace.id, discussion.id, number, POINT_VIEW_ENTRIES),
  ]);
  return pointViewFrom(r, workspace, discussion, number, items, newest);
}

/** A point as it is now, to answer with; null when the discussion is not there (or not in this workspace). */
export async function currentPointView(
  r: Repos,
  workspace: Workspace,
  discussionId: string,
  number: number,
): Promise<PointView | null> {
  const discussion = await r.discussions.get(workspace.id, discussionId);
  return discussion && pointView(r, workspace, discussion, number);
}

/** pointView from what was read already: the agenda (with each point's entry count) and the point's newest entries. */
async function pointViewFrom(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  number: number,
  items: AgendaItem[],
  newest: Entry[],
): Promise<PointView> {
  const point = pointForSize(number, headcountOf(workspace, discussion));
  const item = items.find((i) => i.number === number);
  const lastYear = point.form === "goal_verdict" ? await goalsToAssess(r, workspace, discussion) : null;
  const earlier = await earlierYears(r, workspace, discussion, point.form);
  return {
    discussionId: discussion.id,
    discussionStatus: discussion.status,
    version: discussion.version,
    language: workspace.language,
    timeZone: workspace.timeZone,
    number,
    title: point.title[workspace.language],
    questions: point.questions[workspace.language],
    help: point.help[workspace.language],
    form: point.form ?? null,
    status: item?.status ?? "pending",
    isCurrent: discussion.currentPoint === number,
    entries: newest.map((e) => viewEntry(e, workspace)),
    entryCount: item?.entryCount ?? newest.length,
    carriedGoals: lastYear?.goals ?? [],
    ...(lastYear?.firstYear ? { firstYear: true } : {}),
    ...(earlier.length > 0 ? { earlier } : {}),
    ...(showsRound(number) ? await roundOfPoint(r, workspace, discussion.id, number) : {}),
    ...(number === AGENDA.length ? { rights: await cardRights(r, workspace, discussion) } : {}),
  };
}

/** The preparation round's counts and this point's input, for a point that shows them; nothing without a round. */
async function roundOfPoint(r: Repos, workspace: Workspace, discussionId: string, point: number) {
  const digest = await readRoundDigest(r, workspace, discussionId);
  if (!digest) return {};
  const l = workspace.language;
  return { round: { heading: t(l, "round.heading"), ...roundLines(digest, point, (k, p) => t(l, k, p)) } };
}

/** The round's digest; null when no round was held. */
export async function readRoundDigest(r: Repos, workspace: Workspace, discussionId: string) {
  const invites = await r.round.invites(workspace.id, discussionId);
  if (invites.length === 0) return null;
  const answers = await r.round.answers(workspace.id, discussionId);
  return roundDigest(invites, answers, roundSettings(workspace.settings).anonymous);
}

/** Point 7's goals to assess, and whether this is the first year (no earlier discussion, so none to assess). */
async function goalsToAssess(r: Repos, workspace: Workspace, discussion: Discussion) {
  const previous = await r.discussions.previous(workspace.id, discussion.year);
  const held = discussion.status === "planned" || discussion.status === "running";
  if (!previous) return { goals: [], firstYear: held };
  return { goals: await unjudgedGoals(r, workspace, discussion, previous), firstYear: false };
}
