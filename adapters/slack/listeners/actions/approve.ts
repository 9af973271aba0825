import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

export const APPROVE_ACTION = "summary_approve";

/** Approve the summary version shown on the message. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(APPROVE_ACTION, (args) =>
    handleClick(deps, args, async ({ ctx, value, tell }) => {
      const result = await deps.core.approve(ctx, { discussionId: value.d, version: value.v ?? -1 }, null);
      const key = result.approved ? "command.approved_all" : "command.approved";
      await tell(t(ctx.workspace.language, key, { version: result.version }));
    }),
  );
}
