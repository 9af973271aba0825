import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { concludeReasonModal } from "../../render/setup-modals.ts";
import { handleClick } from "./click.ts";

export const CONCLUDE_ANYWAY_ACTION = "discussion_conclude_anyway";

/** Conclude anyway: asks why in a modal; the reason and who gave it go into the record. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(CONCLUDE_ANYWAY_ACTION, (args) =>
    handleClick(deps, args, async ({ ctx, value, body, client }) => {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: concludeReasonModal(ctx.workspace.language, encodeValue({ d: value.d, v: value.v })),
      });
    }),
  );
}
