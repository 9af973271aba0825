import type { Repos } from "../app/ports.ts";
import type { Reminder, Workspace } from "../domain/entities.ts";
import { openRound, planRoundReminder } from "./plan.ts";

/**
 * With the record that a reminder went out: the preparation reminder opens the round (a private message to each
 * person to be heard), and each person asked is recorded as asked and gets their reminder planned.
 */
export async function roundFollowUp(
  q: Repos,
  workspace: Workspace,
  reminder: Reminder,
  now: Date,
): Promise<void> {
  if (reminder.kind === "meeting.prepare") {
    const discussion = reminder.subjectId ? await q.discussions.get(workspace.id, reminder.subjectId) : null;
    // Due at once: the next tick sends them (this one has its batch in hand).
    if (discussion?.status === "planned") await openRound(q, workspace, discussion, reminder.dueAt);
    return;
  }
  const { discussionId, userId } = reminder.payload as { discussionId: string; userId: string };
  const discussion = await q.discussions.get(workspace.id, discussionId);
  if (!discussion || !(await q.round.invite(workspace.id, discussionId, userId))) return;
  await planRoundReminder(q, workspace, discussion, userId, now);
}
