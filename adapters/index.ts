import type { Config } from "../src/config.ts";
import { isTrial, loadConfigFor, type Platform } from "../src/platforms.ts";
import { loadMigrations, type Migration } from "../src/store/migrate.ts";
import { localAdapter } from "./local/index.ts";
import { slackAdapter } from "./slack/index.ts";
import { teamsAdapter } from "./teams/index.ts";

/**
 * Every chat platform the process can serve, each registered by its folder (adapters/<name>/index.ts); each decides
 * from the config whether it runs. Adding a platform is adding its folder and its line here.
 */
export const PLATFORMS: readonly Platform[] = [slackAdapter, teamsAdapter, localAdapter];

/** The environment, checked against the core's variables and every listed platform's. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfigFor(PLATFORMS, env);

/** The migrations the app applies at start: the core's, then every listed platform's own tables'. */
export const appMigrations = (): Promise<Migration[]> =>
  loadMigrations(PLATFORMS.flatMap((p) => (p.migrations ? [p.migrations] : [])));

/** The local trial: no listed platform has its credentials set. */
export const localTrial = (config: Config): boolean => isTrial(PLATFORMS, config);

/** Where the HTTP server listens: this computer only in the local trial (its channel has no login). */
export const listenHostFor = (config: Config): string | undefined =>
  localTrial(config) ? "127.0.0.1" : undefined;
