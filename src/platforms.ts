import type { Express } from "express";
import type { z } from "zod";
import type { ChatPort } from "./app/chat-port.ts";
import type { Logger } from "./app/context.ts";
import type { AdapterSql, Core, Workspace } from "./app/index.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import type { PlatformId } from "./domain/types.ts";
import type { Texts } from "./i18n/index.ts";

/** What an adapter gets to wire itself in. */
export interface AdapterContext<C extends Config = Config> {
  /** The core's variables and this platform's (its schema parsed them), beside the other platforms'. */
  config: C;
  core: Core;
  /** The adapter's own tables (installations, conversation references): never the core's. */
  db: AdapterSql;
  log: Logger;
  http: Express;
  /** No platform served has its credentials set: the local trial, on this computer only. */
  trial: boolean;
}

/** A running chat platform, as the composition root sees it. */
export interface PlatformAdapter {
  /** The port that reaches one workspace on this platform. */
  chatFor(workspace: Workspace): ChatPort;
  /** Called once HTTP is listening (Socket Mode connects here). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * A chat platform, as its folder adapters/<name>/ registers it: the composition root hands a list of these to
 * startServer, and nothing in the core knows more of a platform than this.
 */
export interface Platform<C extends Config = Config> {
  /** The id its workspaces are stored under. */
  id: PlatformId;
  /** Its environment variables, checked at start after the core's. */
  config?: z.ZodType;
  /** The folder of its own tables' migrations, applied after the core's. */
  migrations?: string;
  /** The texts it shows beyond the core's, in every language (its translator adds them to the core's). */
  texts?: Texts;
  /** How its people call the bot, as the core's texts name it ("@Arbejdsmiljø"); unset: "/arbejdsmiljø". */
  commandName?: string;
  /** Whether its credentials are set; with none set anywhere, `npm start` is the local trial. */
  credentialed?(config: C): boolean;
  /** Mounts its routes and gives its chat port, or null when the configuration leaves it off. */
  open(ctx: AdapterContext<C>): Promise<PlatformAdapter | null>;
}

/** Whether none of the platforms has its credentials set in the config. */
export const isTrial = (platforms: readonly Platform[], config: Config): boolean =>
  !platforms.some((p) => p.credentialed?.(config));

/**
 * The environment, checked against the core's variables and then each platform's. The local trial's channel has no
 * login and trusts this computer, so no proxy may stand in front of it.
 */
export function loadConfigFor(platforms: readonly Platform[], env: NodeJS.ProcessEnv): Config {
  const config = loadConfig(
    env,
    platforms.flatMap((p) => (p.config ? [p.config] : [])),
  );
  if (config.TRUST_PROXY === "1" && isTrial(platforms, config))
    throw new ConfigError(
      "Configuration error: TRUST_PROXY is not allowed in the local trial: set Slack or Teams credentials (behind a proxy the trial's channel, which has no login, would be open to the network).",
    );
  return config;
}
