import { isDeepStrictEqual } from "node:util";
import { AGENDA, agendaPoint } from "../domain/agenda.ts";
import { describeEntry } from "../domain/describe-entry.ts";
import type { EntryData } from "../domain/entries.ts";
import type { AgendaItem, Discussion, Entry, Repos, Workspace } from "../store/index.ts";
import type { BoardView, PointView, ViewEntry } from "./chat-port.ts";
import { kept } from "./kept.ts";

/**
 * Entries as shown, each kept with what it was described from (an entry's id fixes its kind and author): a busy
 * point's card shows the same thirty entries to every request until one changes, and each is described once. Compared
 * field by field rather than keyed by its data as text, which took longer than the describing it saved.
 * Shared: never changed.
 */
const shown = new Map<string, Shown>();
const SHOWN_KEPT = 2000;
interface Shown {
  language: Workspace["language"];
  timeZone: string;
  status: Entry["status"];
  data: unknown;
  view: ViewEntry;
}

export function viewEntry(entry: Entry, workspace: Workspace): ViewEntry {
  const { language, timeZone } = workspace;
  const before = shown.get(entry.id);
  if (
    before &&
    before.language === language &&
    before.timeZone === timeZone &&
    before.status === entry.status &&
    isDeepStrictEqual(before.data, entry.data)
  )
    return before.view;
  const view: ViewEntry = {
    id: entry.id,
    kind: entry.kind,
    authorId: entry.authorId,
    status: entry.status,
    described: describeEntry(entry, language, timeZone),
  };
  if (!before && shown.size >= SHOWN_KEPT) shown.delete(shown.keys().next().value as string);
  // A copy: what it is compared with next time must not change with the entry read now.
  shown.set(entry.id, { language, timeZone, status: entry.status, data: structuredClone(entry.data), view });
  return view;
}

/** Last year's goals that still wait for a verdict: the previous discussion's goals not yet judged this year. */
export async function carriedGoals(r: Repos, workspace: Workspace, discussion: Discussion) {
  const previous = await r.discussions.previous(workspace.id, discussion.year);
  if (!previous) return [];
  const goals = (await r.entries.forDiscussion(workspace.id, previous.id)).filter((e) => e.kind === "goal");
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
): Promise<PointView["carriedGoals"]> {
  const judged = await r.entries.judgedGoalIds(workspace.id, discussion.id);
  return (await carriedGoals(r, workspace, discussion))
    .filter((g) => !judged.has(g.id))
    .map(({ id, text, successCriterion }) => ({ id, text, successCriterion }));
}

/** `items`: the discussion's agenda items, as a refresh has just read them (with each point's entry count). */
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
      title: p.title[workspace.language],
      status: items.find((i) => i.number === p.number)?.status ?? "pending",
      entryCount: items.find((i) => i.number === p.number)?.entryCount ?? 0,
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
  const [items, here] = await Promise.all([
    agenda ?? r.discussions.agenda(workspace.id, discussion.id),
    r.entries.latestForPoint(workspace.id, discussion.id, number, POINT_VIEW_ENTRIES),
  ]);
  return pointViewFrom(r, workspace, discussion, number, items, here);
}

/** The point views made from one read of a point (keyed by what that read answered), by language and time zone. */
const viewsOf = new WeakMap<object, Map<string, Promise<PointView>>>();

/**
 * A point's view from a gathered read (store/gathered.ts pointNow). Requests answered from the same read (one point,
 * asked together) share one view of it: the entries are described once, not once per request.
 */
export function viewOfRead(
  r: Repos,
  workspace: Workspace,
  now: { discussion: Discussion; agenda: AgendaItem[]; latest: { entries: Entry[]; total: number } },
  point: number,
): Promise<PointView> {
  let views = viewsOf.get(now.latest);
  if (!views) {
    views = new Map();
    viewsOf.set(now.latest, views);
  }
  return kept(views, `${workspace.language} ${workspace.timeZone}`, () =>
    pointViewFrom(r, workspace, now.discussion, point, now.agenda, now.latest),
  );
}

/** pointView from what was read already: the agenda and the point's newest entries with their count. */
export async function pointViewFrom(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  number: number,
  items: AgendaItem[],
  here: { entries: Entry[]; total: number },
): Promise<PointView> {
  const point = agendaPoint(number);
  const carried = point.form === "goal_verdict" ? await unjudgedGoals(r, workspace, discussion) : [];
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
    status: items.find((i) => i.number === number)?.status ?? "pending",
    isCurrent: discussion.currentPoint === number,
    entries: here.entries.map((e) => viewEntry(e, workspace)),
    entryCount: here.total,
    carriedGoals: carried,
  };
}
