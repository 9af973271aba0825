import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

export const PREVIOUS_ACTION = "point_previous";

/** Back to the previous point, from the version the user saw. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(PREVIOUS_ACTION, (args) =>
    handleClick(deps, args, async ({ ctx, value, tell }) => {
      const move = {
        discussionId: value.d,
        expectedVersion: value.v ?? -1,
        move: { type: "previous" as const },
      };
      const result = await deps.core.move(ctx, move, null);
      if (result.synced === false) await tell(t(ctx.workspace.language, "command.not_synced"));
    }),
  );
}
