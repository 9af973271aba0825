import type { App } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onButton } from "./shared.ts";

/** "Start the discussion" on the meeting reminder. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.start, async ({ ctx, body, tell }) => {
    await deps.core.start(ctx, { channel: body.channel?.id ?? null }, `start:${body.trigger_id}`);
    await tell(t(ctx.workspace.language, "command.started"));
  });
}
