import type { ChatPort } from "../../src/app/chat-port.ts";
import type { Core, Ctx, Logger } from "../../src/app/index.ts";
import type { Language } from "../../src/domain/types.ts";
import type { Element, Rendered } from "./draw/card.ts";
import type { Person } from "./draw/setup.ts";

export type ConversationKind = "channel" | "groupChat" | "personal";

/**
 * A message or card action as the shared handlers see it, with no SDK types: Teams makes one from an activity
 * (adapters/teams/turn.ts), the local channel from what its page sent.
 */
export interface Inbound {
  /** The platform's id of the activity: with the platform's name, the idempotency key of what it triggers. */
  activityId: string;
  user: Person;
  conversation: {
    /** The conversation without a thread suffix: a channel, a group chat or a personal chat. */
    id: string;
    /** The root message of the channel thread the activity is in, if any. */
    threadId: string | null;
    kind: ConversationKind;
  };
  /** The text with the bot's @mention removed. */
  text: string;
  /** Whether the text is addressed to the bot (an @mention, or a command typed in the local page). */
  mentioned: boolean;
  /** Answers in the conversation (or thread) the activity came from. */
  reply(message: Rendered): Promise<void>;
  /** The members of the team or chat, by Entra object id where Teams gives one. */
  roster(): Promise<Person[]>;
}

/** What the shared handlers need: the core, a log, and the chat port of a workspace for sends beyond the reply. */
export interface CardDeps {
  core: Core;
  log: Logger;
  chat(workspace: Ctx["workspace"]): ChatPort;
  /** How the help names the command on this platform ("@Arbejdsmiljø" in Teams). */
  commandName: string;
  /**
   * Where the platform keeps the referat besides its message (Teams: the app's tab, with a link), said on the
   * summary card in the conversation it is shown in; unset, the card says nothing more.
   */
  summaryNote?(language: Language, conversation: Inbound["conversation"]): Element[];
}

/** The idempotency key of what an activity triggers, so a redelivered one acts once. */
export const keyOf = (ctx: Ctx, inbound: Inbound) => `${ctx.workspace.platform}:${inbound.activityId}`;

/** The conversation a discussion can be held in: a channel or a group chat (not a personal chat). */
export const hostConversation = (inbound: Inbound): string | null =>
  inbound.conversation.kind === "personal" ? null : inbound.conversation.id;
