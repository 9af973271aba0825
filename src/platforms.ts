import type { Express } from "express";
import type { ChatPort } from "./app/chat-port.ts";
import type { Logger } from "./app/context.ts";
import type { AdapterSql, Core, Workspace } from "./app/index.ts";
import type { Config } from "./config.ts";
import type { Platform } from "./domain/types.ts";

/** What an adapter gets to wire itself in. */
export interface AdapterContext {
  config: Config;
  core: Core;
  /** The adapter's own tables (installations, conversation references): never the core's. */
  db: AdapterSql;
  log: Logger;
  http: Express;
}

/** A chat platform's adapter, as the composition root sees it. */
export interface PlatformAdapter {
  platform: Platform;
  /** The port that reaches one workspace on this platform. */
  chatFor(workspace: Workspace): ChatPort;
  /** Called once HTTP is listening (Socket Mode connects here). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type AdapterFactory = (ctx: AdapterContext) => Promise<PlatformAdapter | null>;
