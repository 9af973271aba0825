import { ConfidentialClientApplication, type NodeSystemOptions } from "@azure/msal-node";
import { MsalServiceClientCredentialsFactory } from "botframework-connector";
import { teamsAdapterWith } from "../../adapters/teams/index.ts";
import type { Platform } from "../../src/platforms.ts";
import type { FakeConnector } from "./teams-connector.ts";
import {
  APP_ID,
  APP_PASSWORD,
  CHANNEL_ISSUER,
  CONNECTOR_SCOPE,
  ENTRA_KEYS_PATH,
  LOGIN_HOST,
} from "./teams-identity.ts";

/**
 * The Teams adapter with credentials, against the fake Bot Framework of `connector`: botbuilder checks every
 * activity's token against the connector's OpenID metadata and keys, and gets its own token for the connector from
 * the connector's token endpoint (MSAL, through a network client that serves the https login host from loopback).
 * The connector from now on signs the driver's activities and refuses calls without the bot's token.
 */
export function authenticatedTeams(
  connector: FakeConnector,
  options: { connectorTimeoutMs?: number } = {},
): { env: Record<string, string>; adapter: Platform } {
  connector.appId = APP_ID;
  const base = connector.url;
  const login = `https://${LOGIN_HOST}/botframework.com`;
  const msal = new ConfidentialClientApplication({
    auth: { clientId: APP_ID, clientSecret: APP_PASSWORD, authority: login, knownAuthorities: [LOGIN_HOST] },
    system: { networkClient: loopbackLogin(base) },
  });
  const adapter = teamsAdapterWith({
    ...options,
    entraKeysUrl: `${base}${ENTRA_KEYS_PATH.slice(1)}`,
    botFramework: {
      endpoints: {
        ToChannelFromBotLoginUrl: login,
        ToChannelFromBotOAuthScope: CONNECTOR_SCOPE,
        ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
        OAuthUrl: `${base}oauth`,
        ToBotFromChannelOpenIdMetadataUrl: `${base}botframework/v1/.well-known/openidconfiguration`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${base}botframework/emulator/.well-known/openid-configuration`,
        CallerId: "urn:botframework:azure",
        ValidateAuthority: true,
      },
      // The same class in MSAL's ES module build (here) and its CommonJS build (botbuilder's): typed apart.
      credentialsFactory: new MsalServiceClientCredentialsFactory(APP_ID, msal as unknown as MsalClient),
    },
  });
  return { env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD }, adapter };
}

type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];

/** MSAL's requests to the login host, sent to the fake connector's /login/ instead. */
function loopbackLogin(base: string): NonNullable<NodeSystemOptions["networkClient"]> {
  const send = async <T>(
    method: string,
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ) => {
    const target = new URL(url);
    if (target.host !== LOGIN_HOST) throw new Error(`MSAL asked for ${target.host}, not the test login host`);
    const response = await fetch(`${base}login${target.pathname}${target.search}`, {
      method,
      headers: options?.headers,
      body: options?.body,
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: (await response.json()) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send("GET", url, options),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}
