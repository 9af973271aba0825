import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.entryDone;

/** "Done" on a deadline reminder: the decision or goal is marked done. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell }) => {
      await deps.core.setEntryStatus(ctx, { entryId: value.e, status: "done" }, null);
      await tell(t(ctx.workspace.language, "command.marked_done"));
    }),
  );
}
