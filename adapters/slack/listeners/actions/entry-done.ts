import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

export const ENTRY_DONE_ACTION = "entry_done";

/** "Done" on a deadline reminder: the decision or goal is marked done. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ENTRY_DONE_ACTION, (args) =>
    handleClick(deps, args, async ({ ctx, value, tell }) => {
      await deps.core.setEntryStatus(ctx, { entryId: value.e ?? "", status: "done" }, null);
      await tell(t(ctx.workspace.language, "command.marked_done"));
    }),
  );
}
