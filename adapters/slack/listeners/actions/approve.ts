import type { App } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onButton } from "./shared.ts";

/** Approve the summary version shown on the message. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.approve, async ({ ctx, value, tell }) => {
    const result = await deps.core.approve(ctx, { discussionId: value.d, version: value.v ?? -1 }, null);
    const key = result.approved ? "command.approved_all" : "command.approved";
    await tell(t(ctx.workspace.language, key, { version: result.version }));
  });
}
