import type { App } from "@slack/bolt";
import type { Move } from "../../../../src/domain/discussion.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onButton } from "./shared.ts";

/** Next, back and skip: moves from the version the user saw, so two clicks at once move once. */
export function register(app: App, deps: SlackDeps) {
  const moves: [string, Move["type"]][] = [
    [ACTION.next, "next"],
    [ACTION.previous, "previous"],
    [ACTION.skip, "skip"],
  ];
  for (const [actionId, type] of moves) {
    onButton(app, deps, actionId, async ({ ctx, value, tell }) => {
      const result = await deps.core.move(
        ctx,
        { discussionId: value.d, expectedVersion: value.v ?? -1, move: { type } as Move },
        null,
      );
      if (!result.synced) await tell(t(ctx.workspace.language, "command.not_synced"));
    });
  }
}
