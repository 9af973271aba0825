import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { Workspace } from "../../src/app/index.ts";
import { mergeTexts } from "../../src/i18n/index.ts";
import { InFlight } from "../../src/in-flight.ts";
import type { Platform } from "../../src/platforms.ts";
import { projectPath } from "../../src/root.ts";
import { cardTexts } from "../cards/texts.ts";
import { TeamsChat } from "./chat-port.ts";
import { type TeamsConfig, teamsConfigSchema } from "./config.ts";
import type { Connector, ConnectorSends } from "./connector.ts";
import type { TeamsDeps } from "./context.ts";
import { registerFileRoute } from "./files-route.ts";
import { graphPinner } from "./graph.ts";
import { fromLoopback, teamsAuthenticated, teamsMode } from "./mode.ts";
import { publicUrlOf } from "./public-url.ts";
import type { RuntimeOptions, TeamsRuntime } from "./runtime.ts";
import { teamsStore } from "./store.ts";
import { tabNote } from "./tab/link.ts";
import { registerTab } from "./tab/routes.ts";
import { tabTexts } from "./tab/texts.ts";
import { allowedTenants } from "./tenants.ts";
import { teamsTexts } from "./texts.ts";

const ROUTE = "/api/messages";
/** How people call the bot in Teams, as the help and the core's texts name it. */
const COMMAND_NAME = "@Arbejdsmiljø";

/** A body express could not read (not JSON, cut short, over the limit) is answered with its status alone. */
const bodyRefused: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = (error as { status?: unknown }).status;
  res.status(typeof status === "number" ? status : 500).end();
};

/**
 * Microsoft Teams through the Bot Framework: CloudAdapter at POST /api/messages. With MICROSOFT_APP_* set every
 * request must carry a valid Bot Framework token. Without them activities are taken only in local test mode (see
 * mode.ts) and only from this computer; otherwise /api/messages answers 401 to everything. The tab (tab/) is served
 * alike; its data only to a person signed in with Entra ID, and only with credentials.
 */
export const teamsAdapterWith = (options: RuntimeOptions = {}): Platform<TeamsConfig> => ({
  id: "teams",
  config: teamsConfigSchema,
  migrations: projectPath("adapters/teams/migrations/"),
  texts: mergeTexts(cardTexts, teamsTexts, tabTexts),
  commandName: COMMAND_NAME,
  credentialed: (config) => teamsAuthenticated(config),
  async open({ config, core, db, log, http, trial }) {
    const mode = teamsMode(config, trial);
    const trustProxy = config.TRUST_PROXY === "1";
    const appId = mode === "authenticated" ? (config.MICROSOFT_APP_ID ?? null) : null;
    // jose is loaded only where the tab's tokens can be checked at all.
    const verify = appId
      ? (await import("./tab/entra.ts")).entraVerifier(appId, allowedTenants(config), options.entraKeysUrl)
      : null;
    registerTab(http, { core, log, verify });
    if (mode === "off") {
      http.post(ROUTE, (_req, res) => void res.status(401).end());
      log.info(
        "Teams is off (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not set): /api/messages answers 401",
      );
      return null;
    }
    const store = teamsStore(db);
    const pinner = graphPinner(config, log);
    const load = runtimeLoader(log, () =>
      import("./runtime.ts").then((m) => m.teamsRuntime(config, deps, options)),
    );
    const connector = lazyConnector(async () => (await load()).connector);
    // Teams cannot pin in channels: the summary says it is kept in the app's tab, with a link (the app id names it).
    const summaryNote = appId ? tabNote(appId) : undefined;
    const chat = (workspace: Workspace) => new TeamsChat(workspace, connector, store, pinner, summaryNote);
    const deps: TeamsDeps = {
      core,
      log,
      store,
      chat,
      commandName: COMMAND_NAME,
      ...(summaryNote ? { summaryNote } : {}),
    };
    if (mode === "authenticated") await load();

    // An activity's work is done before its answer, but goes on when its client has gone: a shutdown waits for it.
    const working = new InFlight();
    const answer: RequestHandler = (req, res) =>
      working.run(async () => {
        const runtime = await load().catch(() => null);
        if (!runtime) return void res.status(500).end();
        await runtime.process(req, res, publicUrlOf(req, trustProxy));
      });
    const localOnly = mode === "local_test";
    // Unauthenticated activities only from this computer, by the connection's address: refused before any work.
    const fromThisComputer: RequestHandler = (req, res, next) =>
      !localOnly || fromLoopback(req) ? next() : void res.status(401).end();
    http.post(ROUTE, fromThisComputer, express.json({ limit: "1mb" }), answer, bodyRefused);
    registerFileRoute(http, store);
    if (localOnly)
      log.warn(
        "teams runs in local test mode: activities are not authenticated and taken from this computer only",
      );

    return { chatFor: chat, stop: () => working.settled() };
  },
});

export const teamsAdapter = teamsAdapterWith();

/**
 * botbuilder is loaded at start with credentials, otherwise (local test mode, the local trial) when Teams is first
 * used (a request or a send), which may be never. A failed load is logged and tried again by the next use.
 */
function runtimeLoader(log: TeamsDeps["log"], make: () => Promise<TeamsRuntime>) {
  let runtime: Promise<TeamsRuntime> | undefined;
  return () => {
    runtime ??= make().catch((error) => {
      log.error("could not load Teams' libraries", { error: String(error) });
      runtime = undefined;
      throw error;
    });
    return runtime;
  };
}

/** The Bot Connector's sends, made once botbuilder is loaded. */
function lazyConnector(loaded: () => Promise<Connector>): ConnectorSends {
  return {
    send: async (...args) => (await loaded()).send(...args),
    update: async (...args) => (await loaded()).update(...args),
    delete: async (...args) => (await loaded()).delete(...args),
    openPersonal: async (...args) => (await loaded()).openPersonal(...args),
  };
}
