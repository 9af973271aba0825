import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.sendInvitation;

/** "Add to calendar" on the Home tab: the meeting's invitation (.ics) arrives in the person's direct messages. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value }) => {
      await deps.core.sendInvitation(ctx, { discussionId: value.d });
    }),
  );
}
