import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { slackMode } from "../../src/config.ts";
import { InFlight } from "../../src/in-flight.ts";
import type { AdapterFactory } from "../../src/platforms.ts";
import type { Workspace } from "../../src/store/index.ts";
import { parseKey } from "../../src/store/sealed.ts";
import { registerListeners } from "./app.ts";
import { SlackChat } from "./chat-port.ts";
import { botTokenFor, pgInstallationStore } from "./installation-store.ts";
import { boltLogger } from "./logger.ts";
import { oauthCallbacks } from "./oauth-pages.ts";
import { SCOPES } from "./scopes.ts";
import { verifiedSlackRequests } from "./signed-requests.ts";
import { toldOnce } from "./told-once.ts";
import { webApiTransport } from "./web-api-transport.ts";

/**
 * A Web API call Slack has not answered in this long is given up and retried (the client's default is no limit,
 * and one call that never returns would stall its discussion's channel refreshes). Long, because a post that Slack
 * was only slow to confirm is posted again by the retry.
 */
const API_TIMEOUT_MS = 20_000;

const EVENTS_PATH = "/slack/events";
const INSTALL_PATH = "/slack/install";
const REDIRECT_PATH = "/slack/oauth_redirect";

/**
 * Slack over HTTP at POST /slack/events (single workspace with a bot token, or many through OAuth), or over Socket
 * Mode for local development. Returns null when Slack is not configured.
 */
export const slackAdapterWith =
  ({ apiTimeoutMs = API_TIMEOUT_MS } = {}): AdapterFactory =>
  async ({ config, core, db, log, serve }) => {
    const mode = slackMode(config);
    const tokenKey = () => parseKey(config.TOKEN_ENCRYPTION_KEY ?? "") as Buffer;
    if (mode === "off") return null;
    const logLevel = config.LOG_LEVEL === "debug" ? LogLevel.DEBUG : LogLevel.WARN;
    const logger = boltLogger(log);
    // A few quick retries for 5xx, network faults and calls Slack leaves unanswered; a 429 waits the Retry-After
    // Slack asks for.
    const clientOptions = {
      logger,
      fetch: webApiTransport(apiTimeoutMs),
      retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 },
      ...(config.SLACK_API_URL ? { slackApiUrl: ensureSlash(config.SLACK_API_URL) } : {}),
    };
    let app: App;
    if (mode === "socket") {
      app = new App({
        token: config.SLACK_BOT_TOKEN,
        appToken: config.SLACK_APP_TOKEN,
        socketMode: true,
        clientOptions,
        // The Socket Mode client takes its Web API options (SLACK_API_URL) from installerOptions, not clientOptions.
        installerOptions: { clientOptions },
        logger,
        logLevel,
        convoStore: false,
      });
    } else {
      // Bolt's own HTTP handling, without express in front: a click costs about 30 % less CPU to acknowledge.
      const signingSecret = config.SLACK_SIGNING_SECRET as string;
      const receiver = new HTTPReceiver({
        signingSecret,
        // Checked before the receiver, at less cost (signed-requests.ts).
        signatureVerification: false,
        endpoints: [EVENTS_PATH],
        logger,
        logLevel,
        ...(mode === "oauth"
          ? {
              clientId: config.SLACK_CLIENT_ID,
              clientSecret: config.SLACK_CLIENT_SECRET,
              stateSecret: config.SLACK_STATE_SECRET,
              scopes: [...SCOPES],
              installationStore: pgInstallationStore(db, tokenKey()),
              installerOptions: {
                directInstall: true,
                installPath: INSTALL_PATH,
                redirectUriPath: REDIRECT_PATH,
                clientOptions,
                callbackOptions: oauthCallbacks(core, log),
              },
            }
          : {}),
      });
      serve(
        mode === "oauth" ? [EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH] : [EVENTS_PATH],
        verifiedSlackRequests(EVENTS_PATH, signingSecret, receiver.requestListener, log),
      );
      app = new App({
        receiver,
        clientOptions,
        logger,
        logLevel,
        // Bolt's conversation store keeps per-channel state we never use, at a cost on every request.
        convoStore: false,
        ...(mode === "single" ? { token: config.SLACK_BOT_TOKEN } : {}),
      });
    }
    // Bolt answers Slack first and works after (a note is recorded after its modal closed): that work is tracked,
    // so a shutdown waits for it instead of closing the database under it.
    const working = new InFlight();
    app.use(({ next }) =>
      working.run(async () => {
        await next();
      }),
    );
    registerListeners(app, { core, log, told: toldOnce() });
    app.error(async (error) => {
      log.error("slack error", { error: String(error) });
    });

    // One client per bot token: the token is looked up on every use, so a reinstall (new token) or an uninstall
    // takes effect at once on every instance.
    const clients = new Map<string, WebClient>();
    const clientFor = async (teamId: string): Promise<WebClient> => {
      if (mode !== "oauth") return app.client;
      const token = await botTokenFor(db, teamId, tokenKey());
      if (!token) throw new Error("Slack is not installed in this workspace");
      const cached = clients.get(token);
      if (cached) return cached;
      if (clients.size > 1000) clients.clear();
      const client = new WebClient(token, clientOptions);
      clients.set(token, client);
      return client;
    };
    return {
      platform: "slack",
      chatFor(workspace: Workspace) {
        if (mode !== "oauth") return new SlackChat(app.client);
        // The port is needed synchronously; the team's client is looked up on first use.
        return lazyChat(() => clientFor(workspace.externalId));
      },
      async start() {
        if (mode === "socket") await app.start();
      },
      async stop() {
        if (mode === "socket") await app.stop();
        await working.settled();
      },
    };
  };

export const slackAdapter = slackAdapterWith();

function lazyChat(client: () => Promise<WebClient>): SlackChat {
  return new Proxy({} as SlackChat, {
    get(_target, property) {
      return async (...args: unknown[]) => {
        const chat = new SlackChat(await client()) as unknown as Record<
          string | symbol,
          (...a: unknown[]) => unknown
        >;
        return chat[property]?.(...args);
      };
    },
  });
}

const ensureSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
