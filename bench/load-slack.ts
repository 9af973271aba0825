import type { Server } from "node:http";
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import express from "express";
import { slackAdapter } from "../adapters/slack/index.ts";
import { loadConfig } from "../src/config.ts";
import { startServer } from "../src/server.ts";
import { cpuRows, withCpu } from "./cpu.ts";
import { benchDb } from "./db.ts";
import { startFakePlatform } from "./fake-platform.ts";
import { runLoad, type SlackTarget } from "./load-worker.ts";
import { type Benchmark, type BenchResult, round } from "./types.ts";

const SECRET = "bench-signing-secret-0123456789";
export const name = "Slack interactions";

/** A Bolt app whose handlers only ack: the ceiling for the same requests. */
async function bareBolt(slackApiUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const http = express();
  const receiver = new ExpressReceiver({
    signingSecret: SECRET,
    endpoints: "/slack/events",
    app: http,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    receiver,
    token: "xoxb-bare",
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl },
  });
  app.view(/.*/, async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, "127.0.0.1", () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export const benchmark: Benchmark = async ({ smoke, databaseUrl }) => {
  const seconds = smoke ? 2 : 20;
  const levels = smoke ? [8] : [32, 128];
  const fake = await startFakePlatform("slack");
  const store = await benchDb(databaseUrl, 20);
  const config = loadConfig({
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: "error",
  });
  const server = await startServer(config, [slackAdapter], { db: store.db, scheduler: false });
  const bare = await bareBolt(fake.url);
  const results: BenchResult[] = [];
  try {
    // Sixteen workplaces, each in the middle of its discussion; notes go to point 1, "next" comes from a stale view.
    const targets: SlackTarget[] = [];
    for (let n = 0; n < 16; n++) {
      const team = `T_BENCH${n}`;
      const ctx = await server.core.context("slack", team, { userId: "U_BENCH", name: "Bench" });
      const { workspace } = await server.core.setupWorkspace(
        ctx,
        {
          headcount: 20,
          timeZone: "Europe/Copenhagen",
          language: "da",
          defaultChannel: "C_AMO",
          members: [{ userId: "U_BENCH", name: "Bench", role: "employer", joinedAmoOn: null }],
        },
        null,
      );
      const { discussion } = await server.core.start({ ...ctx, workspace }, {}, null);
      targets.push({ team, discussionId: discussion.id });
    }
    // The load generator runs in its own process (bench/load-worker.ts), not in the app's event loop.
    const load = (url: string, connections: number) =>
      runLoad({ kind: "slack", url, connections, seconds, secret: SECRET, targets });
    const notes = async () =>
      Number((await store.db.query("SELECT count(*) AS n FROM entries WHERE kind = 'note'"))[0]?.n ?? 0);
    for (const connections of levels) {
      const before = await notes();
      const app = await withCpu(() => load(`http://127.0.0.1:${server.port}`, connections));
      // Slack is answered before a note is stored: those answered should be stored by the end of the second after.
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
        benchmark: "Slack interactions",
        metric: `c=${connections}: ${metric}`,
        value: round(value, 2),
        unit,
        ...(target ? { target, met } : {}),
      });
      results.push(
        row("requests/s, app", app.rps, "req/s"),
        row("requests/s, bare Bolt", ceiling.rps, "req/s"),
        row("ratio to bare Bolt", ratio, "x", ">= 0.5", ratio >= 0.5),
        row("ack p50", app.p50, "ms"),
        row("ack p99", app.p99, "ms", "< 100 ms", app.p99 < 100),
        row("ack p99, bare Bolt", ceiling.p99, "ms"),
        row("errors", app.errors, "requests", "0", app.errors === 0),
        row(
          "notes stored / note requests answered",
          app.requests > 0 ? recorded / Math.ceil(app.requests / 2) : 0,
          "x",
        ),
        ...cpuRows(row, app, ceiling, "bare Bolt"),
      );
    }
    results.push({
      benchmark: "Slack interactions",
      metric: "RSS under the Slack load (app, bare Bolt and fakes; load generator in its own process)",
      value: round(process.memoryUsage().rss / 2 ** 20, 1),
      unit: "MB",
    });
  } finally {
    await bare.close();
    await server.stop();
    await store.drop();
    await fake.stop();
  }
  return results;
};
