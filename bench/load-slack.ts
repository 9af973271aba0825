import { createServer } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { keepConnections } from "../src/server.ts";
import { shipped } from "./bundle.ts";
import { compareLoads } from "./compare-loads.ts";
import { benchDb } from "./db.ts";
import { startFakePlatform } from "./fake-platform.ts";
import type { SlackTarget } from "./load-worker.ts";
import { type Benchmark, type BenchResult, round } from "./types.ts";

const SECRET = "bench-signing-secret-0123456789";
export const name = "Slack interactions";

/**
 * A Bolt app whose handlers only ack: the ceiling for the same requests. It has Bolt's default receiver
 * (HTTPReceiver), served as the app serves its own.
 */
async function bareBolt(slackApiUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const receiver = new HTTPReceiver({
    signingSecret: SECRET,
    endpoints: ["/slack/events"],
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
  const server = createServer((req, res) => {
    try {
      receiver.requestListener(req, res);
    } catch {
      res.writeHead(404).end(); // what Bolt does not answer (the load's GET / that opens a connection)
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  keepConnections(server); // as the app's server: measured alike
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export const benchmark: Benchmark = async ({ smoke, databaseUrl }) => {
  const { slackAdapter, loadConfig, startServer } = await shipped();
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
      await server.core.markInstalled("slack", team, "", "U_BENCH");
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
    results.push(
      ...(await compareLoads({
        benchmark: name,
        bare: "bare Bolt",
        latency: "ack",
        notesRow: "notes stored / note requests answered",
        appUrl: `http://127.0.0.1:${server.port}`,
        bareUrl: bare.url,
        levels,
        seconds,
        smoke,
        spec: (url) => ({ kind: "slack", url, connections: 1, seconds, secret: SECRET, targets }),
        db: store.db,
      })),
    );
    results.push({
      benchmark: name,
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
