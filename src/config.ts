import { z } from "zod";
import { parseKey } from "./app/sealed.ts";

const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

const url = (what: string, protocols: RegExp) =>
  z
    .string()
    .refine((v) => URL.canParse(v) && protocols.test(new URL(v).protocol), { message: `a ${what} URL` });

export const configSchema = z
  .object({
    PORT: z.preprocess(
      unsetIfEmpty,
      z.coerce.number({ message: "a port number" }).int().min(0).max(65535).default(3978),
    ),
    DATABASE_URL: optional(url("postgres://", /^postgres(ql)?:$/)),
    DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default("./data")),
    SLACK_BOT_TOKEN: optional(z.string().regex(/^xox[bp]-/, { message: "a bot token starting with xoxb-" })),
    SLACK_SIGNING_SECRET: optional(z.string().min(8, { message: "the app's signing secret" })),
    SLACK_APP_TOKEN: optional(
      z.string().regex(/^xapp-/, { message: "an app-level token starting with xapp-" }),
    ),
    SLACK_CLIENT_ID: optional(z.string()),
    SLACK_CLIENT_SECRET: optional(z.string()),
    SLACK_STATE_SECRET: optional(z.string().min(8, { message: "a random secret of at least 8 characters" })),
    SLACK_API_URL: optional(url("http(s)://", /^https?:$/)),
    TOKEN_ENCRYPTION_KEY: optional(
      z
        .string()
        .refine((v) => parseKey(v) !== null, { message: "32 random bytes as 64 hex digits or base64" }),
    ),
    MICROSOFT_APP_ID: optional(z.string()),
    MICROSOFT_APP_PASSWORD: optional(z.string()),
    MICROSOFT_APP_TENANT_ID: optional(z.string()),
    MICROSOFT_APP_TYPE: optional(
      z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
        message: "MultiTenant, SingleTenant or UserAssignedMSI",
      }),
    ),
    MICROSOFT_ALLOWED_TENANTS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        )
        .refine((ids) => ids.length > 0, { message: "a comma-separated list of tenant ids" }),
    ),
    TEAMS_LOCAL_TEST: optional(z.enum(["0", "1"], { message: "1 (or 0)" })),
    TRUST_PROXY: optional(z.enum(["0", "1"], { message: "1 (or 0)" })),
    LOG_LEVEL: z.preprocess(
      unsetIfEmpty,
      z.enum(["debug", "info", "warn", "error"], { message: "debug, info, warn or error" }).default("info"),
    ),
  })
  .superRefine((c, ctx) => {
    const need = (name: keyof typeof c, because: string) => {
      if (!c[name]) ctx.addIssue({ code: "custom", path: [name], message: `required when ${because}` });
    };
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
    if (c.MICROSOFT_APP_ID) need("MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_ID is set");
    if (c.MICROSOFT_APP_TYPE === "SingleTenant")
      need("MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE is SingleTenant");
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value becomes one line naming the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "configuration");
  const message = issue?.message ?? "valid";
  if (message.startsWith("required")) throw new ConfigError(`Configuration error: ${name} is ${message}.`);
  const got = env[name] === undefined ? "it is not set" : "it is not valid";
  throw new ConfigError(`Configuration error: ${name} must be ${message} (${got}).`);
}

export const slackMode = (c: Config): "socket" | "oauth" | "single" | "off" =>
  c.SLACK_APP_TOKEN ? "socket" : c.SLACK_CLIENT_ID ? "oauth" : c.SLACK_BOT_TOKEN ? "single" : "off";
