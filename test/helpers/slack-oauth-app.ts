import { loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS } from "./db.ts";
import { SIGNING_SECRET } from "./slack-driver.ts";
import { FakeSlack } from "./slack-fake.ts";

const TOKEN_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/** The bot installed in many workspaces through Slack's OAuth flow, against the fake Web API. */
export class SlackOAuthApp {
  readonly fake = new FakeSlack();
  server!: RunningServer;
  db!: Db;
  url = "";

  async start(people: { id: string; name: string }[]) {
    await this.fake.start();
    for (const p of people) this.fake.names.set(p.id, p.name);
    this.db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    const config = loadConfig({
      PORT: "0",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: "111.222",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_STATE_SECRET: "state-secret-0123456789",
      TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
      SLACK_API_URL: this.fake.url,
      LOG_LEVEL: "error",
    });
    this.server = await startServer(config, [slackAdapter], { db: this.db, scheduler: false });
    this.url = `http://127.0.0.1:${this.server.port}`;
  }

  async stop() {
    await this.server?.stop();
    await this.db?.close();
    await this.fake.stop();
  }
}
