import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Core } from "../../src/app/index.ts";

/** An installation's name among Slack's credentials: per team, or per enterprise for an org-wide install. */
const nameOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `E:${q.enterpriseId}` : `T:${q.teamId}`;

/**
 * Slack OAuth installations among the core's credentials (sealed at rest with TOKEN_ENCRYPTION_KEY), so any instance
 * can serve any team.
 */
export function installationStore(core: Core): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const name = nameOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await core.credentials.save("slack", name, JSON.stringify(installation));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const stored = await core.credentials.load("slack", nameOf(query));
      if (!stored) throw new Error(`no installation for ${nameOf(query)}`);
      return JSON.parse(stored) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await core.credentials.remove("slack", nameOf(query));
    },
  };
}

/** The bot token of a team, for reminders and other messages the bot sends on its own. */
export async function botTokenFor(core: Core, teamId: string): Promise<string | null> {
  const stored = await core.credentials.load("slack", `T:${teamId}`);
  return stored ? ((JSON.parse(stored) as Installation).bot?.token ?? null) : null;
}

/** Forgets a team's installation (after app_uninstalled or a revoked bot token: its token no longer works). */
export async function removeInstallation(core: Core, teamId: string): Promise<void> {
  await core.credentials.remove("slack", `T:${teamId}`);
}
