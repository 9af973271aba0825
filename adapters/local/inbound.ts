import type { Rendered } from "../cards/draw/card.ts";
import type { Inbound } from "../cards/inbound.ts";
import { PEOPLE, type Person } from "./people.ts";

/**
 * What a person did in the page (wrote, or pressed a card's button), before it is handed to the card handlers the
 * local channel shares with Teams (adapters/cards/), so what the page shows and does is what Teams shows and does.
 */
export interface LocalEvent {
  /** The page's request id: the idempotency key of whatever it triggers. */
  requestId: string;
  person: Person;
  channel: string;
  threadId: string | null;
  text: string;
  /** Whether the text is addressed to the bot (a /arbejdsmiljø command). */
  addressed: boolean;
  /** Where the handler's answer goes: the conversation (or thread) the event came from. */
  reply(rendered: Rendered): Promise<void>;
}

/** A local event as the card handlers' `Inbound`: the channel is a Teams channel, direct messages a personal chat. */
export function inboundFrom(event: LocalEvent): Inbound {
  return {
    activityId: `local-${event.requestId}`,
    user: { id: event.person.id, name: event.person.name },
    conversation: {
      id: event.channel,
      threadId: event.threadId,
      kind: event.channel.startsWith("dm:") ? "personal" : "channel",
    },
    text: event.text,
    mentioned: event.addressed,
    reply: event.reply,
    roster: async () => PEOPLE.map((p) => ({ id: p.id, name: p.name })),
  };
}
