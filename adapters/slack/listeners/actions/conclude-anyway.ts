import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION, encodeValue } from "../../render/actions.ts";
import { concludeReasonModal } from "../../render/setup-modals.ts";
import { onButton } from "./shared.ts";

/** Conclude anyway: asks why in a modal; the reason and who gave it go into the record. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.concludeAnyway, async ({ ctx, value, body, client }) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: concludeReasonModal(ctx.workspace.language, encodeValue({ d: value.d, v: value.v })),
    });
  });
}
