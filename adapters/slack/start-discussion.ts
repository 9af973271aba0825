import type { WebClient } from "@slack/web-api";
import { AppError, type Ctx, languageOf } from "../../src/app/index.ts";
import type { SlackDeps } from "./context.ts";
import { inviteHint } from "./membership.ts";
import { t } from "./texts.ts";

/**
 * Starts this year's discussion (from the command or the reminder's button) and says what happened. Started already:
 * the channel's messages are brought up to date, which is how a discussion recovers once the bot has been invited
 * to a private channel. Returns the text for the user.
 */
export async function startDiscussion(
  deps: SlackDeps,
  ctx: Ctx,
  client: WebClient,
  channel: string | null,
  key: string,
): Promise<string> {
  const l = languageOf(ctx);
  try {
    const result = await deps.core.start(ctx, { channel }, key);
    if (result.synced) return t(l, "command.started");
    return notDelivered(client, ctx, result.discussion.channelId);
  } catch (error) {
    if (!(error instanceof AppError) || error.messageKey !== "refusal.already_started") throw error;
    const running = (await deps.core.status(ctx)).discussion;
    if (!running) throw error;
    const synced = await deps.core.sync(ctx, running.id);
    return synced ? t(l, "slack.resynced") : notDelivered(client, ctx, running.channelId);
  }
}

async function notDelivered(client: WebClient, ctx: Ctx, channel: string | null): Promise<string> {
  const l = languageOf(ctx);
  const hint = await inviteHint(client, l, channel);
  return hint ? `${hint} ${t(l, "slack.start_again")}` : t(l, "command.not_synced");
}
