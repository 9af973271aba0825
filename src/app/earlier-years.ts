import type { PointForm } from "../domain/agenda.ts";
import { localDateOf } from "../domain/calendar.ts";
import { describeEntry } from "../domain/describe-entry.ts";
import type { Discussion, Workspace } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import type { Language } from "../domain/types.ts";
import { type YearFigures, yearFigures } from "../domain/year-figures.ts";
import { formatDate, t } from "../i18n/index.ts";
import type { Repos } from "./ports.ts";

/** Earlier years' figures beside this year's: the four held before it (five years with this one). */
const EARLIER = 4;
/** The postponements read for point 8's history: far more than a workplace makes in a few years. */
const POSTPONEMENTS_READ = 1000;

/**
 * What earlier years say at a point, as lines to show with it and in the referat: at point 6 the accident figures of
 * the years before; at point 7 a skipped year (this discussion carries on from the last one held) and how many of its
 * decisions were done by the deadline first agreed; at point 8 what is still open from earlier years.
 */
export async function earlierYears(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  form: PointForm | undefined,
): Promise<string[]> {
  if (form !== "accident_overview" && form !== "goal_verdict" && form !== "focus_area") return [];
  const held = (await r.discussions.list(workspace.id)).filter(
    (d) => d.year < discussion.year && d.status !== "planned",
  );
  if (form === "goal_verdict") return lastYearLines(r, workspace, discussion, held[0]);
  if (form === "focus_area") return openFromEarlier(r, workspace, discussion);
  return figureLines(r, workspace, discussion, held);
}

/** Point 7: a skipped year, and how many of the last held discussion's decisions were done by their deadline. */
async function lastYearLines(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  last: Discussion | undefined,
) {
  if (!last) return [];
  const l = workspace.language;
  const lines = last.year < discussion.year - 1 ? [skippedYears(l, last.year, discussion.year)] : [];
  const decisions = (await r.entries.forDiscussion(workspace.id, last.id)).filter(
    (e) => e.kind === "decision",
  );
  if (decisions.length === 0) return lines;
  const moves = await postponements(r, workspace);
  const doneBy = (e: (typeof decisions)[number], deadline: string | null) =>
    e.status === "done" &&
    e.completedAt !== null &&
    (deadline === null || localDateOf(e.completedAt, workspace.timeZone) <= deadline);
  // Judged by the deadline first agreed: one met only because it was moved is counted apart.
  const firstMet = (e: (typeof decisions)[number]) => {
    const moved = moves.get(e.id);
    return doneBy(e, moved ? moved.first : e.deadline);
  };
  const onTime = decisions.filter(firstMet).length;
  const moved = decisions.filter((e) => !firstMet(e) && doneBy(e, e.deadline)).length;
  const figures = { total: decisions.length, onTime, moved, year: last.year };
  return [...lines, t(l, moved > 0 ? "years.on_time_moved" : "years.on_time", figures)];
}

/**
 * The years between the last discussion held and this one. The bot knows only what was held through it, so the line
 * says it has no record of those years, not that nothing was held.
 */
function skippedYears(language: Language, lastHeld: number, year: number): string {
  const from = lastHeld + 1;
  const to = year - 1;
  const years = from === to ? String(from) : `${from}–${to}`;
  return t(language, "years.skipped", { year: lastHeld, count: to - from + 1, years });
}

/** Point 8: decisions and goals of earlier years still open, with who answers for them and by when. */
async function openFromEarlier(r: Repos, workspace: Workspace, discussion: Discussion) {
  const l = workspace.language;
  const today = discussion.startedAt ? localDateOf(discussion.startedAt, workspace.timeZone) : null;
  const open = (await r.entries.open(workspace.id)).filter((e) => e.year < discussion.year);
  if (open.length === 0) return [];
  const moves = await postponements(r, workspace);
  return [
    t(l, "years.still_open"),
    ...open.map((e) => {
      const { label, text } = describeEntry(e, l, workspace.timeZone);
      const owner = (e.data as { owner?: { name?: string } }).owner?.name ?? t(l, "followup.none");
      const moved = moves.get(e.id);
      const history = moved?.first
        ? ` (${t(l, "years.postponed", { date: formatDate(l, moved.first, workspace.timeZone), count: moved.count })})`
        : "";
      const deadline = e.deadline
        ? `${formatDate(l, e.deadline, workspace.timeZone)}${history}`
        : t(l, "followup.none");
      const overdue = today !== null && e.deadline !== null && e.deadline < today;
      const late = overdue ? ` · ${t(l, "years.overdue")}` : "";
      return `${e.year} · ${label}: ${text} · ${t(l, "followup.owner")}: ${owner} · ${t(l, "followup.deadline")}: ${deadline}${late}`;
    }),
  ];
}

/** The accident figures of the years held before this discussion (up to four) and of this one, oldest first. */
export async function figuresToDate(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
): Promise<YearFigures[]> {
  const held = (await r.discussions.list(workspace.id)).filter(
    (d) => d.year <= discussion.year && d.status !== "planned",
  );
  return gathered(r, workspace, held.slice(0, EARLIER + 1), discussion.year, EARLIER + 1);
}

async function gathered(r: Repos, workspace: Workspace, held: Discussion[], lastYear: number, span: number) {
  const recorded = [];
  for (const d of held) {
    const entries = await r.entries.forDiscussion(workspace.id, d.id);
    const overviews = entries
      .filter((e) => e.kind === "accident_overview")
      .map((e) => e.data as EntryData["accident_overview"]);
    recorded.push({ year: d.year, overviews });
  }
  return yearFigures(recorded, lastYear, span);
}

/** Each postponed item's deadline as first agreed and how often it was moved, from the audit log. */
async function postponements(r: Repos, workspace: Workspace) {
  // `first` is null for an item agreed without a deadline, which was given one by postponing it.
  const moves = new Map<string, { first: string | null; count: number }>();
  for (const record of await r.audit.recent(workspace.id, ["entry.postponed"], POSTPONEMENTS_READ)) {
    const from = (record.details as { from?: string | null } | null)?.from;
    if (!record.subjectId || from === undefined) continue;
    const known = moves.get(record.subjectId);
    moves.set(record.subjectId, { first: known ? known.first : from, count: (known?.count ?? 0) + 1 });
  }
  return moves;
}

/** Point 6: the accident figures of the years held before, newest first. */
async function figureLines(r: Repos, workspace: Workspace, discussion: Discussion, held: Discussion[]) {
  const figures = await gathered(r, workspace, held.slice(0, EARLIER), discussion.year - 1, EARLIER);
  if (figures.length === 0) return [];
  const l = workspace.language;
  return [
    t(l, "years.earlier_figures"),
    ...figures.reverse().map((f) => `${f.year}: ${t(l, "field.accidents", { ...f })}`),
  ];
}
