import type { TeamsConfig } from "./config.ts";

/** Pins a message in a Teams group chat through Microsoft Graph; false when Graph refuses. */
export interface Pinner {
  pin(tenantId: string, chatId: string, messageId: string): Promise<boolean>;
}

const GRAPH = "https://graph.microsoft.com/v1.0";

/**
 * Microsoft Graph with the bot's own credentials (client credentials). Pinning needs the application permission
 * Chat.ReadWrite.All with admin consent (see docs/teams.md); null without a client secret, and any refusal counts as
 * "not pinned", in which case the conversation is told where the summary is kept.
 */
export function graphPinner(
  config: TeamsConfig,
  log: { warn(m: string, f?: Record<string, unknown>): void },
): Pinner | null {
  const appId = config.MICROSOFT_APP_ID;
  const secret = config.MICROSOFT_APP_PASSWORD;
  if (!appId || !secret) return null;
  const tokens = new Map<string, { token: string; until: number }>();
  const tokenFor = async (tenantId: string): Promise<string> => {
    const cached = tokens.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.token;
    const response = await fetch(
      `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          client_id: appId,
          client_secret: secret,
          grant_type: "client_credentials",
          scope: "https://graph.microsoft.com/.default",
        }),
      },
    );
    if (!response.ok) throw new Error(`token request failed with ${response.status}`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    tokens.set(tenantId, { token: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 });
    return body.access_token;
  };
  return {
    async pin(tenantId, chatId, messageId) {
      try {
        const token = await tokenFor(tenantId);
        const chat = encodeURIComponent(chatId);
        const response = await fetch(`${GRAPH}/chats/${chat}/pinnedMessages`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            "message@odata.bind": `${GRAPH}/chats/${chat}/messages/${encodeURIComponent(messageId)}`,
          }),
        });
        if (!response.ok) log.warn("Graph refused to pin the summary", { status: response.status });
        return response.ok;
      } catch (error) {
        log.warn("could not pin through Graph", { error: String(error) });
        return false;
      }
    },
  };
}
