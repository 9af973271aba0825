import type { PointForm } from "../domain/agenda.ts";
import type { Discussion, Workspace } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import { yearFigures } from "../domain/year-figures.ts";
import { t } from "../i18n/index.ts";
import type { Repos } from "./ports.ts";

/** Earlier years' figures beside this year's: the four held before it (five years with this one). */
const EARLIER = 4;

/**
 * What earlier years say at a point, as lines to show with it and in the referat: at point 6 the accident figures of
 * the years before, at point 7 that a year was skipped (this discussion carries on from the last one held).
 */
export async function earlierYears(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  form: PointForm | undefined,
): Promise<string[]> {
  if (form !== "accident_overview" && form !== "goal_verdict") return [];
  const l = workspace.language;
  const held = (await r.discussions.list(workspace.id)).filter(
    (d) => d.year < discussion.year && d.status !== "planned",
  );
  const last = held[0];
  if (form === "goal_verdict")
    return last && last.year < discussion.year - 1 ? [t(l, "years.skipped", { year: last.year })] : [];
  const recorded = [];
  for (const d of held.slice(0, EARLIER)) {
    const entries = await r.entries.forDiscussion(workspace.id, d.id);
    const overviews = entries
      .filter((e) => e.kind === "accident_overview")
      .map((e) => e.data as EntryData["accident_overview"]);
    recorded.push({ year: d.year, overviews });
  }
  const figures = yearFigures(recorded, discussion.year - 1, EARLIER);
  if (figures.length === 0) return [];
  return [
    t(l, "years.earlier_figures"),
    ...figures.reverse().map((f) => `${f.year}: ${t(l, "field.accidents", { ...f })}`),
  ];
}
