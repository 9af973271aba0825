import type { Completeness } from "../domain/completeness.ts";
import { POINT_COUNT, transition } from "../domain/discussion.ts";
import type { Discussion } from "../domain/entities.ts";
import { planCycle } from "../scheduler/plan.ts";
import { channelNameOf } from "./channel-name.ts";
import { commandOf } from "./command-name.ts";
import { type Ctx, type Deps, displayName, EMPLOYER_ROLES, inTransaction, requireRole } from "./context.ts";
import { AppError } from "./errors.ts";
import { peopleNow } from "./record-people.ts";
import { completenessOf, createSummaryVersion, publishSummary } from "./summary.ts";
import { syncDiscussion } from "./sync.ts";
import { stateOf } from "./walkthrough.ts";

export type ConcludeResult =
  | { concluded: false; completeness: Completeness }
  | {
      concluded: true;
      completeness: Completeness;
      discussion: Discussion;
      summaryVersion: number;
      pinned: boolean;
    };

const MAX_REASON = 1000;
const ALL_POINTS = Array.from({ length: POINT_COUNT }, (_, i) => i + 1);

/**
 * Concludes the discussion. With something missing it only reports what (nothing changes) unless the actor gives
 * a reason to conclude anyway, which is recorded with their name. Then version 1 (or the next version, after a
 * reopen) of the summary is written, posted, pinned and attached as a file.
 */
export async function conclude(
  deps: Deps,
  ctx: Ctx,
  input: { discussionId: string; expectedVersion: number; overrideReason?: string | null },
  key: string | null,
): Promise<ConcludeResult> {
  const reason = precheckConclude(input);
  const before = await deps.store.repos.discussions.get(ctx.workspace.id, input.discussionId);
  if (!before) throw new AppError("not_found", "error.not_found");
  const concludedBy = await displayName(ctx.actor);
  const channelName = await channelNameOf(deps, ctx.workspace, before.channelId);

  const { value } = await inTransaction(deps, ctx, key, async (r) => {
    await requireRole(r, ctx, EMPLOYER_ROLES, "conclude");
    const discussion = await r.discussions.get(ctx.workspace.id, input.discussionId, true);
    if (!discussion) throw new AppError("not_found", "error.not_found");
    // Someone concluded first: say so, not "try again" (there is nothing left to try).
    if (discussion.status === "concluded" || discussion.status === "approved")
      throw new AppError("refused", "refusal.already_concluded");
    if (discussion.version !== input.expectedVersion)
      throw new AppError("stale", "error.stale", {}, {}, true);
    const completeness = await completenessOf(r, ctx.workspace, discussion);
    if (!completeness.complete && !reason) return { concluded: false as const, completeness };
    const next = transition(await stateOf(r, ctx.workspace.id, discussion), { type: "conclude" });
    if (!next.ok) throw new AppError("refused", `refusal.${next.reason}`);
    const concluded = await r.discussions.applyState(
      ctx.workspace.id,
      discussion.id,
      discussion.version,
      next.state,
      {
        concludedAt: deps.now(),
        concludedBy,
        overrideReason: completeness.complete ? null : reason,
      },
    );
    if (!concluded) throw new AppError("stale", "error.stale", {}, {}, true);
    if (channelName) await r.discussions.nameChannel(ctx.workspace.id, discussion.id, channelName);
    // Who took part is kept as it is now: a later version (an amendment months on) names them, not that day's roster.
    const recordPeople = await peopleNow(r, ctx.workspace, discussion);
    await r.discussions.keepRecordPeople(ctx.workspace.id, discussion.id, recordPeople);
    const named = { ...concluded, ...(channelName ? { channelName } : {}), recordPeople };
    const summary = await createSummaryVersion(
      r,
      ctx.workspace,
      named,
      ctx.actor.userId,
      commandOf(deps, ctx.workspace),
    );
    await planCycle(r, ctx.workspace, named, deps.now());
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "discussion.concluded", discussion.id, {
      missing: [...completeness.legal, ...completeness.duties, ...completeness.goodPractice],
      overrideReason: completeness.complete ? null : reason,
      summaryVersion: summary.version,
      sha256: summary.sha256,
    });
    return { concluded: true as const, completeness, summaryVersion: summary.version };
  });
  if (!value.concluded) return value;
  // Every point's message shows its final state now, without buttons that record.
  await syncDiscussion(deps, ctx.workspace, input.discussionId, ALL_POINTS);
  // The conclusion is stored either way; a summary that cannot be posted now is posted by the next sweep.
  const { pinned } = await publishSummary(deps, ctx.workspace, input.discussionId).catch((error) => {
    deps.log.warn("could not post the summary yet", { error: String(error) });
    return { posted: false, pinned: false };
  });
  const discussion = (await deps.store.repos.discussions.get(
    ctx.workspace.id,
    input.discussionId,
  )) as Discussion;
  return { ...value, discussion, pinned };
}

/** The checks a conclusion makes before it touches the database; returns the reason as it is recorded. */
export function precheckConclude(input: { overrideReason?: string | null }): string | null {
  const reason = input.overrideReason?.trim() || null;
  if (reason && reason.length > MAX_REASON) {
    throw new AppError("invalid", "error.invalid", {}, { reason: { code: "too_long", max: MAX_REASON } });
  }
  return reason;
}

/** Reopens a concluded discussion for changes; concluding again writes the next summary version. */
export async function reopen(
  deps: Deps,
  ctx: Ctx,
  input: { discussionId: string; expectedVersion: number },
  key: string | null,
): Promise<Discussion> {
  await inTransaction(deps, ctx, key, async (r) => {
    await requireRole(r, ctx, EMPLOYER_ROLES, "conclude");
    const discussion = await r.discussions.get(ctx.workspace.id, input.discussionId, true);
    if (!discussion) throw new AppError("not_found", "error.not_found");
    if (discussion.version !== input.expectedVersion)
      throw new AppError("stale", "error.stale", {}, {}, true);
    const next = transition(await stateOf(r, ctx.workspace.id, discussion), { type: "reopen" });
    if (!next.ok) throw new AppError("refused", `refusal.${next.reason}`);
    await r.discussions.applyState(ctx.workspace.id, discussion.id, discussion.version, next.state);
    // Under way again, it goes by the roster as it is; concluding again keeps who took part anew.
    await r.discussions.keepRecordPeople(ctx.workspace.id, discussion.id, null);
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "discussion.reopened", discussion.id);
    return null;
  });
  await syncDiscussion(deps, ctx.workspace, input.discussionId);
  return (await deps.store.repos.discussions.get(ctx.workspace.id, input.discussionId)) as Discussion;
}
