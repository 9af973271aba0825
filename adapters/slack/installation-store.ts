import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import { type AdapterSql as Db, seal, unseal } from "../../src/app/index.ts";

/** The installation as stored: sealed with the key, so the database alone reveals no token. */
const sealInstallation = (installation: Installation, key: Buffer) => ({
  sealed: seal(JSON.stringify(installation), key),
});
const openInstallation = (stored: { sealed?: string }, key: Buffer): Installation =>
  JSON.parse(unseal(stored.sealed ?? "", key)) as Installation;

/**
 * Slack OAuth installations in PostgreSQL, one row per team (or enterprise), so any instance can serve any team.
 * Tokens are encrypted at rest with TOKEN_ENCRYPTION_KEY.
 */
export function pgInstallationStore(db: Db, key: Buffer): InstallationStore {
  const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) =>
    q.isEnterpriseInstall && q.enterpriseId ? `E:${q.enterpriseId}` : `T:${q.teamId}`;
  return {
    async storeInstallation(installation: Installation) {
      const rowKey = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await db.query(
        `INSERT INTO slack_installations (key, team_id, installation) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (key) DO UPDATE SET installation = EXCLUDED.installation, updated_at = now()`,
        [rowKey, installation.team?.id ?? null, JSON.stringify(sealInstallation(installation, key))],
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const rows = await db.query<{ installation: { sealed?: string } }>(
        "SELECT installation FROM slack_installations WHERE key = $1",
        [keyOf(query)],
      );
      if (!rows[0]) throw new Error(`no installation for ${keyOf(query)}`);
      return openInstallation(rows[0].installation, key);
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db.query("DELETE FROM slack_installations WHERE key = $1", [keyOf(query)]);
    },
  };
}

/** The bot token of a team, for reminders and other messages the bot sends on its own. */
export async function botTokenFor(db: Db, teamId: string, key: Buffer): Promise<string | null> {
  const rows = await db.query<{ installation: { sealed?: string } }>(
    "SELECT installation FROM slack_installations WHERE key = $1",
    [`T:${teamId}`],
  );
  return rows[0] ? (openInstallation(rows[0].installation, key).bot?.token ?? null) : null;
}

/** Forgets a team's installation (after app_uninstalled or a revoked bot token: its token no longer works). */
export async function removeInstallation(db: Db, teamId: string): Promise<void> {
  await db.query("DELETE FROM slack_installations WHERE key = $1", [`T:${teamId}`]);
}
