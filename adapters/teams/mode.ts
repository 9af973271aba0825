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

/** Whether the request's connection comes from this computer (the socket's address: headers can say anything). */
export const fromLoopback = (req: IncomingMessage) => LOOPBACK.has(req.socket.remoteAddress ?? "");
