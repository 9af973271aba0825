import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { Ctx } from "../../src/app/index.ts";
import { ADAPTIVE_CARD_TYPE } from "./cards/card.ts";
import { failureText, NoTenantError, type TeamsDeps, teamsCtx } from "./context.ts";
import { onInstalled } from "./handlers/install.ts";
import { onCardAction } from "./handlers/invoke.ts";
import { onMessage } from "./handlers/message.ts";
import { remember } from "./handlers/remember.ts";
import { onReplyDeleted, onReplyEdited } from "./handlers/reply-changes.ts";
import { onUninstalled } from "./handlers/uninstall.ts";
import { inboundFrom } from "./turn.ts";

/** Where the route puts the public address the request came in at (for download links). */
export const PUBLIC_URL = Symbol("publicUrl");
const CTX = Symbol("ctx");

/** Routes each kind of activity to its handler; every activity's conversation reference is kept first. */
export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      const ctx = context.turnState.get(CTX) as Ctx | undefined;
      if (ctx) await onMessage(deps, ctx, inboundFrom(context));
      await next();
    });
    // The bot added to or removed from a team, chat or personal scope.
    const installation = async (context: TurnContext, next: () => Promise<void>) => {
      const ctx = context.turnState.get(CTX) as Ctx | undefined;
      if (ctx) {
        const inbound = inboundFrom(context);
        await onInstalled(deps, ctx, inbound);
        await onUninstalled(deps, ctx, inbound);
      }
      await next();
    };
    // Replies in a point's thread edited or deleted by their writer (Teams sends these with the channel-message
    // permission the app asks for).
    this.onTeamsMessageEditEvent(async (context, next) => {
      const ctx = context.turnState.get(CTX) as Ctx | undefined;
      if (ctx) await onReplyEdited(deps, ctx, inboundFrom(context));
      await next();
    });
    this.onTeamsMessageSoftDeleteEvent(async (context, next) => {
      const ctx = context.turnState.get(CTX) as Ctx | undefined;
      if (ctx) await onReplyDeleted(deps, ctx, inboundFrom(context));
      await next();
    });
    this.onConversationUpdate(installation);
    this.onInstallationUpdate(installation);
  }

  override async run(context: TurnContext): Promise<void> {
    const inbound = inboundFrom(context);
    try {
      const ctx = await teamsCtx(this.deps, inbound);
      context.turnState.set(CTX, ctx);
      await remember(
        this.deps,
        ctx,
        inbound,
        (context.turnState.get(PUBLIC_URL) as string | undefined) ?? null,
      );
    } catch (error) {
      if (!(error instanceof NoTenantError)) throw error;
      // Not from a Microsoft 365 tenant: nothing is stored, and nothing but a polite refusal is answered.
      this.deps.log.warn("teams activity without a tenant", { type: inbound.type });
      if (inbound.type === "message")
        await inbound.reply({ text: failureText(this.deps, "da", error), cards: [] });
      if (inbound.type !== "invoke") return;
    }
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const ctx = context.turnState.get(CTX) as Ctx | undefined;
    if (!ctx) {
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: failureText(this.deps, "da", new NoTenantError()) as never,
      };
    }
    const card = await onCardAction(
      this.deps,
      ctx,
      inboundFrom(context),
      value.action?.verb ?? "",
      value.action?.data,
    );
    return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card as never };
  }
}
