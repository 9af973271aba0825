import type { WebClient } from "@slack/web-api";
import { type SlackDeps, slackCtx } from "./context.ts";
import { homeTab } from "./render/home.ts";

/** Draws a person's App Home as it is now: when they open it, and after they change something from it. */
export async function publishHome(deps: SlackDeps, client: WebClient, teamId: string, userId: string) {
  const ctx = await slackCtx(deps, client, teamId, userId);
  const view = await deps.core.home(ctx);
  await client.views.publish({ user_id: userId, view: homeTab(view) });
}
