import type { App } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { completenessBlocks } from "../../render/other.ts";
import { onButton } from "./shared.ts";

/** Conclude: when something is missing, the user sees what, with a button to conclude anyway. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.conclude, async ({ ctx, value, tell }) => {
    const result = await deps.core.conclude(
      ctx,
      { discussionId: value.d, expectedVersion: value.v ?? -1 },
      null,
    );
    if (!result.concluded) {
      const blocks = completenessBlocks({
        discussionId: value.d,
        version: value.v ?? -1,
        language: ctx.workspace.language,
        completeness: result.completeness,
      });
      await tell(t(ctx.workspace.language, "completeness.title"), blocks);
    }
  });
}
