import type { Platform } from "../../src/platforms.ts";
import { projectPath } from "../../src/root.ts";
import { COMMAND_NAME } from "./command-name.ts";
import { type SlackConfig, slackConfigSchema, slackMode } from "./config.ts";
import type { ConnectTimes } from "./connection.ts";
import { slackTexts } from "./texts.ts";

/**
 * Slack, as this folder registers it: its variables, its tables, its texts, and the Bolt app (open.ts) with the
 * routes and chat port. Bolt is tens of megabytes, so it is loaded only when Slack is configured.
 */
export const slackAdapterWith = (
  options: { apiTimeoutMs?: number; connectTimes?: ConnectTimes } = {},
): Platform<SlackConfig> => ({
  id: "slack",
  config: slackConfigSchema,
  migrations: projectPath("adapters/slack/migrations/"),
  texts: slackTexts,
  commandName: COMMAND_NAME,
  credentialed: (config) => slackMode(config) !== "off",
  async open(context) {
    if (slackMode(context.config) === "off") return null;
    return (await import("./open.ts")).openSlack(context, options);
  },
});

export const slackAdapter = slackAdapterWith();
