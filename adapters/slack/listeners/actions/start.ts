import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { startDiscussion } from "../../start-discussion.ts";
import { onButton } from "./shared.ts";

/** "Start the discussion" on the meeting reminder. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.start, async ({ ctx, body, client, tell }) => {
    await tell(
      await startDiscussion(deps, ctx, client, body.channel?.id ?? null, `start:${body.trigger_id}`),
    );
  });
}
