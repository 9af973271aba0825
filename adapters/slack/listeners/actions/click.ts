import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { AppError, type Ctx, languageOf, type Payload, type UserAction } from "../../../../src/app/index.ts";
import { notSavedText, type SlackDeps, slackCtx, teamOf, tellUser } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";

/** What Bolt hands a button's listener. */
export type ClickArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A button click, resolved: who clicked in which workspace, and what the button carries. */
export interface Click<Value = unknown> {
  ctx: Ctx;
  value: Value;
  body: BlockAction;
  client: WebClient;
  /** Answers the user who clicked, visible only to them. */
  tell: (text: string, blocks?: unknown[]) => Promise<void>;
}

/**
 * Every button's listener starts here: acks at once (before any Web API call), resolves who clicked where, runs
 * `work` with the button's value as the action's schema reads it, and answers its failure politely to that user: a
 * refusal in its own words, anything else (the database gone, a value that does not fit) that nothing was saved and
 * to try again; privately in the channel, or in a DM when that cannot be.
 */
export async function handleClick<A extends UserAction>(
  deps: SlackDeps,
  userAction: A,
  args: ClickArgs,
  work: (click: Click<Payload<A>>) => Promise<void>,
) {
  const { ack, body, action, client } = args;
  await ack();
  const channel = body.channel?.id ?? body.container?.channel_id;
  const tell = (text: string, blocks?: unknown[]) => tellUser(client, channel, body.user.id, text, blocks);
  let ctx: Ctx | null = null;
  try {
    ctx = await slackCtx(deps, client, teamOf(body as never), body.user.id);
    const value = decodeValue(userAction, action.value);
    if (!value) throw new Error("unreadable button value");
    await work({ ctx, value, body, client, tell });
  } catch (error) {
    // A double click on an out-of-date button is refused twice: its user hears it once.
    const click = [teamOf(body as never), channel, body.user.id, action.action_id, action.value];
    const stale = error instanceof AppError && error.code === "stale";
    if (stale && !deps.told.first(click.join(" "))) return;
    const text = notSavedText(deps, ctx ? languageOf(ctx) : "da", error);
    await tell(text)
      .catch(() => client.chat.postMessage({ channel: body.user.id, text }))
      .catch((e) => deps.log.warn("could not tell a user their click failed", { error: String(e) }));
  }
}
