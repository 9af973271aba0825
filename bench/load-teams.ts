import type { Server } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler } from "botbuilder";
import express from "express";
import type { Core } from "../src/app/index.ts";
import { TeamsDriver } from "../test/helpers/teams-driver.ts";
import { shipped } from "./bundle.ts";
import { compareLoads } from "./compare-loads.ts";
import { benchDb } from "./db.ts";
import { startFakePlatform } from "./fake-platform.ts";
import { TEAMS_USER, type TeamsTarget } from "./interactions.ts";
import type { Benchmark } from "./types.ts";

export const name = "Teams activities";
/** About the workplaces of a busy hour for a hosted service; notes go to point 1 of each one's discussion. */
const TENANTS = 1000;

/** A botbuilder bot (CloudAdapter, local test mode) whose handler only answers: the ceiling for the same activities. */
async function bareBot(): Promise<{ url: string; close: () => Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  class Bare extends TeamsActivityHandler {
    protected override async onAdaptiveCardInvoke() {
      return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "ok" as never };
    }
  }
  const bot = new Bare();
  const http = express();
  http.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, "127.0.0.1", () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * Tenants with the bot installed in a channel of each (so it holds the conversation reference), set up by their
 * employer, each in the middle of its discussion.
 */
async function tenantsInDiscussion(core: Core, url: string, connectorUrl: string, count: number) {
  const targets: TeamsTarget[] = [];
  for (let n = 0; n < count; n++) {
    const tenantId = `tenant-bench-${n}`;
    const driver = new TeamsDriver(url, { url: connectorUrl, problems: [] }, tenantId);
    const installed = await driver.install(TEAMS_USER);
    if (!installed.ok) throw new Error(`install answered ${installed.status}`);
    const ctx = await core.context("teams", tenantId, { userId: TEAMS_USER.id, name: TEAMS_USER.name });
    const { workspace } = await core.setupWorkspace(
      ctx,
      {
        headcount: 20,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: driver.channel,
        members: [{ userId: TEAMS_USER.id, name: TEAMS_USER.name, role: "employer", joinedAmoOn: null }],
      },
      null,
    );
    const { discussion } = await core.start({ ...ctx, workspace }, {}, null);
    targets.push({ tenantId, channel: driver.channel, teamId: driver.teamId, discussionId: discussion.id });
  }
  return targets;
}

export const benchmark: Benchmark = async ({ smoke, databaseUrl }) => {
  const { teamsAdapter, loadConfig, startServer } = await shipped();
  const connector = await startFakePlatform("teams");
  const store = await benchDb(databaseUrl);
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
  const server = await startServer(config, [teamsAdapter], { db: store.db, scheduler: false });
  const url = `http://127.0.0.1:${server.port}`;
  const bare = await bareBot();
  try {
    const targets = await tenantsInDiscussion(server.core, url, connector.url, smoke ? 16 : TENANTS);
    return await compareLoads({
      benchmark: name,
      bare: "bare botbuilder",
      appUrl: url,
      bareUrl: bare.url,
      connections: smoke ? 8 : 128,
      rate: smoke ? 20 : 300,
      seconds: smoke ? 2 : 20,
      spec: (target) => ({ kind: "teams", url: target, serviceUrl: connector.url, targets }),
      db: store.db,
    });
  } finally {
    await bare.close();
    await server.stop();
    await store.drop();
    await connector.stop();
  }
};
