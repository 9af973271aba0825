import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { roundModal } from "../../render/round-modal.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.roundOpen;

/** "Give your input" in the private message of the preparation round: opens its form as a modal. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, body, client }) => {
      const form = await deps.core.roundForm(ctx, value.d);
      await client.views.open({ trigger_id: body.trigger_id, view: roundModal(form) });
    }),
  );
}
