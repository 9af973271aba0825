import { type Ctx, type Deps, languageOf, read } from "./context.ts";
import type { FormContext, FormKind } from "./forms.ts";
import { recordHasAmo } from "./record-size.ts";
import { unjudgedGoals } from "./views.ts";

/** The forms that read their discussion: point 7's goals, and point 9's fields by the record's size. */
const READS_DISCUSSION: readonly (FormKind | undefined)[] = [undefined, "goal_verdict", "cooperation_plan"];

/**
 * What a form needs to show and check its fields: the members (whose names a note is checked for, next to a health
 * word), at point 7 last year's goals, and whether the record's workplace has an AMO. Given the form's kind, only what
 * that form needs is read (a Slack modal's submit waits for this before its answer).
 */
export function formContext(
  deps: Deps,
  ctx: Ctx,
  discussionId?: string,
  kind?: FormKind,
): Promise<FormContext> {
  const language = languageOf(ctx);
  return read(deps, async (r) => {
    const members = await r.members.list(ctx.workspace.id);
    if (!READS_DISCUSSION.includes(kind))
      return { language, members, carriedGoals: [], hasAmo: recordHasAmo(ctx.workspace, null) };
    const discussion = discussionId ? await r.discussions.get(ctx.workspace.id, discussionId) : null;
    const carried =
      discussion && kind !== "cooperation_plan" ? await unjudgedGoals(r, ctx.workspace, discussion) : [];
    return { language, members, carriedGoals: carried, hasAmo: recordHasAmo(ctx.workspace, discussion) };
  });
}
