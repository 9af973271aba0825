import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  TurnContext,
} from "botbuilder";
import type { AdaptiveCard } from "./cards/card.ts";
import type { StoredReference } from "./store.ts";

/** One activity's content: plain text or one card. */
export type Content = { text: string } | { card: AdaptiveCard };

const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com";

export function toActivity(content: Content): Partial<Activity> {
  return "text" in content
    ? { type: "message", text: content.text, textFormat: "plain" }
    : { type: "message", attachments: [CardFactory.adaptiveCard(content.card)] };
}

/**
 * Everything the bot sends on its own, through the Bot Connector of the conversation's service URL. This and the
 * inbound side (bot.ts, turn.ts) are the only files that know botbuilder.
 */
export class Connector {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

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
    let result: T | undefined;
    await this.adapter.continueConversationAsync(this.appId, ref, async (context) => {
      result = await work(context);
    });
    return result as T;
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
    await this.adapter.createConversationAsync(
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
    if (!created) throw new Error("the Bot Connector opened no conversation");
    return created;
  }
}
