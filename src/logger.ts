import type { Logger } from "./app/context.ts";
import type { Config } from "./config.ts";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

const REDACTED = "[redacted]";

/** Secrets that must never reach a log line, whatever field they hide in. */
const SECRET_PATTERNS: [RegExp, string][] = [
  // Slack's tokens: bot, user, refresh (xoxe-) and rotating ones (xoxe.xoxp-), and app-level tokens.
  [/xox[a-z](?:\.xox[a-z])?-[A-Za-z0-9-]+/g, REDACTED],
  [/xapp-[A-Za-z0-9-]+/g, REDACTED],
  [/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, REDACTED],
  // A JWT on its own (Bot Framework tokens, OAuth state): three base64url parts, the first a JSON object.
  [/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // Download links' tokens (32 random bytes as base64url), in a link or alone.
  [/(\/files\/)[A-Za-z0-9_-]{16,}/g, `$1${REDACTED}`],
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, REDACTED],
  // Secrets by name: in a query string or form body, and as a JSON field.
  [
    /([?&](?:code|state|token|access_token|refresh_token|client_secret|password)=)[^&\s"']+/gi,
    `$1${REDACTED}`,
  ],
  [/("[A-Za-z_]*(?:secret|password|token|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
];

/**
 * Configured secrets shorter than this are not looked for: they could not be told from ordinary text (the settings
 * that are secrets ask for at least 8 characters, and Slack's and Microsoft's are far longer).
 */
const SHORTEST_SECRET = 8;

/** A pattern for the configured secret values as they can appear in a line: raw, JSON-escaped, URL-encoded. */
function secretValues(secrets: readonly (string | null | undefined)[]): RegExp | null {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < SHORTEST_SECRET) continue;
    for (const form of [secret, encodeURIComponent(secret)]) {
      forms.add(form);
      forms.add(JSON.stringify(form).slice(1, -1));
    }
  }
  if (forms.size === 0) return null;
  // Longest first, so a secret that contains another is taken whole.
  const escaped = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(escaped.join("|"), "g");
}

/** A setting's name that says its value is a secret: the core's and every platform's are named so. */
const SECRET_SETTING = /_(?:TOKEN|SECRET|PASSWORD|KEY)$/;

/** The settings whose values are secrets, for createLogger to redact (tokens have their own patterns too). */
export function secretsOf(config: Config): string[] {
  return Object.entries(config).flatMap(([name, value]) =>
    SECRET_SETTING.test(name) && typeof value === "string" ? [value] : [],
  );
}

/** The text with every secret the patterns know, and the configured secret values, replaced. */
export function redact(text: string, secrets: RegExp | null = null): string {
  const known = secrets ? text.replace(secrets, REDACTED) : text;
  return SECRET_PATTERNS.reduce((s, [pattern, by]) => s.replace(pattern, by), known);
}

/**
 * One JSON line per event on stdout (stderr for warnings and errors). `secrets` are the configured secret values
 * (client secrets, passwords, keys): they are redacted wherever they appear, in any field or message.
 */
export function createLogger(
  level: LogLevel,
  write?: (line: string, level: LogLevel) => void,
  secrets: readonly (string | null | undefined)[] = [],
): Logger {
  const out =
    write ?? ((line, l) => (LEVELS[l] >= LEVELS.warn ? process.stderr : process.stdout).write(`${line}\n`));
  const configured = secretValues(secrets);
  const log =
    (l: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[l] < LEVELS[level]) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level: l, message, ...fields });
      out(redact(line, configured), l);
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
