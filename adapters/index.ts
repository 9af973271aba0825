import type { AdapterFactory } from "../src/platforms.ts";
import { localAdapter } from "./local/index.ts";
import { slackAdapter } from "./slack/index.ts";
import { teamsAdapter } from "./teams/index.ts";

/** Every chat platform the process can serve; each decides from the config whether it runs. */
export const ADAPTERS: AdapterFactory[] = [slackAdapter, teamsAdapter, localAdapter];

export { listenHostFor } from "./local/index.ts";
