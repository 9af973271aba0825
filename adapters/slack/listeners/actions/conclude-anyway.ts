import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { concludeReasonModal } from "../../render/setup-modals.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.concludeAnyway;

/** Conclude anyway: asks why in a modal; the reason and who gave it go into the record. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, body, client }) => {
      const metadata = encodeValue(ACTIONS.concludeReason, { d: value.d, v: value.v });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: concludeReasonModal(languageOf(ctx), metadata),
      });
    }),
  );
}
