import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION, encodeValue } from "../../render/actions.ts";
import { postponeModal } from "../../render/setup-modals.ts";
import { onButton } from "./shared.ts";

/** "Postpone" on a deadline reminder: asks for the new deadline in a modal. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.entryPostpone, async ({ ctx, value, body, client }) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: postponeModal(ctx.workspace.language, encodeValue({ d: "", e: value.e })),
    });
  });
}
