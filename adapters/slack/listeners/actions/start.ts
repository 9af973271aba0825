import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { startDiscussion } from "../../start-discussion.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.start;

/** "Start the discussion" on the meeting reminder. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, body, client, tell }) => {
      const channel = body.channel?.id ?? null;
      await tell(await startDiscussion(deps, ctx, client, channel, `start:${body.trigger_id}`));
    }),
  );
}
