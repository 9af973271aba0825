import { describeEntry } from "../domain/describe-entry.ts";
import type { Discussion } from "../domain/entities.ts";
import type { EntryKind } from "../domain/entries.ts";
import { type Ctx, type Deps, languageOf, read } from "./context.ts";
import { mayChange } from "./entries.ts";
import { AppError } from "./errors.ts";
import { formValues } from "./forms/values.ts";
import type { FieldValue } from "./forms.ts";
import type { Repos } from "./ports.ts";

/** An entry a person may change or remove, as a list to choose from names it. */
export interface ChangeableEntry {
  id: string;
  kind: EntryKind;
  /** Its kind and the start of its text, in the person's language. */
  label: string;
}

/** As many as a Slack select or a card's choice set shows. */
const MAX_LISTED = 100;

/**
 * The entries at a point that this person may change or remove: their own, or every one when they organise the
 * meeting. Notes from the thread are left out: they change with the reply they came from.
 */
export async function changeableEntries(
  deps: Deps,
  ctx: Ctx,
  input: { discussionId: string; point: number },
): Promise<ChangeableEntry[]> {
  const language = languageOf(ctx);
  return read(deps, async (r) => {
    const discussion = await changingDiscussion(r, ctx, input.discussionId);
    const entries = await r.entries.forPoint(ctx.workspace.id, discussion.id, input.point);
    return entries
      .filter((e) => e.source !== "thread" && mayChange(ctx, e, discussion))
      .slice(-MAX_LISTED)
      .reverse()
      .map((e) => {
        const d = describeEntry(e, language, ctx.workspace.timeZone);
        return { id: e.id, kind: e.kind, label: `${d.label}: ${d.text}` };
      });
  });
}

/** What the form for changing an entry shows: its kind and point, and the fields filled in as it stands. */
export interface EntryForm {
  entryId: string;
  discussionId: string;
  point: number;
  kind: EntryKind;
  label: string;
  values: Record<string, FieldValue>;
  /**
   * Whether its form can show it: a verdict on one of last year's goals cannot, since the form offers only the goals
   * not yet judged. It is removed and given again instead.
   */
  editable: boolean;
}

/** The entry to change or remove, checked as the change itself will be: the person may, and the record is open. */
export async function entryForm(deps: Deps, ctx: Ctx, entryId: string): Promise<EntryForm> {
  return read(deps, async (r) => {
    const entry = await r.entries.get(ctx.workspace.id, entryId);
    if (!entry) throw new AppError("not_found", "error.not_found");
    const discussion = await changingDiscussion(r, ctx, entry.discussionId);
    if (!mayChange(ctx, entry, discussion)) throw new AppError("forbidden", "error.not_author");
    const d = describeEntry(entry, languageOf(ctx), ctx.workspace.timeZone);
    return {
      entryId: entry.id,
      discussionId: entry.discussionId,
      point: entry.point,
      kind: entry.kind,
      label: `${d.label}: ${d.text}`,
      values: formValues(entry.data),
      editable: !(entry.kind === "goal_verdict" && (entry.data as { goalId?: string }).goalId),
    };
  });
}

/**
 * The key a removal is done under: a second "Fjern" from the same person (another click, another modal) is told the
 * same as the first; anyone else is checked afresh.
 */
export const removalKey = (entryId: string, userId: string) => `entry.remove:${entryId}:${userId}`;

/** A concluded record changes only by "add to the minutes", which makes a new version to approve. */
async function changingDiscussion(r: Repos, ctx: Ctx, discussionId: string): Promise<Discussion> {
  const discussion = await r.discussions.get(ctx.workspace.id, discussionId);
  if (!discussion) throw new AppError("not_found", "error.not_found");
  if (discussion.status === "concluded" || discussion.status === "approved")
    throw new AppError("refused", "refusal.concluded_use_amend");
  return discussion;
}
