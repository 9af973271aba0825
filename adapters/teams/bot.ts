import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { Ctx } from "../../src/app/index.ts";
import { onCardAction } from "../cards/actions/index.ts";
import { ADAPTIVE_CARD_TYPE } from "../cards/draw/card.ts";
import { onMessage } from "../cards/messages/index.ts";
import { toActivity } from "./connector.ts";
import { NoTenantError, type TeamsDeps, teamsCtx } from "./context.ts";
import { onFileConsent } from "./file-consent.ts";
import { onInstalled } from "./handlers/install.ts";
import { remember } from "./handlers/remember.ts";
import { onReplyDeleted, onReplyEdited } from "./handlers/reply-changes.ts";
import { onUninstalled } from "./handlers/uninstall.ts";
import { withTeamsRefresh } from "./refresh-users.ts";
import { t } from "./texts.ts";
import { inboundFrom, type TeamsInbound } from "./turn.ts";

/** Where the route puts the public address the request came in at (for download links). */
export const PUBLIC_URL = Symbol("publicUrl");
/** Where `run` puts the activity's workspace, actor and plain form for the handlers. */
const TURN = Symbol("turn");

interface Turn {
  ctx: Ctx;
  inbound: TeamsInbound;
}

type Handler = (deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound) => Promise<void>;

/** Routes each kind of activity to its handler; every activity's conversation reference is kept first. */
export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(this.handledBy(onMessage));
    // Replies in a point's thread edited or deleted by their writer (Teams sends these with the channel-message
    // permission the app asks for).
    this.onTeamsMessageEditEvent(this.handledBy(onReplyEdited));
    this.onTeamsMessageSoftDeleteEvent(this.handledBy(onReplyDeleted));
    // The bot added to or removed from a team, chat or personal scope.
    const installation = this.handledBy(async (deps, ctx, inbound) => {
      await onInstalled(deps, ctx, inbound);
      await onUninstalled(deps, ctx, inbound);
    });
    this.onConversationUpdate(installation);
    this.onInstallationUpdate(installation);
  }

  /** A botbuilder handler that runs `handler` on the turn's activity when it has a workspace, then the next one. */
  private handledBy(handler: Handler) {
    return async (context: TurnContext, next: () => Promise<void>) => {
      const turn = context.turnState.get(TURN) as Turn | undefined;
      if (turn) await handler(this.deps, turn.ctx, turn.inbound);
      await next();
    };
  }

  override async run(context: TurnContext): Promise<void> {
    const inbound = inboundFrom(context);
    try {
      const ctx = await teamsCtx(this.deps, inbound);
      context.turnState.set(TURN, { ctx, inbound } satisfies Turn);
      const publicUrl = (context.turnState.get(PUBLIC_URL) as string | undefined) ?? null;
      await remember(this.deps, ctx, inbound, publicUrl);
    } catch (error) {
      if (!(error instanceof NoTenantError)) throw error;
      // Not from a Microsoft 365 tenant: nothing is stored, and nothing but a polite refusal is answered.
      this.deps.log.warn("teams activity without a tenant", { type: inbound.type });
      if (inbound.type === "message") await inbound.reply({ text: t("da", "teams.no_tenant"), cards: [] });
      if (inbound.type !== "invoke") return;
    }
    await super.run(context);
  }

  /** The user's answer to a file consent card in a personal chat (accept and decline alike). */
  protected override async handleTeamsFileConsent(
    context: TurnContext,
    answer: FileConsentCardResponse,
  ): Promise<void> {
    const turn = context.turnState.get(TURN) as Turn | undefined;
    if (!turn) return;
    const replyTo = context.activity.replyToId;
    await onFileConsent(this.deps, turn.ctx, answer, {
      send: async (content) => void (await context.sendActivity(toActivity(content))),
      removeCard: async () => {
        if (replyTo) await context.deleteActivity(replyTo);
      },
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = context.turnState.get(TURN) as Turn | undefined;
    if (!turn) {
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: t("da", "teams.no_tenant") as never,
      };
    }
    const { ctx, inbound } = turn;
    const card = await onCardAction(this.deps, ctx, inbound, value.action?.verb ?? "", value.action?.data);
    return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: withTeamsRefresh(card) as never };
  }
}
