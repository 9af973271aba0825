import { type Activity, TeamsInfo, TurnContext } from "botbuilder";
import type { Rendered } from "./cards/card.ts";
import { type Content, toActivity } from "./connector.ts";
import type { ConversationKind, StoredReference } from "./store.ts";

/** An incoming activity as the handlers see it: no botbuilder types, so the SDK can be swapped under them. */
export interface Inbound {
  activityId: string;
  type: string;
  name: string | null;
  tenantId: string | null;
  user: { id: string; name: string };
  conversation: {
    /** The conversation without a thread suffix: a channel, a group chat or a personal chat. */
    id: string;
    /** The root message of the channel thread the activity is in, if any. */
    threadId: string | null;
    kind: ConversationKind;
    teamName: string | null;
    /** The team of a channel (its id), where Teams names it. */
    teamId?: string | null;
  };
  /** The text with the bot's @mention removed (of a message, or of an edited one). */
  text: string;
  /** When Teams sent the activity (tells one edit of a message from the next). */
  timestamp: string | null;
  mentioned: boolean;
  value: unknown;
  reference: StoredReference;
  /** Whether the bot itself was added (conversationUpdate / installationUpdate). */
  botAdded: boolean;
  /** Whether the bot itself was removed from the team or chat, or the app uninstalled there. */
  botRemoved?: boolean;
  reply(message: Rendered): Promise<void>;
  /** The members of the team or chat, by Entra object id where Teams gives one. */
  roster(): Promise<{ id: string; name: string }[]>;
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

export function inboundFrom(context: TurnContext): Inbound {
  const activity = context.activity;
  const channelData = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string; name?: string };
  };
  const mentioned = (activity.entities ?? []).some(
    (e) =>
      e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
  const text =
    activity.type === "message" || activity.type === "messageUpdate"
      ? TurnContext.removeRecipientMention(activity) || activity.text || ""
      : "";
  const { id, threadId } = splitConversationId(activity.conversation?.id ?? "");
  const reference = {
    ...TurnContext.getConversationReference(activity),
    activityId: undefined,
  } as StoredReference;
  reference.conversation = { ...(reference.conversation ?? {}), id };
  // Kept with a channel's reference, so a removal from a team can be told apart from one from the discussion's team.
  const teamId = channelData.team?.id ?? null;
  if (teamId) reference.teamId = teamId;
  const botId = activity.recipient?.id;
  return {
    activityId: activity.id ?? "",
    type: activity.type,
    name: activity.name ?? null,
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? null,
    user: {
      id: activity.from?.aadObjectId ?? activity.from?.id ?? "",
      name: activity.from?.name ?? "",
    },
    conversation: { id, threadId, kind: kindOf(activity), teamName: channelData.team?.name ?? null, teamId },
    text: text.replace(/&nbsp;/g, " ").trim(),
    timestamp: activity.timestamp ? new Date(activity.timestamp).toISOString() : null,
    mentioned,
    value: activity.value,
    reference,
    botAdded:
      (activity.type === "conversationUpdate" && (activity.membersAdded ?? []).some((m) => m.id === botId)) ||
      (activity.type === "installationUpdate" && activity.action === "add"),
    // "remove-upgrade" is an upgrade under way, not a removal.
    botRemoved:
      (activity.type === "conversationUpdate" &&
        (activity.membersRemoved ?? []).some((m) => m.id === botId)) ||
      (activity.type === "installationUpdate" && activity.action === "remove"),
    async reply(message: Rendered) {
      const contents: Content[] = message.text ? [{ text: message.text }] : [];
      contents.push(...message.cards.map((card) => ({ card })));
      for (const content of contents) await context.sendActivity(toActivity(content));
    },
    async roster() {
      const people: { id: string; name: string }[] = [];
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, 200, token);
        for (const m of page.members) people.push({ id: m.aadObjectId ?? m.id, name: m.name ?? "" });
        token = page.continuationToken;
      } while (token && people.length < MAX_ROSTER);
      return people.filter((p) => p.id !== botId);
    },
  };
}
