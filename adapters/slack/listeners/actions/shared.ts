import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Ctx } from "../../../../src/app/index.ts";
import { failureText, type SlackDeps, slackCtx, teamOf, tellUser } from "../../context.ts";
import { type ButtonValue, decodeValue } from "../../render/actions.ts";

export interface ActionArgs {
  ctx: Ctx;
  value: ButtonValue;
  body: BlockAction;
  client: WebClient;
  /** Answers the user who clicked, visible only to them. */
  tell: (text: string, blocks?: unknown[]) => Promise<void>;
}

/** A button listener: acks at once, resolves who clicked where, and answers failures politely to that user. */
export function onButton(
  app: App,
  deps: SlackDeps,
  actionId: string,
  handle: (args: ActionArgs) => Promise<void>,
) {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const tell = (text: string, blocks?: unknown[]) => tellUser(client, channel, body.user.id, text, blocks);
    let ctx: Ctx | null = null;
    try {
      ctx = await slackCtx(deps, client, teamOf(body as unknown as Record<string, unknown>), body.user.id);
      const value = decodeValue(action.value);
      if (!value) throw new Error("unreadable button value");
      await handle({ ctx, value, body, client, tell });
    } catch (error) {
      await tell(failureText(deps, ctx?.workspace.language ?? "da", error)).catch(() => {});
    }
  });
}
