import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import getRawBody from "raw-body";
import { InFlight } from "../../src/in-flight.ts";
import type { AdapterFactory } from "../../src/platforms.ts";
import type { Workspace } from "../../src/store/index.ts";
import { TeamsChat } from "./chat-port.ts";
import type { Connector, ConnectorSends } from "./connector.ts";
import type { TeamsDeps } from "./context.ts";
import { registerFileRoute } from "./files-route.ts";
import { graphPinner } from "./graph.ts";
import { fromLoopback, teamsMode } from "./mode.ts";
import type { RuntimeOptions, TeamsRuntime } from "./runtime.ts";
import { teamsStore } from "./store.ts";

const firstOf = (header: string | string[] | undefined) =>
  String(header ?? "")
    .split(",")[0]
    ?.trim() ?? "";
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The address the Bot Connector reached us at (download links are built on it): the Host header and the socket, or
 * a reverse proxy's X-Forwarded-Host and -Proto when TRUST_PROXY=1 (otherwise anyone could name the links' host).
 */
function publicUrlOf(req: IncomingMessage, trustProxy: boolean): string | null {
  const host = (trustProxy && firstOf(req.headers["x-forwarded-host"])) || firstOf(req.headers.host);
  if (!HOST.test(host)) return null;
  const forwarded = trustProxy ? firstOf(req.headers["x-forwarded-proto"]).toLowerCase() : "";
  const proto =
    forwarded === "https" || forwarded === "http"
      ? forwarded
      : (req.socket as TLSSocket).encrypted
        ? "https"
        : "http";
  return `${proto}://${host}`;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;
/** Larger bodies are refused (413): an activity is a few kilobytes. */
const MAX_BODY = "1mb";

/**
 * An activity's body as JSON, read here rather than through express: the route is answered before express (the
 * server's `serve`), whose router and request set-up took about a quarter of the app's CPU on a Teams request in
 * bench/ (0.42–0.45 against 0.31–0.33 ms). Undefined when it is not JSON, which is answered 400 as no activity.
 */
async function activityBody(req: IncomingMessage): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers["content-type"] ?? "")) return undefined;
  const text = await getRawBody(req, {
    length: req.headers["content-length"],
    limit: MAX_BODY,
    encoding: "utf8",
  });
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Microsoft Teams through the Bot Framework: CloudAdapter at POST /api/messages in the shared HTTP server. With
 * MICROSOFT_APP_* set every request must carry a valid Bot Framework token. Without them activities are taken only
 * in local test mode (see mode.ts) and only from this computer; otherwise /api/messages answers 401 to everything.
 */
export const teamsAdapterWith =
  (options: RuntimeOptions = {}): AdapterFactory =>
  async ({ config, core, db, log, http, serve }) => {
    const mode = teamsMode(config);
    if (mode === "off") {
      serve(["/api/messages"], (req, res) => {
        if (req.method !== "POST") throw new Error("not an activity");
        res.writeHead(401).end();
      });
      log.info(
        "Teams is off (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not set): /api/messages answers 401",
      );
      return null;
    }
    if (mode === "authenticated" && config.TEAMS_LOCAL_TEST === "1")
      log.warn("TEAMS_LOCAL_TEST is ignored: with MICROSOFT_APP_ID set every activity's token is checked");
    const store = teamsStore(db);
    const pinner = graphPinner(config, log);
    // botbuilder is loaded at start with credentials, otherwise (local test mode, the local trial) when Teams is first
    // used (a request or a send), which may be never.
    let runtime: Promise<TeamsRuntime> | undefined;
    const load = () => {
      runtime ??= import("./runtime.ts")
        .then((m) => m.teamsRuntime(config, deps, options))
        .catch((error) => {
          // Said once in the log, and tried again by the next request or send.
          log.error("could not load Teams' libraries", { error: String(error) });
          runtime = undefined;
          throw error;
        });
      return runtime;
    };
    const connector = lazyConnector(async () => (await load()).connector);
    const chat = (workspace: Workspace) => new TeamsChat(workspace, connector, store, pinner);
    const deps: TeamsDeps = { core, log, store, chat };
    if (mode === "authenticated") await load();

    // An activity's work is done before its answer, but goes on when its client has gone: a shutdown waits for it.
    const working = new InFlight();
    const answer = async (req: IncomingMessage, res: ServerResponse) => {
      let body: unknown;
      try {
        body = await activityBody(req);
      } catch (error) {
        // raw-body's errors carry their status: 413 for too large, 400 for a body cut short.
        const status = (error as { status?: unknown }).status;
        return void res.writeHead(typeof status === "number" ? status : 400).end();
      }
      try {
        await (await load()).process(req, body, res, publicUrlOf(req, trustProxy));
      } catch (error) {
        log.error("teams request failed", { error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      }
    };
    const trustProxy = config.TRUST_PROXY === "1";
    const localOnly = mode === "local_test";
    serve(["/api/messages"], (req, res) => {
      // Anything but a POST goes on to express, which has no route for it: 404.
      if (req.method !== "POST") throw new Error("not an activity");
      // Unauthenticated activities only from this computer, by the connection's address: refused before any work.
      if (localOnly && !fromLoopback(req)) return void res.writeHead(401).end();
      void working.run(() => answer(req, res));
    });
    registerFileRoute(http, store);
    if (localOnly)
      log.warn(
        "teams runs in local test mode: activities are not authenticated and taken from this computer only",
      );

    return { platform: "teams", chatFor: chat, stop: () => working.settled() };
  };

export const teamsAdapter = teamsAdapterWith();

/** The Bot Connector's sends, made once botbuilder is loaded. */
function lazyConnector(loaded: () => Promise<Connector>): ConnectorSends {
  return {
    send: async (...args) => (await loaded()).send(...args),
    update: async (...args) => (await loaded()).update(...args),
    delete: async (...args) => (await loaded()).delete(...args),
    openPersonal: async (...args) => (await loaded()).openPersonal(...args),
  };
}
