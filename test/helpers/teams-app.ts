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
import { button, type InvokeAnswer, TeamsDriver, type TeamsUser } from "./teams-driver.ts";

export const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO = "application/vnd.microsoft.teams.card.file.info";

export interface SentAttachment {
  contentType: string;
  name: string;
  contentUrl?: string;
  content: Record<string, unknown> & { acceptContext?: unknown; sizeInBytes?: number; description?: string };
}

/** The file card (consent or info) of this type and file name the bot sent, once it is there. */
export async function waitForAttachment(
  connector: FakeConnector,
  type: string,
  name: string,
  timeoutMs = 5000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const posted of [...connector.messages.values()].reverse()) {
      const attachments = (posted.activity.attachments as SentAttachment[] | undefined) ?? [];
      const attachment = attachments.find((a) => a.contentType === type && a.name === name);
      if (attachment && !posted.deleted) return { posted, attachment };
    }
    if (Date.now() > until) throw new Error(`no ${type} for ${name}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
 * run. `env` adds settings (MICROSOFT_ALLOWED_TENANTS, TRUST_PROXY…); `now` replaces the fixed clock; `driver` the
 * database (PGlite unless said).
 */
export function teamsApp(
  options: { env?: Record<string, string>; now?: () => Date; driver?: (typeof DRIVERS)[number] } = {},
) {
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
    acceptFile,
  };

  beforeAll(async () => {
    await connector.start();
    app.db = await (options.driver ?? (DRIVERS[0] as (typeof DRIVERS)[number])).open();
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

  /**
   * Accepts the file consent card offering `name` in its personal chat, as Teams does (an upload URL of the fake
   * OneDrive), and gives the card, the uploaded bytes and the file card the bot answered with.
   */
  async function acceptFile(teams: TeamsDriver, user: TeamsUser, name: string) {
    const offer = await waitForAttachment(connector, FILE_CONSENT, name);
    const before = connector.uploads.length;
    const contentUrl = `https://contoso-my.sharepoint.com/personal/documents/Apps/${encodeURIComponent(name)}`;
    const answer = await teams.fileConsent(
      user,
      offer.posted.conversation,
      { activityId: offer.posted.id, context: offer.attachment.content.acceptContext },
      {
        action: "accept",
        uploadInfo: {
          name,
          uploadUrl: connector.uploadUrl(name),
          contentUrl,
          uniqueId: `u-${offer.posted.id}`,
        },
      },
    );
    expect(answer.status).toBe(200);
    const info = await waitForAttachment(connector, FILE_INFO, name);
    const upload = connector.uploads.slice(before).find((u) => u.name === name);
    expect(upload?.complete).toBe(true);
    expect(info.attachment.contentUrl).toBe(contentUrl);
    return { offer, info, bytes: upload?.bytes ?? Buffer.alloc(0) };
  }

  function pointMessage(teams: TeamsDriver, n: number) {
    return connector
      .in(teams.channel)
      .find((m) => new RegExp(`Punkt ${n} af 11:`).test(contentText(m.activity))) as Posted;
  }

  return app;
}
