import type { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import type { Core } from "../src/app/index.ts";
import { shipped } from "./bundle.ts";
import { compareLoads } from "./compare-loads.ts";
import { benchDb } from "./db.ts";
import { startFakePlatform } from "./fake-platform.ts";
import type { SlackTarget } from "./interactions.ts";
import type { Benchmark } from "./types.ts";

const SECRET = "bench-signing-secret-0123456789";
export const name = "Slack interactions";
/** About the workplaces of a busy hour for a hosted service; notes go to point 1 of each one's discussion. */
const WORKPLACES = 1000;

/** A Bolt app on its default receiver whose listeners only ack: the ceiling for the same requests. */
async function bareBolt(slackApiUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new App({
    signingSecret: SECRET,
    token: "xoxb-bare",
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl },
  });
  app.view(/.*/, async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => app.stop().then(() => undefined) };
}

/** Workplaces installed and set up by their employer, each in the middle of its discussion. */
async function workplacesInDiscussion(core: Core, count: number): Promise<SlackTarget[]> {
  const targets: SlackTarget[] = [];
  for (let n = 0; n < count; n++) {
    const team = `T_BENCH${n}`;
    await core.markInstalled("slack", team, "", "U_BENCH");
    const ctx = await core.context("slack", team, { userId: "U_BENCH", name: "Bench" });
    const { workspace } = await core.setupWorkspace(
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
    const { discussion } = await core.start({ ...ctx, workspace }, {}, null);
    targets.push({ team, discussionId: discussion.id });
  }
  return targets;
}

export const benchmark: Benchmark = async ({ smoke, databaseUrl }) => {
  const { slackAdapter, loadConfig, startServer } = await shipped();
  const fake = await startFakePlatform("slack");
  const store = await benchDb(databaseUrl);
  const config = loadConfig({
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: "error",
  });
  const server = await startServer(config, [slackAdapter], { db: store.db, scheduler: false });
  const bare = await bareBolt(fake.url);
  try {
    const targets = await workplacesInDiscussion(server.core, smoke ? 16 : WORKPLACES);
    return await compareLoads({
      benchmark: name,
      bare: "bare Bolt",
      appUrl: `http://127.0.0.1:${server.port}`,
      bareUrl: bare.url,
      connections: smoke ? 8 : 128,
      rate: smoke ? 20 : 600,
      seconds: smoke ? 2 : 20,
      spec: (url) => ({ kind: "slack", url, secret: SECRET, targets }),
      db: store.db,
    });
  } finally {
    await bare.close();
    await server.stop();
    await store.drop();
    await fake.stop();
  }
};
