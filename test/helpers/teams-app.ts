import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import type { Workspace } from "../../src/domain/entities.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "./db.ts";
import {
  cardOf,
  cardText,
  contentText,
  escapeRegExp,
  FakeConnector,
  inputsOf,
  type Posted,
} from "./teams-connector.ts";
import { authenticatedTeams } from "./teams-credentials.ts";
import { button, type InvokeAnswer, TeamsDriver } from "./teams-driver.ts";

export const EMPLOYER = { id: "aad-employer", name: "Mette Hansen" };
export const REP = { id: "aad-rep", name: "Ali Nielsen" };
export const LEADER = { id: "aad-leader", name: "Søren Østergaard" };
export const NOW = new Date("2026-11-24T09:00:00Z");

export const cardIn = (answer: InvokeAnswer) => {
  expect(answer.status).toBe(200);
  expect(answer.body.type).toBe("application/vnd.microsoft.card.adaptive");
  return answer.body.value as Record<string, unknown>;
};
export const textIn = (answer: InvokeAnswer) => cardText(cardIn(answer));
export const linkIn = (message: Posted) =>
  ((cardOf(message.activity)?.actions ?? []) as { url: string }[])[0]?.url as string;

/**
 * The app with the real Teams adapter on PGlite, with credentials, against a fake Bot Connector and Bot Framework
 * identity (every activity signed, every call to the connector with the bot's token), for one test file: registers
 * the file's hooks (start, stop, and after each test that every card sent parses as an Adaptive Card 1.5 and no call
 * went without a token) and gives the steps the tests share. `db`, `url` and `server` are there once the file's tests
 * run. `env` adds settings (MICROSOFT_ALLOWED_TENANTS, TRUST_PROXY…); `now` replaces the fixed clock.
 */
export function teamsApp(options: { env?: Record<string, string>; now?: () => Date } = {}) {
  const connector = new FakeConnector();
  let server: RunningServer | undefined;
  const app = {
    connector,
    db: undefined as unknown as Db,
    url: "",
    server: undefined as unknown as RunningServer,
    setUp,
    start,
    pointMessage,
    stopServer,
  };

  beforeAll(async () => {
    await connector.start();
    app.db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const teams = authenticatedTeams(connector);
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error", ...teams.env, ...options.env });
    server = await startServer(config, [teams.adapter], {
      db: app.db,
      now: options.now ?? (() => NOW),
      scheduler: false,
    });
    app.server = server;
    app.url = `http://127.0.0.1:${server.port}`;
  });
  afterEach(() => {
    expect(connector.problems).toEqual([]);
  });
  afterAll(async () => {
    await server?.stop();
    await app.db?.close();
    await connector.stop();
  });

  /** A tenant whose team has the bot installed and is set up through the setup card: 25 employees, three members. */
  async function setUp(tenant = uniqueId("tenant-")) {
    const teams = new TeamsDriver(app.url, connector, tenant);
    connector.members.set(
      teams.teamId,
      [EMPLOYER, REP, LEADER].map((u) => ({ id: `29:${u.id}`, name: u.name, aadObjectId: u.id })),
    );
    await teams.install(EMPLOYER);
    await teams.mention(EMPLOYER, "opsæt");
    const setupMessage = connector
      .in(new RegExp(`^${escapeRegExp(teams.channel)}`))
      .find((m) => contentText(m.activity).includes("Opsætning"));
    expect(setupMessage).toBeDefined();
    const setupCard = cardOf((setupMessage as Posted).activity);
    expect(inputsOf(setupCard)).toEqual([
      "f.headcount",
      "f.employer",
      "f.representatives",
      "f.leaders",
      "f.employees",
      "f.timeZone",
      "f.language",
      "f.remindersOff",
      "f.prepareDays",
      "f.round",
    ]);
    const saved = await teams.invoke(EMPLOYER, button(setupCard, "Gem"), {
      "f.headcount": "25",
      "f.employer": EMPLOYER.id,
      "f.representatives": REP.id,
      "f.leaders": LEADER.id,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": "da",
      "f.remindersOff": "quarterly.status,apv.due",
      "f.prepareDays": "7",
    });
    expect(textIn(saved)).toContain("Opsætningen er gemt.");
    const workspace = (await repos(app.db).workspaces.find("teams", tenant)) as Workspace;
    expect(workspace.settings.reminders).toEqual({
      "quarterly.status": { enabled: false },
      "apv.due": { enabled: false },
      "meeting.prepare": { daysBefore: 7 },
    });
    return { teams, workspace };
  }

  async function start(teams: TeamsDriver) {
    await teams.mention(EMPLOYER, "start");
    await connector.waitFor("Drøftelsen er startet i kanalen.");
    const board = (await connector.waitFor(
      /Årlig arbejdsmiljødrøftelse 2026[\s\S]*punkter behandlet/,
    )) as Posted;
    const point1 = await connector.waitFor("Punkt 1 af 11: Valg af referent");
    const discussion = await repos(app.db).discussions.forYear(
      (await repos(app.db).workspaces.find("teams", teams.tenantId))!.id,
      2026,
    );
    return { board, point1, discussionId: discussion!.id };
  }

  /** Shuts the app down as on SIGTERM (the database stays open for the test to read). */
  async function stopServer() {
    const running = server;
    server = undefined;
    await running?.stop();
  }

  function pointMessage(teams: TeamsDriver, n: number) {
    return connector
      .in(teams.channel)
      .find((m) => new RegExp(`Punkt ${n} af 11:`).test(contentText(m.activity))) as Posted;
  }

  return app;
}
