import { expect } from "vitest";
import { cardTexts } from "../../adapters/cards/texts.ts";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import { slackTexts } from "../../adapters/slack/texts.ts";
import { teamsTexts } from "../../adapters/teams/texts.ts";
import type { Discussion, Workspace } from "../../src/domain/entities.ts";
import { cleanText } from "../../src/domain/entries.ts";
import { translator } from "../../src/i18n/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "./db.ts";
import { EMPLOYER, LEADER, REP, SlackApp } from "./slack-app.ts";
import { SIGNING_SECRET } from "./slack-driver.ts";
import type { SlackCall } from "./slack-fake.ts";
import {
  cardOf,
  cardText,
  contentText,
  escapeRegExp,
  FakeConnector,
  type Posted,
} from "./teams-connector.ts";
import { authenticatedTeams } from "./teams-credentials.ts";
import { button, type InvokeAnswer, TeamsDriver, type TeamsUser } from "./teams-driver.ts";

/** Shared by the hostile-input tests of every entry point (test/e2e/hostile-*.test.ts). */

export const NOW = new Date("2026-11-24T09:00:00Z");
const TOKEN_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
export const label = (text: unknown) => JSON.stringify(text).slice(0, 60);
/** What a note must be stored as, or null when it must be refused. */
export const expectedNote = (text: string): string | null => {
  const cleaned = String(cleanText(text)).trim();
  return cleaned === "" || cleaned.length > 3000 ? null : cleaned;
};
/** Mentions and links from the corpus that must never reach Slack as written. */
const RAW_MENTIONS = [
  "<!channel>",
  "<!here",
  "<!everyone>",
  "<@U012AB3CD>",
  "<#C012AB3CD>",
  "<http://x.example|",
];
/** The texts both adapters under attack show, besides the core's. */
const { t } = translator(slackTexts, cardTexts, teamsTexts);

export const da = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t("da", key, params);
export const en = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t("en", key, params);

/** The bot's own Slack output (text and blocks) in the given calls. */
export const slackOutput = (calls: SlackCall[]) =>
  calls
    .filter((c) => /^(chat\.postMessage|chat\.update|chat\.postEphemeral|respond|views\.)/.test(c.method))
    .map((c) => JSON.stringify([c.args.text ?? "", c.args.blocks ?? [], c.args.view ?? null]));

export const TEAMS_EMPLOYER: TeamsUser = { id: "aad-employer", name: EMPLOYER.name };
export const TEAMS_REP: TeamsUser = { id: "aad-rep", name: REP.name };

/**
 * One database for a test file; Slack (bot token) and Teams in one server, Slack OAuth in a second on the same
 * store. Call start in beforeAll, checkNothingRefused in afterEach, stop in afterAll.
 */
export class HostileApp {
  readonly slackApp = new SlackApp();
  readonly connector = new FakeConnector();
  db!: Db;
  private main: RunningServer | null = null;
  private oauth: RunningServer | null = null;
  oauthUrl = "";

  async start() {
    this.db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    const fake = this.slackApp.fake;
    await fake.start();
    for (const u of [EMPLOYER, REP, LEADER]) fake.names.set(u.id, u.name);
    await this.connector.start();
    const base = { PORT: "0", SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: "error" };
    const teams = authenticatedTeams(this.connector);
    this.main = await startServer(
      loadConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: fake.url, ...teams.env }),
      [slackAdapter, teams.adapter],
      { db: this.db, now: () => NOW, scheduler: false },
    );
    this.slackApp.db = this.db;
    this.slackApp.server = this.main;
    this.slackApp.url = `http://127.0.0.1:${this.main.port}`;
    this.oauth = await startServer(
      loadConfig({
        ...base,
        SLACK_CLIENT_ID: "111.222",
        SLACK_CLIENT_SECRET: "client-secret",
        SLACK_STATE_SECRET: "state-secret-0123456789",
        TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
        SLACK_API_URL: fake.url,
      }),
      [slackAdapter],
      { db: this.db, now: () => NOW, scheduler: false },
    );
    this.oauthUrl = `http://127.0.0.1:${this.oauth.port}`;
  }

  /** Nothing the bot sent was something Slack or Teams would have refused. */
  checkNothingRefused() {
    expect(this.slackApp.fake.refused().map((c) => `${c.method}: ${c.refusal}`)).toEqual([]);
    expect(this.connector.problems).toEqual([]);
  }

  async stop() {
    await this.oauth?.stop();
    await this.main?.stop();
    await this.db?.close();
    await this.slackApp.fake.stop();
    await this.connector.stop();
  }

  r() {
    return repos(this.db);
  }

  /** Everything stored for a workspace that garbage could touch. */
  async snapshot(workspaceId: string) {
    const discussions = await this.r().discussions.list(workspaceId);
    const entries = [];
    for (const d of discussions) entries.push(...(await this.r().entries.forDiscussion(workspaceId, d.id)));
    return JSON.stringify({ discussions, entries });
  }

  noRawMentions(outputs: string[], input: unknown) {
    for (const out of outputs)
      for (const raw of RAW_MENTIONS) expect(out, `${label(input)} leaked ${raw}`).not.toContain(raw);
  }

  /** The text of a card the bot answered an invoke with. */
  cardIn(answer: InvokeAnswer, input: unknown) {
    expect(answer.status, label(input)).toBe(200);
    expect(answer.body?.type, label(input)).toBe("application/vnd.microsoft.card.adaptive");
    return cardText(answer.body.value);
  }

  /** A tenant set up through the setup card, with its discussion started. */
  async teamsStarted(language: "da" | "en" = "da") {
    const connector = this.connector;
    const teams = new TeamsDriver(this.slackApp.url, connector, uniqueId("tenant-"));
    connector.members.set(
      teams.teamId,
      [TEAMS_EMPLOYER, TEAMS_REP].map((u) => ({ id: `29:${u.id}`, name: u.name, aadObjectId: u.id })),
    );
    await teams.install(TEAMS_EMPLOYER);
    await teams.mention(TEAMS_EMPLOYER, "opsæt");
    const setup = connector
      .in(new RegExp(`^${escapeRegExp(teams.channel)}`))
      .find((m) => contentText(m.activity).includes("Opsætning")) as Posted;
    const saved = await teams.invoke(TEAMS_EMPLOYER, button(cardOf(setup.activity), "Gem"), {
      "f.headcount": "25",
      "f.employer": TEAMS_EMPLOYER.id,
      "f.representatives": TEAMS_REP.id,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": language,
    });
    expect(this.cardIn(saved, "setup")).toContain(language === "da" ? "Opsætningen er gemt." : "saved");
    const workspace = (await this.r().workspaces.find("teams", teams.tenantId)) as Workspace;
    await teams.mention(TEAMS_EMPLOYER, "start");
    const point1 = await connector.waitFor(
      language === "da" ? "Punkt 1 af 11: Valg af referent" : /Point 1 of 11/,
    );
    const discussion = (await this.r().discussions.latest(workspace.id)) as Discussion;
    return { teams, workspace, discussion, point1 };
  }

  /** The text of everything the bot sent to the connector after call `from`. */
  teamsSent(from: number) {
    return this.connector.calls
      .slice(from)
      .filter((c) => c.kind === "reply" || c.kind === "send")
      .map((c) => contentText(c.body));
  }
}

/** A message activity carrying an Action.Submit's values and no text, as Teams sends one. */
export function messageWithValue(
  teams: TeamsDriver,
  user: TeamsUser,
  conversation: string,
  kind: "channel" | "personal",
  value: Record<string, unknown>,
) {
  return {
    ...teams.base(user, conversation, kind),
    type: "message",
    id: teams.nextId().replace("f:", ""),
    value,
  };
}
