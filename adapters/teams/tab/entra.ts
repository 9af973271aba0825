import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";

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
export type Refusal = "token" | "issuer" | "scope" | "client" | "tenant";
/** Entra's keys could not be fetched: the token was not judged, and the person may try again. */
export type KeysUnavailable = "keys_unavailable";

/** What jose says when the key set itself could not be had (unreachable, not 200, not a key set), not the token. */
const keysFailed = (error: unknown) =>
  !(error instanceof errors.JOSEError) ||
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  error.code === errors.JOSEError.code;

/** Teams' own clients, which the app registration pre-authorizes: desktop and mobile, and the web. */
const TEAMS_CLIENTS = new Set([
  "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
]);

const issuerOf = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

const scopes = (payload: JWTPayload) =>
  typeof payload.scp === "string" ? payload.scp.split(" ").filter(Boolean) : [];

/**
 * Checks the Entra ID token Teams' single sign-on gives the tab: a v2.0 token signed by Entra's keys, for this app's
 * id (an `api://…` audience is refused, since another app can name itself with our id in it), not expired, issued by
 * the tenant it names, with the tab's scope, asked for by Teams' own client, and from an allowed tenant. `keysUrl` is
 * Entra's own outside tests.
 */
export function entraVerifier(
  appId: string,
  tenants: ReadonlySet<string> | null,
  keysUrl: string = ENTRA_KEYS,
) {
  const keys = createRemoteJWKSet(new URL(keysUrl));
  return async (token: string): Promise<EntraUser | Refusal | KeysUnavailable> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { audience: appId, algorithms: ["RS256"] }));
    } catch (error) {
      return keysFailed(error) ? "keys_unavailable" : "token";
    }
    const { tid, oid } = payload;
    if (typeof tid !== "string" || typeof oid !== "string" || !tid || !oid) return "token";
    if (payload.iss !== issuerOf(tid)) return "issuer";
    if (!scopes(payload).includes(SCOPE)) return "scope";
    if (!TEAMS_CLIENTS.has(String(payload.azp))) return "client";
    if (tenants && !tenants.has(tid)) return "tenant";
    return { tenantId: tid, userId: oid, name: typeof payload.name === "string" ? payload.name : "" };
  };
}
export type EntraVerifier = ReturnType<typeof entraVerifier>;
