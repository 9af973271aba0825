import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import getRawBody from "raw-body";
import { ConfigError } from "../../src/config.ts";
import { InFlight } from "../../src/in-flight.ts";
import type { AdapterFactory } from "../../src/platforms.ts";
import type { Workspace } from "../../src/store/index.ts";
import { TeamsChat } from "./chat-port.ts";
import type { Connector, ConnectorSends } from "./connector.ts";
import type { TeamsDeps } from "./context.ts";
import { registerFileRoute } from "./files-route.ts";
import { graphPinner } from "./graph.ts";
import { teamsMode } from "./mode.ts";
import type { TeamsRuntime } from "./runtime.ts";
import { teamsStore } from "./store.ts";

/** The address the Bot Connector reached us at, as seen through a reverse proxy when there is one. */
function publicUrlOf(req: IncomingMessage): string | null {
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "")
    .split(",")[0]
    ?.trim();
  if (!host) return null;
  const proto = String(
    req.headers["x-forwarded-proto"] ?? ((req.socket as TLSSocket).encrypted ? "https" : "http"),
  )
    .split(",")[0]
    ?.trim();
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
 * MICROSOFT_APP_* set every request must carry a valid Bot Framework token; without them the bot runs in local test
 * mode, which is refused in production.
 */
export const teamsAdapterWith =
  ({ connectorTimeoutMs }: { connectorTimeoutMs?: number } = {}): AdapterFactory =>
  async ({ config, core, db, log, http, serve }) => {
    const mode = teamsMode(config);
    if (mode === "off") {
      log.info("Teams is off: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not set");
      return null;
    }
    if (mode === "refused") {
      throw new ConfigError(
        "Configuration error: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are required when NODE_ENV=production (without them Teams runs in local test mode, unauthenticated).",
      );
    }
    const store = teamsStore(db);
    const pinner = graphPinner(config, log);
    // botbuilder is loaded at start with credentials, otherwise (local test mode, the local trial) when Teams is first
    // used (a request or a send), which may be never.
    let runtime: Promise<TeamsRuntime> | undefined;
    const load = () => {
      runtime ??= import("./runtime.ts")
        .then((m) => m.teamsRuntime(config, deps, connectorTimeoutMs))
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
        await (await load()).process(req, body, res, publicUrlOf(req));
      } catch (error) {
        log.error("teams request failed", { error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      }
    };
    serve(["/api/messages"], (req, res) => {
      // Anything but a POST goes on to express, which has no route for it: 404.
      if (req.method !== "POST") throw new Error("not an activity");
      void working.run(() => answer(req, res));
    });
    registerFileRoute(http, store);
    if (mode === "local_test")
      log.warn("teams runs in local test mode: inbound requests are not authenticated");

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
