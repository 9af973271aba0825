import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { SIGNING_SECRET } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { FakeConnector } from "../helpers/teams-connector.ts";
import { authenticatedTeams } from "../helpers/teams-credentials.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";

const EMPLOYER = { userId: "U_EMP", name: "Mette Hansen" };

/** The dispatcher sends each due reminder through the workspace's own adapter, against the platforms' fakes. */
describe("reminders through the real Slack and Teams adapters", () => {
  const slack = new FakeSlack();
  const connector = new FakeConnector();
  const clock = { now: new Date("2026-11-24T09:00:00Z") };
  let server: RunningServer;
  let db: Db;

  beforeAll(async () => {
    await slack.start();
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const teams = authenticatedTeams(connector);
    const config = loadConfig({
      ...teams.env,
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: "error",
    });
    server = await startServer(config, [slackAdapter, teams.adapter], {
      db,
      now: () => clock.now,
      scheduler: false,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await slack.stop();
    await connector.stop();
  });

  async function plannedMeeting(platform: "slack" | "teams", team: string, channel: string) {
    clock.now = new Date("2026-11-24T09:00:00Z");
    // The installer may name the first employer.
    await server.core.markInstalled(platform, team, "", EMPLOYER.userId);
    const ctx = await server.core.context(platform, team, EMPLOYER);
    const { workspace } = await server.core.setupWorkspace(
      ctx,
      {
        headcount: 12,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: channel,
        members: [{ userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer", joinedAmoOn: null }],
      },
      null,
    );
    await server.core.schedule({ workspace, actor: EMPLOYER }, { date: "2027-01-20", time: "13:00" }, null);
  }

  it("posts the day-before and start reminders in Slack, with a start button", async () => {
    await plannedMeeting("slack", uniqueId("T"), "C_AMO");
    clock.now = new Date("2027-01-19T08:00:00Z");
    await server.dispatcher.drain();
    const dayBefore = slack
      .of("chat.postMessage")
      .find((c) => String(c.args.text).startsWith("Påmindelse: den årlige"));
    expect(dayBefore?.args.channel).toBe("C_AMO");
    expect(String(dayBefore?.args.text)).toContain("i morgen, 20. januar 2027 kl. 13.00");
    clock.now = new Date("2027-01-20T12:00:00Z");
    await server.dispatcher.drain();
    const start = slack
      .of("chat.postMessage")
      .find((c) => String(c.args.text).startsWith("Det er tid til den årlige"));
    expect(JSON.stringify(start?.args.blocks)).toContain('"action_id":"discussion_start"');
  });

  it("sends the same reminder to a Teams channel proactively", async () => {
    const tenant = uniqueId("tenant-");
    const teams = new TeamsDriver(`http://127.0.0.1:${server.port}`, connector, tenant);
    expect((await teams.install({ id: "aad-emp", name: EMPLOYER.name })).status).toBeLessThan(300);
    await plannedMeeting("teams", tenant, teams.channel);
    clock.now = new Date("2027-01-19T08:00:00Z");
    await server.dispatcher.drain();
    const sent = await connector.waitFor("Påmindelse: den årlige arbejdsmiljødrøftelse holdes i morgen");
    expect(sent.conversation.startsWith(teams.channel)).toBe(true);
  });
});
