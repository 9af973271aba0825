import type { OutboundMessage, TextAction } from "../app/chat-port.ts";
import { rememberedLanguage } from "../app/person-language.ts";
import type { Repos } from "../app/ports.ts";
import type { Discussion, Workspace } from "../domain/entities.ts";
import { formatDateTime, type MessageKey, t } from "../i18n/index.ts";
import type { Composer } from "./compose.ts";

/** The private message that asks one person for their input before the meeting. */
export const roundAsk: Composer = async ({ r, workspace, reminder }) => {
  const { discussionId, userId } = reminder.payload as { discussionId: string; userId: string };
  const d = await r.discussions.get(workspace.id, discussionId);
  if (d?.status !== "planned" || !d.scheduledAt) return null;
  // Asked already: the meeting moved and the round was planned again.
  if ((await r.round.invites(workspace.id, d.id)).some((i) => i.userId === userId)) return null;
  return {
    channel: null,
    thread: null,
    directTo: userId,
    message: await toPerson(r, workspace, userId, "round.ask", d),
  };
};

/** A few working days before the meeting, to a person who was asked and has not answered. */
export const roundRemind: Composer = async ({ r, workspace, reminder }) => {
  const { discussionId, userId } = reminder.payload as { discussionId: string; userId: string };
  const d = await r.discussions.get(workspace.id, discussionId);
  if (d?.status !== "planned" || !d.scheduledAt) return null;
  const invite = (await r.round.invites(workspace.id, d.id)).find((i) => i.userId === userId);
  if (!invite || invite.answered) return null;
  const message = await toPerson(r, workspace, userId, "round.remind", d);
  return { channel: null, thread: null, directTo: userId, message };
};

/** The round's direct message, in the person's own language as their platform last said it. */
async function toPerson(
  r: Repos,
  workspace: Workspace,
  userId: string,
  key: MessageKey,
  d: Discussion,
): Promise<OutboundMessage> {
  const language = await rememberedLanguage(r.people, workspace, userId);
  const when = formatDateTime(language, d.scheduledAt as Date, workspace.timeZone);
  const actions: TextAction[] = [{ type: "round_open", discussionId: d.id }];
  return { kind: "text", view: { language, text: t(language, key, { when }), actions } };
}
