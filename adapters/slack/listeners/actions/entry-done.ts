import type { App } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onButton } from "./shared.ts";

/** "Done" on a deadline reminder: the decision or goal is marked done. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.entryDone, async ({ ctx, value, tell }) => {
    await deps.core.setEntryStatus(ctx, { entryId: value.e ?? "", status: "done" }, null);
    await tell(t(ctx.workspace.language, "command.marked_done"));
  });
}
