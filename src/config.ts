import { z } from "zod";
import { parseKey } from "./app/sealed.ts";

const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A variable that may be unset (an empty value counts as unset). */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

/** A URL whose protocol matches; `what` ends the error line ("must be a postgres:// URL"). */
export const url = (what: string, protocols: RegExp) =>
  z
    .string()
    .refine((v) => URL.canParse(v) && protocols.test(new URL(v).protocol), { message: `a ${what} URL` });

/** "1 (or 0)": a switch. */
export const flag = () => optional(z.enum(["0", "1"], { message: "1 (or 0)" }));

/** Adds "NAME is required when ..." to a schema's checks when the named value is missing. */
export const requirer =
  <C extends Record<string, unknown>>(c: C, ctx: z.RefinementCtx) =>
  (name: keyof C & string, because: string) => {
    if (!c[name]) ctx.addIssue({ code: "custom", path: [name], message: `required when ${because}` });
  };

/** Adds "NAME is not allowed when ..." to a schema's checks (the caller tests the condition). */
export const forbidder =
  <C extends Record<string, unknown>>(_c: C, ctx: z.RefinementCtx) =>
  (name: keyof C & string, because: string) => {
    ctx.addIssue({ code: "custom", path: [name], message: `not allowed when ${because}` });
  };

/** The core's variables; each platform brings a schema of its own (adapters/<name>/config.ts). */
export const coreConfigSchema = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ message: "a port number" }).int().min(0).max(65535).default(3978),
  ),
  DATABASE_URL: optional(url("postgres://", /^postgres(ql)?:$/)),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default("./data")),
  TOKEN_ENCRYPTION_KEY: optional(
    z.string().refine((v) => parseKey(v) !== null, { message: "32 random bytes as 64 hex digits or base64" }),
  ),
  TRUST_PROXY: flag(),
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z.enum(["debug", "info", "warn", "error"], { message: "debug, info, warn or error" }).default("info"),
  ),
});

export type CoreConfig = z.infer<typeof coreConfigSchema>;

/** The whole configuration: the core's variables and, beside them, every platform's own. */
export type Config = CoreConfig & Record<string, unknown>;

export class ConfigError extends Error {}

/**
 * Parses the environment with the core's schema and then each platform's; the first bad value becomes one line
 * naming the variable and what it expects.
 */
export function loadConfig(env: NodeJS.ProcessEnv, platformSchemas: readonly z.ZodType[] = []): Config {
  const parts: Record<string, unknown>[] = [];
  for (const schema of [coreConfigSchema, ...platformSchemas]) {
    const result = schema.safeParse(env);
    if (!result.success) throw configError(env, result.error.issues[0]);
    parts.push(result.data as Record<string, unknown>);
  }
  // The core's values last: a platform schema may read a core variable (to require it), never redefine it.
  return Object.assign({}, ...parts.slice(1), parts[0]) as Config;
}

function configError(env: NodeJS.ProcessEnv, issue: z.core.$ZodIssue | undefined): ConfigError {
  const name = String(issue?.path[0] ?? "configuration");
  const message = issue?.message ?? "valid";
  if (message.startsWith("required") || message.startsWith("not allowed"))
    return new ConfigError(`Configuration error: ${name} is ${message}.`);
  const got = env[name] === undefined ? "it is not set" : "it is not valid";
  return new ConfigError(`Configuration error: ${name} must be ${message} (${got}).`);
}
