import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { markUninstalled } from "./uninstalled.ts";

/**
 * The app was removed from a workspace: nothing more is sent there; the workspace's data goes after the retention
 * period unless the app is installed again.
 */
export function register(app: App, deps: SlackDeps) {
  app.event("app_uninstalled", async ({ body }) => {
    const {
      team_id: teamId,
      enterprise_id: enterpriseId,
      is_enterprise_install: org,
    } = body as {
      team_id?: string;
      enterprise_id?: string;
      is_enterprise_install?: boolean;
    };
    if (teamId) await markUninstalled(deps, teamId, org && enterpriseId ? enterpriseId : null);
  });
}
