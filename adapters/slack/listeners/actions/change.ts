import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { changeModal } from "../../render/change-modals.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.change;

/** "Ret eller fjern" on a point: a modal with the entries there the person may change or remove. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, body, client, tell }) => {
      const l = languageOf(ctx);
      const entries = await deps.core.changeableEntries(ctx, { discussionId: value.d, point: value.p });
      if (entries.length === 0) return tell(t(l, "change.none", { point: value.p }));
      const metadata = encodeValue(ACTIONS.chooseChange, { d: value.d, p: value.p });
      await client.views.open({ trigger_id: body.trigger_id, view: changeModal(l, entries, metadata) });
    }),
  );
}
