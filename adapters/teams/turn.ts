import { type Activity, TeamsInfo, TurnContext } from "botbuilder";
import type { Rendered } from "../cards/draw/card.ts";
import type { ConversationKind, Inbound } from "../cards/inbound.ts";
import { type Content, toActivity } from "./connector.ts";
import { withTeamsRefresh } from "./refresh-users.ts";
import type { StoredReference } from "./store.ts";

/** An incoming activity: what the shared handlers read, and what Teams' own handlers need besides. */
export interface TeamsInbound extends Inbound {
  type: string;
  tenantId: string | null;
  conversation: Inbound["conversation"] & {
    teamName: string | null;
    /** The team of a channel (its id), where Teams names it. */
    teamId: string | null;
  };
  /** The sender's locale ("da-DK", "en-US"), which every activity from a person carries. */
  locale: string | null;
  /** When Teams sent the activity (tells one edit of a message from the next). */
  timestamp: string | null;
  reference: StoredReference;
  /** Whether the bot itself was added (conversationUpdate / installationUpdate). */
  botAdded: boolean;
  /** Whether the bot itself was removed from the team or chat, or the app uninstalled there. */
  botRemoved: boolean;
}

const THREAD = /;messageid=(\d+)$/;

export function splitConversationId(id: string): { id: string; threadId: string | null } {
  const match = THREAD.exec(id);
  return match ? { id: id.slice(0, match.index), threadId: match[1] ?? null } : { id, threadId: null };
}

function kindOf(activity: Activity): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === "channel" || type === "groupChat" || type === "personal") return type;
  return activity.conversation?.isGroup ? "groupChat" : "personal";
}

const MAX_ROSTER = 500;

/** Whether the activity @mentions the bot. */
const mentionsBot = (activity: Activity) =>
  (activity.entities ?? []).some(
    (e) =>
      e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );

/** Whether the bot itself was added to the team or chat, or the app installed there. */
const botAdded = (activity: Activity) =>
  (activity.type === "conversationUpdate" &&
    (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id)) ||
  (activity.type === "installationUpdate" && activity.action === "add");

/** Whether the bot itself was removed, or the app uninstalled ("remove-upgrade" is an upgrade, not a removal). */
const botRemoved = (activity: Activity) =>
  (activity.type === "conversationUpdate" &&
    (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id)) ||
  (activity.type === "installationUpdate" && activity.action === "remove");

/** Where the bot can write later: the activity's conversation reference, without the thread or the activity. */
function referenceOf(
  activity: Activity,
  conversationId: string,
  teamId: string | null,
  channelName: string | null,
): StoredReference {
  const reference = {
    ...TurnContext.getConversationReference(activity),
    activityId: undefined,
  } as StoredReference;
  reference.conversation = { ...(reference.conversation ?? {}), id: conversationId };
  // Kept with a channel's reference, so a removal from a team can be told apart from one from the discussion's team.
  if (teamId) reference.teamId = teamId;
  // The name people know the conversation by, for the referat's "held in"; the General channel carries none.
  if (channelName) reference.channelName = channelName;
  return reference;
}

/** The members of the team or chat, a page at a time, without the bot. */
async function rosterOf(context: TurnContext): Promise<{ id: string; name: string }[]> {
  const people: { id: string; name: string }[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 200, token);
    for (const m of page.members) people.push({ id: m.aadObjectId ?? m.id, name: m.name ?? "" });
    token = page.continuationToken;
  } while (token && people.length < MAX_ROSTER);
  return people.filter((p) => p.id !== context.activity.recipient?.id);
}

/** Sends the reply's text and cards, each as its own activity. */
async function replyIn(context: TurnContext, message: Rendered): Promise<void> {
  const contents: Content[] = message.text ? [{ text: message.text }] : [];
  contents.push(...message.cards.map((card) => ({ card: withTeamsRefresh(card) })));
  for (const content of contents) await context.sendActivity(toActivity(content));
}

/** A channel's name, or a chat's topic, or the team's name (its General channel has no name of its own). */
function conversationName(
  activity: Activity,
  channelData: { team?: { name?: string }; channel?: { name?: string } },
): string | null {
  return channelData.channel?.name || activity.conversation?.name || channelData.team?.name || null;
}

export function inboundFrom(context: TurnContext): TeamsInbound {
  const activity = context.activity;
  const channelData = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string; name?: string };
    channel?: { name?: string };
  };
  const text =
    activity.type === "message" || activity.type === "messageUpdate"
      ? TurnContext.removeRecipientMention(activity) || activity.text || ""
      : "";
  const { id, threadId } = splitConversationId(activity.conversation?.id ?? "");
  const teamId = channelData.team?.id ?? null;
  return {
    activityId: activity.id ?? "",
    type: activity.type,
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? null,
    user: {
      id: activity.from?.aadObjectId ?? activity.from?.id ?? "",
      name: activity.from?.name ?? "",
    },
    conversation: { id, threadId, kind: kindOf(activity), teamName: channelData.team?.name ?? null, teamId },
    text: text.replace(/&nbsp;/g, " ").trim(),
    locale: activity.locale ?? null,
    timestamp: activity.timestamp ? new Date(activity.timestamp).toISOString() : null,
    mentioned: mentionsBot(activity),
    reference: referenceOf(activity, id, teamId, conversationName(activity, channelData)),
    botAdded: botAdded(activity),
    botRemoved: botRemoved(activity),
    reply: (message) => replyIn(context, message),
    roster: () => rosterOf(context),
  };
}
