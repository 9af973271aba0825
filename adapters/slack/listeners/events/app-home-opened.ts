import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { publishHome } from "../../home.ts";

/** A person opens the app's Home tab: it is drawn for them as things stand now. */
export function register(app: App, deps: SlackDeps) {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, body.team_id, event.user).catch((error) =>
      deps.log.warn("could not draw the home tab", { error: String(error) }),
    );
  });
}
