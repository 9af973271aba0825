import type { ChatPort } from "../../src/app/chat-port.ts";
import type { Core, Ctx, Logger } from "../../src/app/index.ts";
import type { Db } from "../../src/store/index.ts";
import type { Rendered } from "../teams/cards/card.ts";
import type { TeamsChat } from "../teams/chat-port.ts";
import type { TeamsDeps } from "../teams/context.ts";
import { teamsStore } from "../teams/store.ts";
import type { Inbound } from "../teams/turn.ts";
import { PEOPLE, type Person } from "./people.ts";

/**
 * The local channel speaks Teams' card dialect: its cards come from the Teams renderers, and its commands and
 * button presses go through the Teams handlers (which see an SDK-free `Inbound`), so what the page shows and does is
 * what Teams shows and does. This file is the whole seam between the two adapters.
 */

/** Teams' public chat surface is exactly the ChatPort; if Teams ever adds to it, this stops compiling. */
type BeyondChatPort = Exclude<keyof TeamsChat, keyof ChatPort>;
const asTeamsChat = (chat: ChatPort & Record<BeyondChatPort, never>): TeamsChat =>
  chat as unknown as TeamsChat;

export function teamsDepsFor(
  core: Core,
  db: Db,
  log: Logger,
  chat: (w: Ctx["workspace"]) => ChatPort,
): TeamsDeps {
  return { core, log, store: teamsStore(db), chat: (workspace) => asTeamsChat(chat(workspace)) };
}

export interface LocalEvent {
  /** The page's request id: the idempotency key of whatever it triggers. */
  requestId: string;
  type: "message" | "invoke";
  person: Person;
  channel: string;
  threadId: string | null;
  text: string;
  /** Whether the text is addressed to the bot (a /arbejdsmiljø command). */
  addressed: boolean;
  value?: unknown;
  /** Where the handler's answer goes: the conversation (or thread) the event came from. */
  reply(rendered: Rendered): Promise<void>;
}

/** A local event as the Teams handlers' `Inbound`: the channel is a Teams channel, direct messages a personal chat. */
export function inboundFrom(event: LocalEvent, workspaceName: string): Inbound {
  const personal = event.channel.startsWith("dm:");
  return {
    activityId: `local-${event.requestId}`,
    type: event.type,
    name: event.type === "invoke" ? "adaptiveCard/action" : null,
    tenantId: "local",
    user: { id: event.person.id, name: event.person.name },
    conversation: {
      id: event.channel,
      threadId: event.threadId,
      kind: personal ? "personal" : "channel",
      teamName: workspaceName,
    },
    text: event.text,
    timestamp: null,
    mentioned: event.addressed,
    value: event.value ?? null,
    reference: {},
    botAdded: false,
    reply: event.reply,
    roster: async () => PEOPLE.map((p) => ({ id: p.id, name: p.name })),
  };
}
