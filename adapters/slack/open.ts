import type { App } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Workspace } from "../../src/app/index.ts";
import { InFlight } from "../../src/in-flight.ts";
import type { AdapterContext, PlatformAdapter } from "../../src/platforms.ts";
import { boltApp } from "./app.ts";
import { SlackChat } from "./chat-port.ts";
import { type SlackConfig, slackMode } from "./config.ts";
import { type ConnectStep, type ConnectTimes, SlackConnection } from "./connection.ts";
import type { SlackDeps } from "./context.ts";
import { displayNames } from "./display-names.ts";
import { botTokenFor } from "./installation-store.ts";
import { registerListeners } from "./listeners/index.ts";
import { boltLogger } from "./logger.ts";
import { threadPages } from "./thread-pages.ts";
import { toldOnce } from "./told-once.ts";

/**
 * A Web API call Slack has not answered in this long is given up and retried (the client's default is no limit, and
 * one call that never returns would stall its discussion's refreshes). Long, because a post Slack was only slow to
 * confirm is posted again by the retry.
 */
export const API_TIMEOUT_MS = 20_000;

type Context = AdapterContext<SlackConfig>;

/**
 * Slack over HTTP at POST /slack/events (single workspace with a bot token, or many through OAuth), or over Socket
 * Mode for local development. Returns null when Slack is not configured.
 */
export async function openSlack(
  context: Context,
  options: { apiTimeoutMs?: number; connectTimes?: ConnectTimes } = {},
): Promise<PlatformAdapter | null> {
  const mode = slackMode(context.config);
  if (mode === "off") return null;
  const logger = boltLogger(context.log);
  const clientOptions = webApiOptions(context.config, logger, options.apiTimeoutMs ?? API_TIMEOUT_MS);
  let connection: SlackConnection | null = null;
  const ready = () => connection?.ready ?? false;
  const { app, installer } = boltApp({ context, mode, clientOptions, logger, ready });
  const working = trackWork(app);
  registerListeners(app, slackDeps(context));
  app.error(async (error) => {
    context.log.error("slack error", { error: String(error) });
  });
  const clientFor =
    mode === "oauth" && installer
      ? (workspace: Workspace) => () => teamClient(context, installer, workspace.externalId, clientOptions)
      : () => async () => app.client;
  if (mode !== "oauth") {
    connection = new SlackConnection(connectSteps(app, mode), context.log, options.connectTimes);
    await connection.begin();
  }
  return {
    chatFor: (workspace) => new SlackChat(clientFor(workspace), threadPages(context.db, workspace.id)),
    async stop() {
      connection?.stop();
      if (mode === "socket") await app.stop();
      await working.settled();
    },
  };
}

/** What Slack must answer before the bot serves it: Bolt's auth.test, and in Socket Mode the socket's opening. */
function connectSteps(app: App, mode: "single" | "socket"): ConnectStep[] {
  const init: ConnectStep = { variable: "SLACK_BOT_TOKEN", run: () => app.init() };
  return mode === "socket" ? [init, { variable: "SLACK_APP_TOKEN", run: () => app.start() }] : [init];
}

/**
 * The Web API client's own options: SLACK_API_URL, a limit on unanswered calls, and a few quick retries for 5xx,
 * network faults and calls left unanswered (a 429 waits the Retry-After Slack asks for).
 */
function webApiOptions(
  config: SlackConfig,
  logger: WebClientOptions["logger"],
  timeout: number,
): WebClientOptions {
  return {
    logger,
    timeout,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    ...(config.SLACK_API_URL ? { slackApiUrl: ensureSlash(config.SLACK_API_URL) } : {}),
  };
}

/**
 * Bolt answers Slack first and works after (a note is recorded after its modal closed): that work is tracked, so a
 * shutdown waits for it instead of closing the database under it.
 */
function trackWork(app: App): InFlight {
  const working = new InFlight();
  app.use(({ next }) => working.run(next));
  return working;
}

/**
 * What every listener gets: the core, the log, the adapter's own tables, and its short memories on the core's clock.
 */
function slackDeps({ core, log }: Context): SlackDeps {
  return { core, log, names: displayNames(core.deps.now), told: toldOnce(core.deps.now) };
}

/** A team's client, with the bot token read on every use: a reinstall (new token) or an uninstall counts at once. */
async function teamClient(
  context: Context,
  installer: InstallProvider,
  teamId: string,
  options: WebClientOptions,
) {
  const token = await botTokenFor(context.core, installer, teamId);
  if (!token) throw new Error("Slack is not installed in this workspace");
  return new WebClient(token, options);
}

const ensureSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
