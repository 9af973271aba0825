import { expect } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import type { Workspace } from "../../src/domain/entities.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "./db.ts";
import { SIGNING_SECRET, SlackDriver, type SlackUser } from "./slack-driver.ts";
import { FakeSlack } from "./slack-fake.ts";

export const EMPLOYER: SlackUser = { id: "U_EMP", name: "Mette Hansen" };
export const REP: SlackUser = { id: "U_REP", name: "Ali Nielsen" };
export const LEADER: SlackUser = { id: "U_LEAD", name: "Søren Østergaard" };

/** The real app on a free port with its own database, talking to a fake Slack: start it in beforeAll. */
export class SlackApp {
  readonly fake = new FakeSlack();
  server!: RunningServer;
  db!: Db;
  url = "";

  /** PGlite, or real PostgreSQL when TEST_DATABASE_URL is set (its own schema per test file). */
  async start(now?: () => Date) {
    await this.fake.start();
    for (const u of [EMPLOYER, REP, LEADER]) this.fake.names.set(u.id, u.name);
    this.db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    const config = loadConfig({
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.fake.url,
      LOG_LEVEL: "error",
    });
    this.server = await startServer(config, [slackAdapter], {
      db: this.db,
      scheduler: false,
      ...(now ? { now } : {}),
    });
    this.url = `http://127.0.0.1:${this.server.port}`;
  }

  async stop() {
    await this.server?.stop();
    await this.db?.close();
    await this.fake.stop();
  }

  get repos() {
    return repos(this.db);
  }

  /** A workspace set up through the setup modal (25 employees, three AMO members, the channel), in a new team. */
  async setUp(
    language: "da" | "en" = "da",
    channel = "C_AMO",
  ): Promise<{ slack: SlackDriver; workspace: Workspace }> {
    const slack = new SlackDriver(this.url, this.fake, uniqueId("T"), channel);
    await setUpInSlack(this.fake, slack, { language, channel });
    const workspace = await this.repos.workspaces.find("slack", slack.team);
    expect(workspace).not.toBeNull();
    return { slack, workspace: workspace as Workspace };
  }

  /** Sets up a workspace and starts its discussion; returns the discussion and point 1's thread. */
  async started(language: "da" | "en" = "da") {
    const { slack, workspace } = await this.setUp(language);
    await this.fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const discussion = await this.repos.discussions.latest(workspace.id);
    expect(discussion?.status).toBe("running");
    const agenda = await this.repos.discussions.agenda(workspace.id, discussion?.id as string);
    const threadOf = (point: number) => agenda[point - 1]?.message?.id as string;
    return { slack, workspace, discussion: discussion as NonNullable<typeof discussion>, threadOf };
  }

  /** Every entry stored for the discussion, oldest first. */
  async entries(workspaceId: string, discussionId: string) {
    return this.repos.entries.forDiscussion(workspaceId, discussionId);
  }
}

export const texts = (call: { args: Record<string, unknown> } | undefined) =>
  JSON.stringify(call?.args ?? {});

export { waitFor } from "./wait.ts";

/**
 * The employer opens the setup modal with "opsæt" and saves it (25 people; the representative and the work leader;
 * Copenhagen time), and is told so in a direct message.
 */
export async function setUpInSlack(
  fake: FakeSlack,
  slack: SlackDriver,
  { language = "da", channel = "C_AMO" }: { language?: "da" | "en"; channel?: string } = {},
) {
  const opened = await fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"));
  await fake.afterDm(EMPLOYER.id, () =>
    slack.submit(EMPLOYER, opened.args.view as Record<string, unknown>, {
      headcount: 25,
      employer: EMPLOYER.id,
      representatives: [REP.id],
      leaders: [LEADER.id],
      channel,
      timeZone: "Europe/Copenhagen",
      language,
    }),
  );
}
