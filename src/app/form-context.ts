import type { Discussion, Member } from "../domain/entities.ts";
import { type Ctx, type Deps, languageOf, read } from "./context.ts";
import type { FormContext, FormKind } from "./forms.ts";
import { recordHasAmo } from "./record-size.ts";
import { unjudgedGoals } from "./views.ts";

/** As many as an attendance entry holds. */
const MAX_ATTENDEES = 200;

/** Who the meeting was planned with, as point 1 first suggests them present: the plan's participants, else the roster. */
function invited(discussion: Discussion | null, members: Member[]): { id?: string; name: string }[] {
  if (discussion && discussion.participants.length > 0)
    return discussion.participants.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name }));
  return members.slice(0, MAX_ATTENDEES).map((m) => ({ id: m.userId, name: m.name || m.userId }));
}

/** The forms that read their discussion: point 1's invited, point 7's goals, point 9's fields by the record's size. */
const READS_DISCUSSION: readonly (FormKind | undefined)[] = [
  undefined,
  "minute_taker",
  "goal_verdict",
  "cooperation_plan",
];

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
    const hasAmo = recordHasAmo(ctx.workspace, discussion);
    if (kind === "minute_taker")
      return { language, members, carriedGoals: [], hasAmo, invited: invited(discussion, members) };
    const carried =
      discussion && kind !== "cooperation_plan" ? await unjudgedGoals(r, ctx.workspace, discussion) : [];
    return { language, members, carriedGoals: carried, hasAmo };
  });
}
