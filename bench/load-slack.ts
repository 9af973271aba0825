import { createHmac, randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import autocannon from "autocannon";
import express from "express";
import { slackAdapter } from "../adapters/slack/index.ts";
import { loadConfig } from "../src/config.ts";
import { startServer } from "../src/server.ts";
import { FakeSlack } from "../test/helpers/slack-fake.ts";
import { benchDb } from "./db.ts";
import { type Benchmark, type BenchResult, round } from "./types.ts";

const SECRET = "bench-signing-secret-0123456789";
export const name = "Slack interactions";

const sign = (body: string, timestamp: number) =>
  `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;

/** A signed request: either a note submitted through the modal, or "next" pressed from a stale view (refused). */
function interaction(team: string, discussionId: string, point: number, kind: "note" | "next") {
  const payload =
    kind === "note"
      ? {
          type: "view_submission",
          team: { id: team },
          user: { id: "U_BENCH", team_id: team },
          view: {
            id: `V${randomUUID()}`,
            callback_id: "entry_form",
            private_metadata: JSON.stringify({ k: "note", d: discussionId, p: point }),
            state: {
              values: {
                text: { value: { type: "plain_text_input", value: "En note fra belastningstesten" } },
              },
            },
          },
        }
      : {
          type: "block_actions",
          team: { id: team },
          user: { id: "U_BENCH", team_id: team },
          trigger_id: "t",
          channel: { id: "C_AMO" },
          container: { type: "message", channel_id: "C_AMO", message_ts: "1.0" },
          actions: [
            {
              type: "button",
              action_id: "point_next",
              value: JSON.stringify({ d: discussionId, v: 0, p: point }),
            },
          ],
        };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    method: "POST" as const,
    path: "/slack/events",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(body, timestamp),
    },
    body,
  };
}

async function load(
  url: string,
  connections: number,
  seconds: number,
  next: () => ReturnType<typeof interaction>,
) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

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
  const fake = new FakeSlack();
  await fake.start();
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
    const targets: { team: string; discussionId: string }[] = [];
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
    let i = 0;
    const mixed = () => {
      const target = targets[i % targets.length] as (typeof targets)[number];
      return interaction(target.team, target.discussionId, 1, i++ % 2 === 0 ? "note" : "next");
    };
    for (const connections of levels) {
      const app = await load(`http://127.0.0.1:${server.port}`, connections, seconds, mixed);
      const ceiling = await load(bare.url, connections, seconds, mixed);
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
      );
    }
    results.push({
      benchmark: "Slack interactions",
      metric: "RSS under the Slack load (app, load generator and fakes in one process)",
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
