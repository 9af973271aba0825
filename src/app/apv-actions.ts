import type { Discussion } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import { planApv, planEntry } from "../scheduler/plan.ts";
import type { Ctx } from "./context.ts";
import type { Repos } from "./ports.ts";

/** Where a decision came from when the APV's action plan made it. */
export const APV_SOURCE = "apv";

/**
 * The APV action plan's items become decisions at point 4, with their owner and deadline: followed up like any other
 * decision (reminders, the follow-up list, done and postpone), and their status shown at the point. An item already
 * there (the form sent again, or the plan recorded anew with it) is not made twice.
 */
export async function followUpApvActions(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  data: EntryData["apv_status"],
  now: Date,
): Promise<void> {
  if (!data.actions?.length) return;
  const existing = (await r.entries.forDiscussion(ctx.workspace.id, discussion.id)).filter(
    (e) => e.point === 4 && e.kind === "decision" && e.source === APV_SOURCE,
  );
  const known = new Set(existing.map((e) => (e.data as EntryData["decision"]).text));
  for (const action of data.actions) {
    if (known.has(action.text)) continue;
    known.add(action.text);
    const entry = await r.entries.insert(ctx.workspace.id, {
      discussionId: discussion.id,
      point: 4,
      kind: "decision",
      data: { text: action.text, owner: action.owner, deadline: action.deadline },
      authorId: ctx.actor.userId,
      ownerId: action.owner.id ?? null,
      deadline: action.deadline,
      status: "open",
      source: APV_SOURCE,
    });
    await planEntry(r, ctx.workspace, entry, now);
  }
}

/**
 * After a point 4 answer is changed or removed: a changed plan's new items become decisions, and the APV's reminders
 * follow the newest APV date still on record (none, when none is left).
 */
export async function afterApvChange(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  changed: EntryData["apv_status"] | null,
  now: Date,
): Promise<void> {
  if (changed) await followUpApvActions(r, ctx, discussion, changed, now);
  const ws = ctx.workspace.id;
  const dates: string[] = [];
  for (const d of await r.discussions.list(ws))
    for (const e of await r.entries.forDiscussion(ws, d.id)) {
      const date = e.kind === "apv_status" ? (e.data as EntryData["apv_status"]).lastApvDate : undefined;
      if (date) dates.push(date);
    }
  const newest = dates.sort().at(-1);
  if (newest) await planApv(r, ctx.workspace, newest, now);
  else await r.reminders.cancel(ws, ws, "apv.");
}
