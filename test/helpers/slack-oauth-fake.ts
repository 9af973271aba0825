import { SCOPES } from "../../adapters/slack/scopes.ts";

/** Token rotation on: install tokens expire after `installedFor` seconds, refreshed ones after `refreshedFor`. */
export interface Rotation {
  installedFor: number;
  refreshedFor: number;
}

/**
 * oauth.v2.access as Slack answers it, the `n`-th call: an install, whose code names what is installed ("code-T123" a
 * team, "code-E123" an org-wide install of an enterprise), with a fresh bot token (expiring, with a refresh token,
 * when rotation is on); or, with grant_type refresh_token, a rotating token refreshed.
 */
export function oauthAccess(
  args: Record<string, unknown>,
  n: number,
  rotation: Rotation | null,
): Record<string, unknown> {
  if (args.grant_type === "refresh_token")
    return {
      ok: true,
      token_type: "bot",
      access_token: `xoxe.xoxb-refreshed-${n}`,
      refresh_token: `${String(args.refresh_token ?? "")}-r${n}`,
      expires_in: rotation?.refreshedFor ?? 43_200,
    };
  const id = String(args.code ?? "").replace(/^code-/, "");
  const org = id.startsWith("E");
  const token = `xoxb-${id}-${n}`;
  return {
    ok: true,
    app_id: "A1",
    authed_user: { id: "U_INSTALLER" },
    scope: SCOPES.join(","),
    token_type: "bot",
    access_token: rotation ? `xoxe.${token}` : token,
    ...(rotation ? { refresh_token: `xoxe-1-${id}-${n}`, expires_in: rotation.installedFor } : {}),
    bot_user_id: "UBOT",
    team: org ? null : { id, name: `Team ${id}` },
    enterprise: org ? { id, name: `Koncern ${id}` } : null,
    is_enterprise_install: org,
  };
}
