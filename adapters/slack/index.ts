import type { AdapterFactory } from "../../src/platforms.ts";

/** Slack adapter (issue 3): returns null until Slack is configured. */
export const slackAdapter: AdapterFactory = async () => null;
