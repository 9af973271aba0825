import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { completenessBlocks } from "../../render/other.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.conclude;

/** Conclude: when something is missing, the user sees what, with a button to conclude anyway. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell }) => {
      const version = value.v;
      const result = await deps.core.conclude(ctx, { discussionId: value.d, expectedVersion: version }, null);
      if (result.concluded) return;
      const language = languageOf(ctx);
      const { completeness } = result;
      const blocks = completenessBlocks({ discussionId: value.d, version, language, completeness });
      await tell(t(language, "completeness.title"), blocks);
    }),
  );
}
