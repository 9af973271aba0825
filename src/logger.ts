import type { Logger } from "./app/context.ts";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Secrets that must never reach a log line, whatever field they hide in. */
const SECRET_PATTERNS = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((s, p) => s.replace(p, "[redacted]"), text);
}

/** One JSON line per event on stdout (stderr for warnings and errors). */
export function createLogger(level: LogLevel, write?: (line: string, level: LogLevel) => void): Logger {
  const out =
    write ?? ((line, l) => (LEVELS[l] >= LEVELS.warn ? process.stderr : process.stdout).write(`${line}\n`));
  const log =
    (l: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[l] < LEVELS[level]) return;
      out(redact(JSON.stringify({ time: new Date().toISOString(), level: l, message, ...fields })), l);
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
