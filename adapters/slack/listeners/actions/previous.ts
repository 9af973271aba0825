import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.previous;

/** Back to the previous point, from the version the user saw. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell }) => {
      const move = { discussionId: value.d, expectedVersion: value.v, move: { type: "previous" as const } };
      const result = await deps.core.move(ctx, move, null);
      if (result.synced === false) await tell(t(languageOf(ctx), "command.not_synced"));
    }),
  );
}
