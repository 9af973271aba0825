import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";

/** Microsoft Entra ID's signing keys for tokens of every tenant. */
export const ENTRA_KEYS = "https://login.microsoftonline.com/common/discovery/v2.0/keys";
/** The scope the tab's app registration exposes, which Teams' single sign-on asks for. */
const SCOPE = "access_as_user";

/** The person a verified tab token names: their tenant and their Entra object id (the bot's user id in Teams). */
export interface EntraUser {
  tenantId: string;
  userId: string;
  name: string;
}

/** Why a token was refused, for the log (the answer is 401 alike). */
export type Refusal = "token" | "issuer" | "scope" | "tenant";

/** The issuers Entra signs access tokens as: v2.0 tokens, and v1.0 ones where the registration still issues those. */
const issuerOf = (tenantId: string) => [
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
  `https://sts.windows.net/${tenantId}/`,
];

const scopes = (payload: JWTPayload) =>
  typeof payload.scp === "string" ? payload.scp.split(" ").filter(Boolean) : [];

/**
 * Checks the Entra ID token Teams' single sign-on gives the tab: signed by Entra's keys, for this app (the app id, or
 * its api://<host>/<app id> URI), not expired, issued by the tenant it names, with the tab's scope, and from an
 * allowed tenant. `keysUrl` is Entra's own outside tests.
 */
export function entraVerifier(
  appId: string,
  tenants: ReadonlySet<string> | null,
  keysUrl: string = ENTRA_KEYS,
) {
  const keys = createRemoteJWKSet(new URL(keysUrl));
  return async (token: string, host: string | null): Promise<EntraUser | Refusal> => {
    let payload: JWTPayload;
    try {
      const audience = host ? [appId, `api://${host}/${appId}`] : [appId];
      ({ payload } = await jwtVerify(token, keys, { audience, algorithms: ["RS256"] }));
    } catch {
      return "token";
    }
    const { tid, oid } = payload;
    if (typeof tid !== "string" || typeof oid !== "string" || !tid || !oid) return "token";
    if (!issuerOf(tid).includes(String(payload.iss))) return "issuer";
    if (!scopes(payload).includes(SCOPE)) return "scope";
    if (tenants && !tenants.has(tid)) return "tenant";
    return { tenantId: tid, userId: oid, name: typeof payload.name === "string" ? payload.name : "" };
  };
}
export type EntraVerifier = ReturnType<typeof entraVerifier>;
