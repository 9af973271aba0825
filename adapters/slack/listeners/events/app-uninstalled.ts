import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import { retrying, type SlackDeps } from "../../context.ts";
import { removeInstallation } from "../../installation-store.ts";
import { route } from "../../routes.ts";

/**
 * The app was removed from a workspace: its stored installation (the token no longer works) is deleted and nothing
 * more is sent; the workspace's data goes after the retention period unless the app is installed again.
 */
export function register(app: App, deps: SlackDeps) {
  route<SlackEventMiddlewareArgs<"app_uninstalled"> & AllMiddlewareArgs>(
    app,
    "event",
    "app_uninstalled",
    async ({ body }) => {
      const teamId = (body as { team_id?: string }).team_id;
      if (!teamId) return;
      // Marked uninstalled first: once the token is gone, nothing may still count the workspace as installed. Slack
      // had its answer already and sends the event once: the database briefly away is tried again.
      await retrying(async () => {
        await deps.core.markUninstalled("slack", teamId);
        await removeInstallation(deps.core.deps.db, teamId);
      }).catch((error) =>
        deps.log.error("could not record an uninstall", { team: teamId, error: String(error) }),
      );
    },
  );
}
