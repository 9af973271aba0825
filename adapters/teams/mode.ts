import type { IncomingMessage } from "node:http";
import type { TeamsConfig } from "./config.ts";

/** Whether inbound requests are authenticated (credentials set) or the bot runs in local test mode. */
export const teamsAuthenticated = (config: TeamsConfig) => Boolean(config.MICROSOFT_APP_ID);

/**
 * How Teams runs. With credentials every activity's token is checked. Without them, activities are taken
 * unauthenticated only in the local trial (no platform has credentials: `trial`, from the composition root) or with
 * TEAMS_LOCAL_TEST=1, and then only from this computer. Anything else keeps /api/messages shut.
 */
export function teamsMode(config: TeamsConfig, trial: boolean): "authenticated" | "local_test" | "off" {
  if (teamsAuthenticated(config)) return "authenticated";
  if (config.TEAMS_LOCAL_TEST === "1" || trial) return "local_test";
  return "off";
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Headers a proxy adds when it passes a request on. */
const PASSED_ON = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "cf-connecting-ip",
  "true-client-ip",
  "via",
];

/**
 * Whether the request comes from this computer itself: the socket's address (headers can say anything) is a loopback
 * one, and no proxy says it passed the request on (a proxy on this computer connects from loopback too).
 */
export const fromLoopback = (req: IncomingMessage) =>
  LOOPBACK.has(req.socket.remoteAddress ?? "") && PASSED_ON.every((name) => req.headers[name] === undefined);
