import { type Ctx, type Deps, languageOf, read } from "./context.ts";
import type { FormContext, FormKind } from "./forms.ts";
import { unjudgedGoals } from "./views.ts";

/**
 * What a form needs to show and check its fields: the members (whose names a note is checked for, next to a health
 * word), and at point 7 last year's goals. Given the form's kind, only what that form needs is read (a Slack modal's
 * submit waits for this before its answer).
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
    if (kind && kind !== "goal_verdict") return { language, members, carriedGoals: [] };
    const discussion = discussionId ? await r.discussions.get(ctx.workspace.id, discussionId) : null;
    const carried = discussion ? await unjudgedGoals(r, ctx.workspace, discussion) : [];
    return { language, members, carriedGoals: carried };
  });
}
