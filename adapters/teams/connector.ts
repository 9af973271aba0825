import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  TurnContext,
} from "botbuilder";
import type { Mention } from "../../src/app/chat-port.ts";
import type { AdaptiveCard } from "../cards/draw/card.ts";
import { mentionText } from "./mentions.ts";
import type { StoredReference } from "./store.ts";

/** A Teams file card (consent or info) as the Bot Framework's attachment. */
export interface FileAttachment {
  contentType: string;
  name: string;
  contentUrl?: string;
  content: Record<string, unknown>;
}

/** One activity's content: plain text (naming people to mention, if any), one card or one file card. */
export type Content =
  | { text: string; mentions?: Mention[] }
  | { card: AdaptiveCard }
  | { attachment: FileAttachment };

const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com";

/**
 * The Bot Connector normally answers in well under a second. Without a limit one that never answers would stall its
 * discussion's channel refreshes and the reminder batch. A call past the limit counts as failed, so the next sync
 * tries again; long, because a post the connector was only slow to confirm is then posted a second time.
 * (botbuilder's own client has no timeout and replaces any request policy given to it, so the limit is kept here.)
 */
export const CONNECTOR_TIMEOUT_MS = 15_000;

export function toActivity(content: Content): Partial<Activity> {
  if ("attachment" in content) return { type: "message", attachments: [content.attachment] };
  if ("card" in content) return { type: "message", attachments: [CardFactory.adaptiveCard(content.card)] };
  if (!content.mentions?.length) return { type: "message", text: content.text, textFormat: "plain" };
  // Mentions need Teams' own formatting (the <at> tags); the text around them is escaped for it.
  const { text, entities } = mentionText(content.text, content.mentions);
  return { type: "message", text, textFormat: "markdown", entities };
}

/** What the chat port needs of the Connector (the sends), so it can be handed one before botbuilder is loaded. */
export type ConnectorSends = Pick<Connector, "send" | "update" | "delete" | "openPersonal">;

/**
 * Everything the bot sends on its own, through the Bot Connector of the conversation's service URL. This, the
 * inbound side (bot.ts, turn.ts) and runtime.ts, which puts them together, are the only files that know botbuilder.
 */
export class Connector {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly timeoutMs = CONNECTOR_TIMEOUT_MS,
  ) {}

  private async limited<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the Bot Connector did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async inConversation<T>(
    reference: StoredReference,
    conversationId: string,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    const ref = {
      ...reference,
      activityId: undefined,
      conversation: { ...(reference.conversation ?? {}), id: conversationId },
    } as Partial<ConversationReference>;
    // The adapter hands errors inside the callback to onTurnError, which only logs: caught here and rethrown, so
    // the caller learns that the send failed (and the message is retried) instead of counting it as sent.
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    const call = this.adapter.continueConversationAsync(this.appId, ref, async (context) => {
      try {
        outcome = { ok: true, value: await work(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    await this.limited(call);
    const settled = outcome as { ok: true; value: T } | { ok: false; error: unknown } | null;
    if (!settled) throw new Error("the Bot Connector call did not run");
    if (!settled.ok) throw settled.error;
    return settled.value;
  }

  /** Sends to a conversation (a channel's conversation id starts a new post; `…;messageid=<root>` replies). */
  async send(reference: StoredReference, conversationId: string, content: Content): Promise<string> {
    return this.inConversation(reference, conversationId, async (context) => {
      const sent = await context.sendActivity(toActivity(content));
      if (!sent?.id) throw new Error("the Bot Connector returned no activity id");
      return sent.id;
    });
  }

  async update(reference: StoredReference, conversationId: string, activityId: string, content: Content) {
    await this.inConversation(reference, conversationId, async (context) => {
      await context.updateActivity({ ...toActivity(content), id: activityId });
    });
  }

  async delete(reference: StoredReference, conversationId: string, activityId: string) {
    await this.inConversation(reference, conversationId, (context) => context.deleteActivity(activityId));
  }

  /** Opens a one-to-one chat with a user of the tenant; returns its reference. */
  async openPersonal(reference: StoredReference, userId: string, tenantId: string): Promise<StoredReference> {
    const serviceUrl = String(reference.serviceUrl ?? "");
    let created: StoredReference | null = null;
    const call = this.adapter.createConversationAsync(
      this.appId,
      "msteams",
      serviceUrl,
      BOT_FRAMEWORK_SCOPE,
      {
        isGroup: false,
        bot: reference.bot as never,
        members: [{ id: userId, name: "" }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
        activity: undefined as never,
      },
      async (context) => {
        created = {
          ...TurnContext.getConversationReference(context.activity),
          activityId: undefined,
        } as StoredReference;
      },
    );
    await this.limited(call);
    if (!created) throw new Error("the Bot Connector opened no conversation");
    return created;
  }
}
