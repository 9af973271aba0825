import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/app/index.ts";

const text = (parts: unknown[]) =>
  parts
    .map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p)))
    .join(" ");

/**
 * Bolt's, the Web API client's and the Socket Mode client's log lines, as our JSON lines (with tokens redacted)
 * at LOG_LEVEL, instead of Bolt's own console output.
 */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = "slack";
  return {
    debug: (...parts) => log.debug(text(parts), { source: name }),
    info: (...parts) => log.info(text(parts), { source: name }),
    warn: (...parts) => log.warn(text(parts), { source: name }),
    error: (...parts) => log.error(text(parts), { source: name }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}
