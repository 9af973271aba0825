import { retrying, type SlackDeps } from "../../context.ts";
import { removeInstallation, teamsOfEnterprise } from "../../installation-store.ts";

/**
 * The bot can no longer reach a workspace (the app removed, its token revoked): the workspace is marked uninstalled
 * first, so nothing counts it as installed once the token is gone, then its stored installation is deleted. When an
 * org-wide install goes, so does every team heard from under it, though Slack names only one. Slack had its answer
 * already and sends the event once: the database briefly away is tried again.
 */
export async function markUninstalled(
  deps: SlackDeps,
  teamId: string,
  enterpriseId: string | null = null,
): Promise<void> {
  await retrying(async () => {
    const others = enterpriseId ? await teamsOfEnterprise(deps.core, enterpriseId) : [];
    for (const team of new Set([teamId, ...others])) {
      await deps.core.markUninstalled("slack", team);
      await removeInstallation(deps.core, team, enterpriseId);
    }
  }).catch((error) =>
    deps.log.error("could not record an uninstall", { team: teamId, error: String(error) }),
  );
}
