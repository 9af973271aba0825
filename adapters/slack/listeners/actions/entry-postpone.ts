import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { postponeModal } from "../../render/setup-modals.ts";
import { handleClick } from "./click.ts";

export const ENTRY_POSTPONE_ACTION = "entry_postpone";

/** "Postpone" on a deadline reminder: asks for the new deadline in a modal. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ENTRY_POSTPONE_ACTION, (args) =>
    handleClick(deps, args, async ({ ctx, value, body, client }) => {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: postponeModal(ctx.workspace.language, encodeValue({ d: "", e: value.e })),
      });
    }),
  );
}
