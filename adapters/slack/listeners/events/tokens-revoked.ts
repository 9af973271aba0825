import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import { retrying, type SlackDeps } from "../../context.ts";
import { removeInstallation } from "../../installation-store.ts";
import { route } from "../../routes.ts";

/** The bot's token was revoked: as for an uninstall. A user revoking only their own token changes nothing. */
export function register(app: App, deps: SlackDeps) {
  route<SlackEventMiddlewareArgs<"tokens_revoked"> & AllMiddlewareArgs>(
    app,
    "event",
    "tokens_revoked",
    async ({ event, body }) => {
      const teamId = (body as { team_id?: string }).team_id;
      if (!teamId || !(event.tokens.bot ?? []).length) return;
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
