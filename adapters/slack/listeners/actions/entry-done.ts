import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.entryDone;

/** "Done" on a deadline reminder, in opfølgning or on the Home tab: the decision or goal is marked done. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell, body }) => {
      await deps.core.setEntryStatus(ctx, { entryId: value.e, status: "done" }, null);
      // Clicked on the Home tab, the answer is the page drawn again without it (the core redraws the owner's page);
      // anywhere else, a word to the user.
      if (body.view?.type !== "home") await tell(t(languageOf(ctx), "command.marked_done"));
    }),
  );
}
