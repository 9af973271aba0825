import { slackMode } from "../src/config.ts";
import type { AdapterFactory } from "../src/platforms.ts";
import { localAdapter } from "./local/index.ts";
import { teamsAdapter } from "./teams/index.ts";

/**
 * Every chat platform the process can serve; each decides from the config whether it runs. A platform's SDK is
 * loaded only when it may run: Bolt and botbuilder are tens of megabytes each.
 */
export const ADAPTERS: AdapterFactory[] = [
  async (ctx) =>
    slackMode(ctx.config) === "off" ? null : (await import("./slack/index.ts")).slackAdapter(ctx),
  // Teams' adapter loads botbuilder itself, only when Teams is used (adapters/teams/runtime.ts).
  teamsAdapter,
  localAdapter,
];

export { listenHostFor } from "./local/index.ts";
