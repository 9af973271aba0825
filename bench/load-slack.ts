import type { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import { shipped } from "./bundle.ts";
import { compareLoads } from "./compare-loads.ts";
import { benchDb } from "./db.ts";
import { startFakePlatform } from "./fake-platform.ts";
import type { SlackTarget } from "./interactions.ts";
import type { Benchmark } from "./types.ts";

const SECRET = "bench-signing-secret-0123456789";
export const name = "Slack interactions";

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
    // Workplaces each in the middle of its discussion; notes go to point 1, "next" comes from a stale message.
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
