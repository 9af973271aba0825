import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { markUninstalled } from "./uninstalled.ts";

/** The bot's token was revoked: as for an uninstall. A user revoking only their own token changes nothing. */
export function register(app: App, deps: SlackDeps) {
  app.event("tokens_revoked", async ({ event, body }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (teamId && (event.tokens.bot ?? []).length > 0) await markUninstalled(deps, teamId);
  });
}
