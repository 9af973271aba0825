import { type Config, slackMode } from "../../src/config.ts";

/** Whether inbound requests are authenticated (credentials set) or the bot runs in local test mode. */
export const teamsAuthenticated = (config: Config) => Boolean(config.MICROSOFT_APP_ID);

/**
 * How Teams runs: with credentials; in local test mode (unauthenticated, never in production); not at all in a
 * production Slack deployment without Teams credentials; refused in production with neither.
 */
export function teamsMode(config: Config): "authenticated" | "local_test" | "off" | "refused" {
  if (teamsAuthenticated(config)) return "authenticated";
  if (config.NODE_ENV !== "production") return "local_test";
  return slackMode(config) === "off" ? "refused" : "off";
}
