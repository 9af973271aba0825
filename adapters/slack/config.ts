import { z } from "zod";
import { type CoreConfig, optional, requirer, url } from "../../src/config.ts";

/** Slack's variables (the runtime contract in the README): a bot token, OAuth, or Socket Mode. */
export const slackConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: optional(z.string().regex(/^xox[bp]-/, { message: "a bot token starting with xoxb-" })),
    SLACK_SIGNING_SECRET: optional(z.string().min(8, { message: "the app's signing secret" })),
    SLACK_APP_TOKEN: optional(
      z.string().regex(/^xapp-/, { message: "an app-level token starting with xapp-" }),
    ),
    SLACK_CLIENT_ID: optional(z.string()),
    SLACK_CLIENT_SECRET: optional(z.string()),
    SLACK_STATE_SECRET: optional(z.string().min(8, { message: "a random secret of at least 8 characters" })),
    SLACK_API_URL: optional(url("http(s)://", /^https?:$/)),
    // The core checks its form; read here only because OAuth requires it.
    TOKEN_ENCRYPTION_KEY: optional(z.string()),
  })
  .superRefine((c, ctx) => {
    const need = requirer(c, ctx);
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN) need("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN is set");
    if (c.SLACK_APP_TOKEN) need("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN is set (Socket Mode)");
    const oauth = [c.SLACK_CLIENT_ID, c.SLACK_CLIENT_SECRET, c.SLACK_STATE_SECRET].some(Boolean);
    if (oauth) {
      need("SLACK_CLIENT_ID", "Slack OAuth is configured");
      need("SLACK_CLIENT_SECRET", "Slack OAuth is configured");
      need("SLACK_STATE_SECRET", "Slack OAuth is configured");
      need("SLACK_SIGNING_SECRET", "Slack OAuth is configured");
      need("TOKEN_ENCRYPTION_KEY", "Slack OAuth is configured (the tokens are stored encrypted)");
    }
  });

export type SlackConfig = CoreConfig & z.infer<typeof slackConfigSchema>;

export const slackMode = (c: SlackConfig): "socket" | "oauth" | "single" | "off" =>
  c.SLACK_APP_TOKEN ? "socket" : c.SLACK_CLIENT_ID ? "oauth" : c.SLACK_BOT_TOKEN ? "single" : "off";
