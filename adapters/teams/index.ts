import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from "botbuilder";
import express, { type Request } from "express";
import { type Config, ConfigError, slackMode } from "../../src/config.ts";
import type { AdapterFactory } from "../../src/platforms.ts";
import type { Workspace } from "../../src/store/index.ts";
import { PUBLIC_URL, TeamsBot } from "./bot.ts";
import { TeamsChat } from "./chat-port.ts";
import { CONNECTOR_TIMEOUT_MS, Connector } from "./connector.ts";
import type { TeamsDeps } from "./context.ts";
import { registerFileRoute } from "./files-route.ts";
import { graphPinner } from "./graph.ts";
import { teamsStore } from "./store.ts";

/** Whether inbound requests are authenticated (credentials set) or the bot runs in local test mode. */
export const teamsAuthenticated = (config: Config) => Boolean(config.MICROSOFT_APP_ID);

function authentication(config: Config) {
  const options: ConfigurationBotFrameworkAuthenticationOptions = teamsAuthenticated(config)
    ? {
        MicrosoftAppId: config.MICROSOFT_APP_ID,
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
        MicrosoftAppType: config.MICROSOFT_APP_TYPE ?? "MultiTenant",
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      }
    : {};
  return new ReusingAuthentication(options);
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;

/**
 * botbuilder builds a new Bot Connector client (its HTTP pipeline, policies and connection pool) for every
 * proactive send (the channel refreshes, reminders, summaries), which in a busy meeting is a large share of the
 * bot's CPU. The client holds no state of a turn and renews its own token, so one per service URL, audience and bot
 * is reused, as botbuilder's older adapter did. (An incoming turn's client is built elsewhere, in botbuilder's
 * request authentication, and is not affected.)
 */
class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  override createConnectorFactory(
    identity: Parameters<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>[0],
  ): ConnectorFactory {
    const inner = super.createConnectorFactory(identity);
    // Who the client acts for (not the claims that change with each token, such as its expiry).
    const appId = identity.claims
      .filter((c) => ["aud", "appid", "azp", "ver"].includes(c.type))
      .map((c) => `${c.type}=${c.value}`)
      .join("&");
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = JSON.stringify([appId, serviceUrl, audience ?? null]);
        let client = this.clients.get(key);
        if (!client) {
          if (this.clients.size >= 100) this.clients.clear();
          client = inner.create(serviceUrl, audience);
          // A failed creation (a token that could not be had) is not kept.
          client.catch(() => this.clients.delete(key));
          this.clients.set(key, client);
        }
        return client;
      },
    } as ConnectorFactory;
  }
}

/** The address the Bot Connector reached us at, as seen through a reverse proxy when there is one. */
function publicUrlOf(req: Request): string | null {
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "")
    .split(",")[0]
    ?.trim();
  if (!host) return null;
  const proto = String(req.headers["x-forwarded-proto"] ?? req.protocol ?? "https")
    .split(",")[0]
    ?.trim();
  return `${proto}://${host}`;
}

/**
 * Microsoft Teams through the Bot Framework: CloudAdapter at POST /api/messages in the shared HTTP server. With
 * MICROSOFT_APP_* set every request must carry a valid Bot Framework token; without them the bot runs in local test
 * mode, which is refused in production.
 */
export const teamsAdapterWith =
  ({ connectorTimeoutMs = CONNECTOR_TIMEOUT_MS } = {}): AdapterFactory =>
  async ({ config, core, db, log, http }) => {
    if (!teamsAuthenticated(config) && config.NODE_ENV === "production") {
      // Unauthenticated local test mode never runs in production. A Slack deployment simply has no Teams.
      if (slackMode(config) !== "off") {
        log.info("Teams is off: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not set");
        return null;
      }
      throw new ConfigError(
        "Configuration error: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are required when NODE_ENV=production (without them Teams runs in local test mode, unauthenticated).",
      );
    }
    const adapter = new CloudAdapter(authentication(config));
    const store = teamsStore(db);
    const connector = new Connector(adapter, config.MICROSOFT_APP_ID ?? "", connectorTimeoutMs);
    const pinner = graphPinner(config, log);
    const chat = (workspace: Workspace) => new TeamsChat(workspace, connector, store, pinner);
    const deps: TeamsDeps = { core, log, store, chat };
    const bot = new TeamsBot(deps);
    adapter.onTurnError = async (context, error) => {
      log.error("teams turn failed", { error: String(error), activity: context.activity?.type });
    };

    http.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
      const publicUrl = publicUrlOf(req);
      await adapter.process(req, res, async (context) => {
        context.turnState.set(PUBLIC_URL, publicUrl);
        await bot.run(context);
      });
    });
    registerFileRoute(http, store);
    if (!teamsAuthenticated(config))
      log.warn("teams runs in local test mode: inbound requests are not authenticated");

    return { platform: "teams", chatFor: chat };
  };

export const teamsAdapter = teamsAdapterWith();
