import { generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from "node:crypto";

/**
 * The Bot Framework's side of authentication, played on loopback: the signing key Teams' activities are signed with,
 * the OpenID metadata and key set botbuilder checks them against, and the token endpoint the bot gets its own token
 * from to call the Bot Connector. Served by the fake Bot Connector (teams-connector.ts) under /botframework/ and
 * /login/.
 */

export const APP_ID = "00000000-0000-4000-8000-00000000b07a";
export const APP_PASSWORD = "test-client-secret-not-real";
/** Who signs the activities the Bot Framework sends to a bot (botbuilder's own value). */
export const CHANNEL_ISSUER = "https://api.botframework.com";
/** The audience of the bot's own token for calling the Bot Connector. */
export const CONNECTOR_SCOPE = "https://api.botframework.com";
/** The login host MSAL is told about; the test network client serves it from loopback (MSAL requires https). */
export const LOGIN_HOST = "login.test";
const LOGIN_TENANT = "botframework.com";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** The one key of this test process: every identity server publishes it, so any of them verifies the others' tokens. */
export const SIGNING_KEY = newSigningKey();
/** The channels the signing key vouches for: as an Azure Bot's, Web Chat, Direct Line and the Emulator beside Teams. */
const ENDORSED = ["msteams", "webchat", "directline", "emulator"];

export function signJwt(payload: Record<string, unknown>, key: SigningKey = SIGNING_KEY): string {
  const header = { alg: "RS256", typ: "JWT", kid: key.kid, x5t: key.kid };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), key.privateKey).toString("base64url")}`;
}

/** The claims of a token signed with the test key and not expired, or null. */
export function verifiedClaims(token: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${header}.${payload}`),
    SIGNING_KEY.publicKey,
    Buffer.from(signature, "base64url"),
  );
  if (!signed) return null;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  return typeof claims.exp === "number" && claims.exp * 1000 > Date.now() ? claims : null;
}

/** What can be wrong with a token the driver sends, to see it refused. */
export interface TokenFault {
  key?: SigningKey;
  issuer?: string;
  audience?: string;
  serviceUrl?: string;
  /** Seconds from now until it expires; negative for a token that has expired. */
  expiresIn?: number;
}

/** A channel token as the Bot Framework signs one for an activity sent to the bot at `serviceUrl`. */
export function channelToken(serviceUrl: string, fault: TokenFault = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      serviceurl: fault.serviceUrl ?? serviceUrl,
      nbf: now - 60,
      exp: now + (fault.expiresIn ?? 3600),
      iss: fault.issuer ?? CHANNEL_ISSUER,
      aud: fault.audience ?? APP_ID,
    },
    fault.key,
  );
}

/** Where the fake connector publishes Entra ID's signing keys (the tab's tokens are checked against them). */
export const ENTRA_KEYS_PATH = "/entra/discovery/v2.0/keys";

/** What can be set or wrong in an Entra ID token the tab sends. */
export interface EntraFault {
  key?: SigningKey;
  audience?: string;
  issuer?: string;
  scope?: string;
  /** The client the token was asked for by (azp); Teams on the web by default. */
  client?: string;
  /** Seconds from now until it expires; negative for a token that has expired. */
  expiresIn?: number;
}

/**
 * An access token as Entra ID issues one to Teams' single sign-on for the tab (v2.0): the person's tenant and object
 * id, the app as audience, the tab's scope.
 */
export function entraToken(
  user: { tenantId: string; userId: string; name?: string },
  fault: EntraFault = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      aud: fault.audience ?? APP_ID,
      iss: fault.issuer ?? `https://login.microsoftonline.com/${user.tenantId}/v2.0`,
      iat: now - 60,
      nbf: now - 60,
      exp: now + (fault.expiresIn ?? 3600),
      tid: user.tenantId,
      oid: user.userId,
      name: user.name ?? "",
      scp: fault.scope ?? "access_as_user",
      azp: fault.client ?? "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
      ver: "2.0",
    },
    fault.key,
  );
}

type Answer = { status: number; body: unknown };

/**
 * Answers the identity endpoints at `base` (the fake connector's URL, ending in "/"), or null for any other path:
 * the channel's OpenID metadata and keys, an empty emulator key set (no emulator token is ever good here), MSAL's
 * metadata of the login tenant, and the client-credentials token endpoint (which checks the app's id and secret).
 */
export function identityAnswer(base: string, method: string, path: string, body: string): Answer | null {
  const login = `https://${LOGIN_HOST}/${LOGIN_TENANT}`;
  if (method === "GET" && path === "/botframework/v1/.well-known/openidconfiguration") {
    return {
      status: 200,
      body: {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: `${base}botframework/v1/auth`,
        jwks_uri: `${base}botframework/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      },
    };
  }
  if (method === "GET" && path === "/botframework/v1/.well-known/keys") {
    const jwk = SIGNING_KEY.publicKey.export({ format: "jwk" });
    return {
      status: 200,
      body: { keys: [{ ...jwk, kid: SIGNING_KEY.kid, use: "sig", endorsements: ENDORSED }] },
    };
  }
  if (method === "GET" && path === "/botframework/emulator/.well-known/openid-configuration") {
    return { status: 200, body: { issuer: "none", jwks_uri: `${base}botframework/emulator/keys` } };
  }
  if (method === "GET" && path === "/botframework/emulator/keys") return { status: 200, body: { keys: [] } };
  if (method === "GET" && path === ENTRA_KEYS_PATH) {
    const jwk = SIGNING_KEY.publicKey.export({ format: "jwk" });
    return {
      status: 200,
      body: { keys: [{ ...jwk, kid: SIGNING_KEY.kid, use: "sig", x5t: SIGNING_KEY.kid }] },
    };
  }
  if (method === "GET" && path === `/login/${LOGIN_TENANT}/v2.0/.well-known/openid-configuration`) {
    return {
      status: 200,
      body: {
        issuer: `${login}/v2.0`,
        authorization_endpoint: `${login}/oauth2/v2.0/authorize`,
        token_endpoint: `${login}/oauth2/v2.0/token`,
        end_session_endpoint: `${login}/oauth2/v2.0/logout`,
        jwks_uri: `${login}/discovery/v2.0/keys`,
      },
    };
  }
  if (method === "POST" && path === `/login/${LOGIN_TENANT}/oauth2/v2.0/token`) {
    const form = new URLSearchParams(body);
    const good =
      form.get("grant_type") === "client_credentials" &&
      form.get("client_id") === APP_ID &&
      form.get("client_secret") === APP_PASSWORD &&
      form.get("scope") === `${CONNECTOR_SCOPE}/.default`;
    if (!good) return { status: 401, body: { error: "invalid_client" } };
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt({
      iss: `https://${LOGIN_HOST}/${LOGIN_TENANT}/`,
      aud: CONNECTOR_SCOPE,
      appid: APP_ID,
      nbf: now - 60,
      exp: now + 3600,
    });
    return {
      status: 200,
      body: { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: token },
    };
  }
  return null;
}

/** Whether an Authorization header carries a token the bot got from the identity's token endpoint. */
export function isBotToken(authorization: string | null): boolean {
  const [scheme, token] = (authorization ?? "").split(" ");
  if (scheme !== "Bearer" || !token) return false;
  const claims = verifiedClaims(token);
  return claims?.aud === CONNECTOR_SCOPE && claims.appid === APP_ID;
}

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
