import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.goto;

/** Back to a point from the completeness check: the meeting goes there, so what is missing can be recorded. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell }) => {
      const move = { type: "goto" as const, point: value.p };
      const result = await deps.core.move(
        ctx,
        { discussionId: value.d, expectedVersion: value.v, move },
        null,
      );
      if (result.synced === false) await tell(t(languageOf(ctx), "command.not_synced"));
    }),
  );
}
