import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { AGENDA } from "../../../../src/domain/agenda.ts";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { preInputModal } from "../../render/setup-modals.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.preInput;

/** "Add input" on the reminder before the meeting: a note to any agenda point. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, body, client }) => {
      const l = languageOf(ctx);
      const points = AGENDA.map((p) => ({ number: p.number, title: p.title[l] }));
      const metadata = encodeValue(ACTIONS.saveEntry, { k: "pre_input", d: value.d });
      await client.views.open({ trigger_id: body.trigger_id, view: preInputModal(l, metadata, points) });
    }),
  );
}
