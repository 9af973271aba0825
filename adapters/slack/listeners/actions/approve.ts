import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.approve;

/** Approve the summary version shown on the message. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell }) => {
      const result = await deps.core.approve(ctx, { discussionId: value.d, version: value.v }, null);
      const key = result.approved ? "command.approved_all" : "command.approved";
      await tell(t(languageOf(ctx), key, { version: result.version }));
    }),
  );
}
