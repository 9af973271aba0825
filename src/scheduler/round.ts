import { formatDateTime } from "../i18n/index.ts";
import type { Composer } from "./compose.ts";

/** The private message that asks one person for their input before the meeting. */
export const roundAsk: Composer = async ({ r, workspace, reminder, text }) => {
  const { discussionId, userId } = reminder.payload as { discussionId: string; userId: string };
  const d = await r.discussions.get(workspace.id, discussionId);
  if (d?.status !== "planned" || !d.scheduledAt) return null;
  // Asked already: the meeting moved and the round was planned again.
  if ((await r.round.invites(workspace.id, d.id)).some((i) => i.userId === userId)) return null;
  const when = formatDateTime(workspace.language, d.scheduledAt, workspace.timeZone);
  const message = text("round.ask", { when }, [{ type: "round_open", discussionId: d.id }]);
  return { channel: null, thread: null, directTo: userId, message };
};

/** A few working days before the meeting, to a person who was asked and has not answered. */
export const roundRemind: Composer = async ({ r, workspace, reminder, text }) => {
  const { discussionId, userId } = reminder.payload as { discussionId: string; userId: string };
  const d = await r.discussions.get(workspace.id, discussionId);
  if (d?.status !== "planned" || !d.scheduledAt) return null;
  const invite = (await r.round.invites(workspace.id, d.id)).find((i) => i.userId === userId);
  if (!invite || invite.answered) return null;
  const when = formatDateTime(workspace.language, d.scheduledAt, workspace.timeZone);
  const message = text("round.remind", { when }, [{ type: "round_open", discussionId: d.id }]);
  return { channel: null, thread: null, directTo: userId, message };
};
