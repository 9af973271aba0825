import { createServer, type Server } from "node:http";
import express from "express";
import type { ChatPort } from "./app/chat-port.ts";
import { DEFAULT_COMMAND } from "./app/command-name.ts";
import { type Core, createCore, parseKey, type Store, type Workspace } from "./app/index.ts";
import { WorkspaceCache } from "./app/workspace-cache.ts";
import type { Config } from "./config.ts";
import type { PlatformId } from "./domain/types.ts";
import { databaseAnswers } from "./health.ts";
import { createLogger, secretsOf } from "./logger.ts";
import { isTrial, type Platform, type PlatformAdapter } from "./platforms.ts";
import { Dispatcher } from "./scheduler/dispatcher.ts";
import { type Db, repos } from "./store/index.ts";
import { loadMigrations } from "./store/migrate.ts";
import { openStore } from "./store/open.ts";

/**
 * Idle connections are kept open 65 s, longer than the 60 s a load balancer or proxy in front typically keeps them
 * (Node closes them after 5 s, and a proxy reusing one just closed gets an error). A new connection costs more than
 * its handshake here: under load Node accepts one per turn of the event loop, so a burst that had to open new
 * connections waited seconds for them (Slack allows 3 s).
 */
export function keepConnections(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/** The core's store port over the store's driver: the type says the store's repositories fit the core's ports. */
export function storePort(db: Db): Store {
  return {
    repos: repos(db),
    transaction: (work) => db.transaction((tx) => work(repos(tx))),
  };
}

export interface RunningServer {
  port: number;
  core: Core;
  db: Db;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/**
 * The composition root's body: config -> store -> core -> adapters -> HTTP, serving the platforms given (main.ts
 * passes adapters/index.ts's list). Kept apart from main.ts so tests can run the whole app in-process on a free port.
 */
export async function startServer(
  config: Config,
  platforms: readonly Platform[],
  options: {
    now?: () => Date;
    db?: Db;
    scheduler?: boolean;
    /** The address to listen on; unset means every interface (the local trial passes 127.0.0.1). */
    listenHost?: string;
  } = {},
): Promise<RunningServer> {
  const log = createLogger(config.LOG_LEVEL, undefined, secretsOf(config));
  const tables = platforms.flatMap((p) => (p.migrations ? [p.migrations] : []));
  const where = { databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR };
  // A database handed in (tests, benchmarks) is migrated by whoever hands it in (adapters/index.ts's appMigrations).
  const db = options.db ?? (await openStore(where, await loadMigrations(tables)));
  const adapters = new Map<PlatformId, PlatformAdapter>();
  const chatFor = (workspace: Workspace): ChatPort => {
    const adapter = adapters.get(workspace.platform);
    if (!adapter) throw new Error(`No chat adapter is running for ${workspace.platform}`);
    return adapter.chatFor(workspace);
  };
  // Each platform's own way of calling the bot, for the core's texts that tell people what to write.
  const commands = new Map(platforms.map((p) => [p.id, p.commandName]));
  const commandFor = (workspace: Workspace): string => commands.get(workspace.platform) ?? DEFAULT_COMMAND;
  const now = options.now ?? (() => new Date());
  // A workspace read serves the requests of the next two seconds; another instance's change is seen after that.
  const store = storePort(db);
  const sealingKey = parseKey(config.TOKEN_ENCRYPTION_KEY ?? "");
  const core = createCore(
    { store, chatFor, commandFor, now, log, sealingKey },
    new WorkspaceCache(now, 2000),
  );
  const http = express();
  http.disable("x-powered-by");
  // No ETags: the answers are to POSTs or change with every read, so hashing each body would buy nothing.
  http.set("etag", false);
  http.get("/healthz", async (_req, res) => {
    if (await databaseAnswers(db)) res.json({ status: "ok", database: "ok" });
    else res.status(503).json({ status: "unavailable", database: "unreachable" });
  });
  const trial = isTrial(platforms, config);
  for (const platform of platforms) {
    const adapter = await platform.open({ config, core, db, log, http, trial });
    if (adapter) adapters.set(platform.id, adapter);
  }
  const server = createServer(http);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (options.listenHost) server.listen(config.PORT, options.listenHost, resolve);
    else server.listen(config.PORT, resolve);
  });
  keepConnections(server);
  for (const adapter of adapters.values()) await adapter.start?.();
  const dispatcher = new Dispatcher({
    store,
    chatFor,
    commandFor,
    now: core.deps.now,
    log,
    sweep: () => core.publishPending(),
  });
  if (options.scheduler ?? true) {
    dispatcher.start();
    // Catch up at once after a restart: overdue reminders, and summaries a dead process left unposted.
    void dispatcher.tick();
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log.info("listening", {
    port,
    host: options.listenHost ?? "all interfaces",
    database: db.driver,
    adapters: [...adapters.keys()],
  });
  return {
    port,
    core,
    db,
    dispatcher,
    async stop() {
      // Stop taking connections; idle keep-alive ones close now, busy ones when their request is answered.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      await dispatcher.stop();
      await closed;
      for (const adapter of adapters.values()) await adapter.stop?.();
      if (!options.db) await db.close();
    },
  };
}
