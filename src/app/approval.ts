import { transition } from "../domain/discussion.ts";
import type { Discussion } from "../domain/entities.ts";
import type { EntryKind } from "../domain/entries.ts";
import { approversToAsk, type Revision } from "./amendment.ts";
import { approverRoles } from "./card-rights.ts";
import { type Ctx, type Deps, inTransaction } from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";
import { keepAmendedAttendance } from "./record-people.ts";
import { headcountOf, recordHasAmo } from "./record-size.ts";
import { approvalComplete, createSummaryVersion, refreshSummaryMessage } from "./summary.ts";
import { stateOf } from "./walkthrough.ts";

export interface ApprovalResult {
  version: number;
  approved: boolean;
}

/**
 * Approves the summary version the user saw. The employer's side and an AMO representative (in workplaces without
 * an AMO: an employee) must both approve; then the discussion is approved. A newer version needs new approvals.
 */
export async function approve(
  deps: Deps,
  ctx: Ctx,
  input: { discussionId: string; version: number },
  key: string | null,
): Promise<ApprovalResult> {
  const { value } = await inTransaction(deps, ctx, key, async (r) => {
    const role = await r.members.roleOf(ctx.workspace.id, ctx.actor.userId);
    const discussion = await r.discussions.get(ctx.workspace.id, input.discussionId, true);
    // The record's own size says whether there is an AMO, and so who approves, whatever the setup says now.
    const allowed = approverRoles(headcountOf(ctx.workspace, discussion));
    if (!role || !allowed.includes(role)) {
      throw new AppError("forbidden", "error.forbidden", {
        action: "action.approve",
        roles: allowed.join("|"),
      });
    }
    if (!discussion) throw new AppError("not_found", "error.not_found");
    const latest = await r.summaries.latest(ctx.workspace.id, discussion.id);
    if (!latest) throw new AppError("refused", "refusal.not_concluded");
    if (latest.version !== input.version) throw new AppError("stale", "error.stale", {}, {}, true);
    await r.summaries.approve(ctx.workspace.id, {
      discussionId: discussion.id,
      version: latest.version,
      userId: ctx.actor.userId,
      role,
      at: deps.now(),
    });
    const approvals = await r.summaries.approvals(ctx.workspace.id, discussion.id, latest.version);
    const complete = approvalComplete(approvals, recordHasAmo(ctx.workspace, discussion));
    if (complete && discussion.status === "concluded") {
      const next = transition(await stateOf(r, ctx.workspace.id, discussion), { type: "approve" });
      if (next.ok)
        await r.discussions.applyState(ctx.workspace.id, discussion.id, discussion.version, next.state);
    }
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "summary.approved", discussion.id, {
      version: latest.version,
      role,
    });
    return { version: latest.version, approved: complete };
  });
  await refreshSummaryMessage(deps, ctx.workspace, input.discussionId);
  return value;
}

/**
 * After a change to a concluded discussion: the next summary version is written from what is stored now, and an
 * approved discussion goes back to concluded (the new version is not approved yet). Runs in the change's transaction;
 * returns the new version and who is asked to approve it, or null when the discussion was not concluded.
 */
export async function reviseAfterChange(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  command: string,
  changedKind?: EntryKind,
): Promise<Revision | null> {
  if (discussion.status !== "concluded" && discussion.status !== "approved") return null;
  let current = discussion;
  if (discussion.status === "approved") {
    const state = await stateOf(r, ctx.workspace.id, discussion);
    const back = await r.discussions.applyState(ctx.workspace.id, discussion.id, discussion.version, {
      ...state,
      status: "concluded",
    });
    if (!back) throw new AppError("stale", "error.stale", {}, {}, true);
    current = back;
  }
  if (changedKind === "minute_taker") current = await keepAmendedAttendance(r, ctx.workspace, current);
  const summary = await createSummaryVersion(r, ctx.workspace, current, ctx.actor.userId, command);
  await r.audit.write(ctx.workspace.id, ctx.actor.userId, "summary.revised", discussion.id, {
    version: summary.version,
    sha256: summary.sha256,
  });
  const before = summary.version > 1 ? summary.version - 1 : null;
  return { version: summary.version, approvers: await approversToAsk(r, ctx, discussion, before) };
}
