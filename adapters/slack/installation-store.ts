import type { Installation, InstallationQuery, InstallationStore, InstallProvider } from "@slack/oauth";
import type { Core } from "../../src/app/index.ts";

/** An installation's name among Slack's credentials: per team, or per enterprise for an org-wide install. */
const nameOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `E:${q.enterpriseId}` : `T:${q.teamId}`;

/** Where a team served by an org-wide install keeps the name of its enterprise (not secret; stored the same way). */
const orgOf = (teamId: string) => `O:${teamId}`;

/**
 * Slack OAuth installations among the core's credentials (sealed at rest with TOKEN_ENCRYPTION_KEY), so any instance
 * can serve any team. Bolt's installer reads them for every request and, with token rotation on, stores the refreshed
 * tokens back. A team first heard from under an org-wide install is remembered with its enterprise, so the bot can
 * write to it on its own (reminders) with the enterprise's token.
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
      const teamId = query.teamId as string | undefined;
      if (query.isEnterpriseInstall && query.enterpriseId && teamId) {
        const known = await core.credentials.load("slack", orgOf(teamId));
        if (known !== query.enterpriseId)
          await core.credentials.save("slack", orgOf(teamId), query.enterpriseId);
      }
      return JSON.parse(stored) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await core.credentials.remove("slack", nameOf(query));
    },
  };
}

/**
 * The bot token of a team, for messages the bot sends on its own: through Bolt's installer, which refreshes a rotating
 * token about to expire (and stores the new one), for a team installed on its own or under an org-wide install.
 */
export async function botTokenFor(
  core: Core,
  installer: InstallProvider,
  teamId: string,
): Promise<string | null> {
  const enterpriseId = await core.credentials.load("slack", orgOf(teamId));
  // Bolt asks the same way for a request from such a team: the enterprise's install, with the team beside it.
  const query = enterpriseId
    ? { teamId, enterpriseId, isEnterpriseInstall: true }
    : { teamId, enterpriseId: undefined, isEnterpriseInstall: false };
  const authorized = await installer.authorize(query as InstallationQuery<boolean>).catch(() => null);
  return authorized?.botToken ?? null;
}

/** The teams heard from under the org-wide install of an enterprise. */
export async function teamsOfEnterprise(core: Core, enterpriseId: string): Promise<string[]> {
  const teams: string[] = [];
  for (const name of await core.credentials.names("slack", orgOf(""))) {
    if ((await core.credentials.load("slack", name)) === enterpriseId)
      teams.push(name.slice(orgOf("").length));
  }
  return teams;
}

/**
 * Forgets an installation whose token no longer works (after app_uninstalled or a revoked bot token): the team's own,
 * or, when the org-wide install is what went, the enterprise's.
 */
export async function removeInstallation(
  core: Core,
  teamId: string,
  enterpriseId: string | null = null,
): Promise<void> {
  await core.credentials.remove("slack", enterpriseId ? `E:${enterpriseId}` : `T:${teamId}`);
  await core.credentials.remove("slack", orgOf(teamId));
}
