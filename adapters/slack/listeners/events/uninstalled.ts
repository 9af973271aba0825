import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";

/** The app was removed or its tokens revoked: nothing more is sent; the data goes after the retention period. */
export function register(app: App, deps: SlackDeps) {
  for (const name of ["app_uninstalled", "tokens_revoked"] as const) {
    app.event(name, async ({ body }) => {
      const teamId = (body as { team_id?: string }).team_id;
      if (teamId) await deps.core.markUninstalled("slack", teamId);
    });
  }
}
