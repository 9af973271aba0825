import type { WebClient } from "@slack/web-api";

/** Whether Slack says the user is an admin or owner of the workspace (asked when the core needs to know). */
export const workspaceAdmin = (client: WebClient, userId: string) => async (): Promise<boolean> => {
  const info = await client.users.info({ user: userId });
  return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
};
