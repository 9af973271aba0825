import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { ACTIONS, AppError, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.saveReply;

/**
 * "Gem alligevel" on a thread reply held back for naming a person with a health word: the reply, as it stands in
 * Slack now, is saved as its point's note, once however often the button is pressed. Only its writer can.
 */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, client, tell }) => {
      const l = languageOf(ctx);
      const text = await replyText(client, value.c, value.t, value.m, ctx.actor.userId);
      if (!text) throw new AppError("not_found", "health.reply_gone");
      const reply = { channel: value.c, threadId: value.t, messageId: value.m, text };
      const result = await deps.core.confirmThreadReply(ctx, reply);
      if (!result) throw new AppError("not_found", "health.reply_gone");
      await tell(t(l, "health.reply_saved", { point: result.entry.point }));
    }),
  );
}

/** The reply's text as Slack has it now; null when it is gone, or was not written by `userId`. */
async function replyText(client: WebClient, channel: string, thread: string, ts: string, userId: string) {
  const found = await client.conversations.replies({
    channel,
    ts: thread,
    oldest: ts,
    latest: ts,
    inclusive: true,
  });
  const message = found.messages?.find((m) => m.ts === ts);
  return message && message.user === userId && message.text ? message.text : null;
}
