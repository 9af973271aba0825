import type { Server } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler } from "botbuilder";
import express from "express";
import { teamsAdapter } from "../adapters/teams/index.ts";
import { loadConfig } from "../src/config.ts";
import { startServer } from "../src/server.ts";
import { TeamsDriver } from "../test/helpers/teams-driver.ts";
import { cpuRows, withCpu } from "./cpu.ts";
import { benchDb } from "./db.ts";
import { startFakePlatform } from "./fake-platform.ts";
import { runLoad, TEAMS_USER, type TeamsTarget } from "./load-worker.ts";
import { type Benchmark, type BenchResult, round } from "./types.ts";

export const name = "Teams activities";

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

export const benchmark: Benchmark = async ({ smoke, databaseUrl }) => {
  const seconds = smoke ? 2 : 20;
  const levels = smoke ? [8] : [32, 128];
  const connector = await startFakePlatform("teams");
  const store = await benchDb(databaseUrl, 20);
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
  const server = await startServer(config, [teamsAdapter], { db: store.db, scheduler: false });
  const url = `http://127.0.0.1:${server.port}`;
  const bare = await bareBot();
  const results: BenchResult[] = [];
  try {
    // Sixteen tenants, the bot installed in a channel of each (so it holds the conversation reference), each in
    // the middle of its discussion. Notes go to point 1, "next" comes from a stale card.
    const targets: TeamsTarget[] = [];
    for (let n = 0; n < 16; n++) {
      const tenantId = `tenant-bench-${n}`;
      const driver = new TeamsDriver(url, { url: connector.url, problems: [] }, tenantId);
      const installed = await driver.install(TEAMS_USER);
      if (!installed.ok) throw new Error(`install answered ${installed.status}`);
      const ctx = await server.core.context("teams", tenantId, {
        userId: TEAMS_USER.id,
        name: TEAMS_USER.name,
      });
      const { workspace } = await server.core.setupWorkspace(
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
      const { discussion } = await server.core.start({ ...ctx, workspace }, {}, null);
      targets.push({ tenantId, channel: driver.channel, teamId: driver.teamId, discussionId: discussion.id });
    }
    const load = (target: string, connections: number) =>
      runLoad({ kind: "teams", url: target, connections, seconds, serviceUrl: connector.url, targets });
    const notes = async () =>
      Number((await store.db.query("SELECT count(*) AS n FROM entries WHERE kind = 'note'"))[0]?.n ?? 0);
    for (const connections of levels) {
      const before = await notes();
      const app = await withCpu(() => load(url, connections));
      // Every other request is a note: the ones answered should all be stored.
      const recorded = (await notes()) - before;
      const ceiling = await withCpu(() => load(bare.url, connections));
      const ratio = ceiling.rps > 0 ? app.rps / ceiling.rps : 0;
      const row = (
        metric: string,
        value: number,
        unit: string,
        target?: string,
        met?: boolean,
      ): BenchResult => ({
        benchmark: name,
        metric: `c=${connections}: ${metric}`,
        value: round(value, 2),
        unit,
        ...(target ? { target, met } : {}),
      });
      results.push(
        row("requests/s, app", app.rps, "req/s"),
        row("requests/s, bare botbuilder", ceiling.rps, "req/s"),
        row("ratio to bare botbuilder", ratio, "x", ">= 0.5", ratio >= 0.5),
        row("answer p50", app.p50, "ms"),
        row("answer p99", app.p99, "ms", "< 100 ms", app.p99 < 100),
        row("answer p99, bare botbuilder", ceiling.p99, "ms"),
        row("errors", app.errors, "requests", "0", app.errors === 0),
        row(
          "notes stored / note requests sent",
          app.requests > 0 ? recorded / Math.ceil(app.requests / 2) : 0,
          "x",
        ),
        ...cpuRows(row, app, ceiling, "bare botbuilder"),
      );
    }
    results.push({
      benchmark: name,
      metric: "RSS under the Teams load (app, bare bot and fakes; load generator in its own process)",
      value: round(process.memoryUsage().rss / 2 ** 20, 1),
      unit: "MB",
    });
  } finally {
    await bare.close();
    await server.stop();
    await store.drop();
    await connector.stop();
  }
  return results;
};
