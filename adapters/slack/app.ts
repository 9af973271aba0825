import { App, type Logger as BoltLogger, ExpressReceiver, LogLevel } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import type { WebClientOptions } from "@slack/web-api";
import type { AdapterContext } from "../../src/platforms.ts";
import type { SlackConfig } from "./config.ts";
import { installationStore } from "./installation-store.ts";
import { untilReady } from "./not-ready.ts";
import { oauthCallbacks } from "./oauth-pages.ts";
import { SCOPES } from "./scopes.ts";

const EVENTS_PATH = "/slack/events";
const INSTALL_PATH = "/slack/install";
const REDIRECT_PATH = "/slack/oauth_redirect";

/** How the Bolt app is made: the adapter's context, which way Slack reaches it, and the options both share. */
export interface BoltSetup {
  context: AdapterContext<SlackConfig>;
  mode: "single" | "oauth" | "socket";
  clientOptions: WebClientOptions;
  logger: BoltLogger;
  /** Whether Slack has answered Bolt's init (connection.ts): with a bot token, requests wait for that. */
  ready: () => boolean;
}

/**
 * The Bolt app: over HTTP, Bolt's ExpressReceiver mounted in the server's express app (Bolt checks every request's
 * signature); in Socket Mode, for local development, its SocketModeReceiver.
 */
export function boltApp(setup: BoltSetup): { app: App; installer?: InstallProvider } {
  return setup.mode === "socket" ? { app: socketModeApp(setup) } : httpApp(setup);
}

const logLevelOf = (config: SlackConfig) => (config.LOG_LEVEL === "debug" ? LogLevel.DEBUG : LogLevel.WARN);

function socketModeApp({ context: { config }, clientOptions, logger }: BoltSetup): App {
  return new App({
    token: config.SLACK_BOT_TOKEN,
    appToken: config.SLACK_APP_TOKEN,
    socketMode: true,
    clientOptions,
    // The Socket Mode client takes its Web API options (SLACK_API_URL) from installerOptions, not clientOptions.
    installerOptions: { clientOptions },
    logger,
    logLevel: logLevelOf(config),
    convoStore: false,
    // init (auth.test) and start are awaited by connection.ts, which retries them while Slack is down.
    deferInitialization: true,
  });
}

/** With OAuth, the receiver's installer is what finds (and refreshes) a team's token for the bot's own messages. */
function httpApp(setup: BoltSetup): { app: App; installer?: InstallProvider } {
  const { context, mode, clientOptions, logger } = setup;
  const logLevel = logLevelOf(context.config);
  const secret = context.config.SLACK_SIGNING_SECRET as string;
  // Registered before the receiver's route, so it is asked first.
  if (mode === "single") context.http.post(EVENTS_PATH, untilReady(setup.ready, secret));
  const receiver = new ExpressReceiver({
    signingSecret: secret,
    endpoints: EVENTS_PATH,
    app: context.http,
    logger,
    logLevel,
    ...(mode === "oauth" ? installOptions(setup) : {}),
  });
  const app = new App({
    receiver,
    clientOptions,
    logger,
    logLevel,
    // No conversation store: Bolt would keep per-channel state in memory, and all our state is in PostgreSQL.
    convoStore: false,
    // With a bot token, init's auth.test is awaited by connection.ts; OAuth needs no init.
    ...(mode === "single" ? { token: context.config.SLACK_BOT_TOKEN, deferInitialization: true } : {}),
  });
  return { app, ...(receiver.installer ? { installer: receiver.installer } : {}) };
}

/** Installing in many workspaces: Bolt's installer serves the install paths; installations go to PostgreSQL. */
function installOptions({ context, clientOptions }: BoltSetup) {
  const { config, core, log } = context;
  return {
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    scopes: [...SCOPES],
    installationStore: installationStore(core),
    installerOptions: {
      directInstall: true,
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      clientOptions,
      callbackOptions: oauthCallbacks(core, log),
    },
  };
}
