import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { postponeModal } from "../../render/setup-modals.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.postpone;

/** "Postpone" on a deadline reminder: asks for the new deadline in a modal. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, body, client }) => {
      const metadata = encodeValue(ACTIONS.savePostpone, { e: value.e });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: postponeModal(languageOf(ctx), metadata),
      });
    }),
  );
}
