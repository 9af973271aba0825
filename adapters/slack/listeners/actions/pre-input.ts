import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { AGENDA } from "../../../../src/domain/agenda.ts";
import type { SlackDeps } from "../../context.ts";
import { preInputModal } from "../../render/setup-modals.ts";
import { handleClick } from "./click.ts";

export const PRE_INPUT_ACTION = "discussion_pre_input";

/** "Add input" on the reminder before the meeting: a note to any agenda point. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(PRE_INPUT_ACTION, (args) =>
    handleClick(deps, args, async ({ ctx, value, body, client }) => {
      const l = ctx.workspace.language;
      const points = AGENDA.map((p) => ({ number: p.number, title: p.title[l] }));
      const metadata = JSON.stringify({ k: "pre_input", d: value.d });
      await client.views.open({ trigger_id: body.trigger_id, view: preInputModal(l, metadata, points) });
    }),
  );
}
