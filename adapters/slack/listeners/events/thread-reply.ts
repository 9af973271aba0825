import type { App } from "@slack/bolt";
import { AppError, errorText } from "../../../../src/app/index.ts";
import { type SlackDeps, slackCtx, tellUser } from "../../context.ts";

interface ThreadMessage {
  type: "message";
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
}

/** Replies that count as notes: plain ones, ones also sent to the channel, and ones with a file (their text). */
const NOTE_SUBTYPES = new Set(["thread_broadcast", "file_share"]);

/**
 * A reply in an agenda point's thread becomes a note on that point. The message's ts is the idempotency key, so a
 * retried event (x-slack-retry-num) records once.
 */
export function register(app: App, deps: SlackDeps) {
  app.event("message", async ({ event, body, client }) => {
    const message = event as unknown as ThreadMessage;
    if (
      (message.subtype && !NOTE_SUBTYPES.has(message.subtype)) ||
      message.bot_id ||
      !message.user ||
      !message.thread_ts ||
      message.thread_ts === message.ts
    )
      return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    const ctx = await slackCtx(deps, client, teamId, message.user);
    try {
      await deps.core.recordThreadReply(ctx, {
        channel: message.channel,
        threadId: message.thread_ts,
        messageId: message.ts,
        text: message.text ?? "",
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await tellUser(client, message.channel, message.user, errorText(ctx.workspace.language, error));
    }
  });
}
