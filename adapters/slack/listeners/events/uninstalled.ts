import { retrying, type SlackDeps } from "../../context.ts";
import { removeInstallation } from "../../installation-store.ts";

/**
 * The bot can no longer reach a workspace (the app removed, its token revoked): the workspace is marked uninstalled
 * first, so nothing counts it as installed once the token is gone, then its stored installation is deleted. Slack had
 * its answer already and sends the event once: the database briefly away is tried again.
 */
export async function markUninstalled(
  deps: SlackDeps,
  teamId: string,
  enterpriseId: string | null = null,
): Promise<void> {
  await retrying(async () => {
    await deps.core.markUninstalled("slack", teamId);
    await removeInstallation(deps.core, teamId, enterpriseId);
  }).catch((error) =>
    deps.log.error("could not record an uninstall", { team: teamId, error: String(error) }),
  );
}
