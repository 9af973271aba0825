import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { slackAdapter } from "../../adapters/slack/index.ts";
import { teamsAdapter } from "../../adapters/teams/index.ts";
import { loadConfig } from "../../src/config.ts";
import { cleanText } from "../../src/domain/entries.ts";
import { t } from "../../src/i18n/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos, type Workspace } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { NASTY_DATES, NASTY_TEXTS } from "../helpers/nasty.ts";
import { EMPLOYER, LEADER, REP, SlackApp, waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, type SlackDriver } from "../helpers/slack-driver.ts";
import { type SlackCall, signedPost } from "../helpers/slack-fake.ts";
import {
  cardOf,
  cardText,
  contentText,
  FakeConnector,
  MAX_ACTIVITY_BYTES,
  type Posted,
} from "../helpers/teams-connector.ts";
import { BOT, button, type InvokeAnswer, TeamsDriver, type TeamsUser } from "../helpers/teams-driver.ts";

/**
 * Every entry point of the real app over HTTP, fed the fixed hostile corpus (test/helpers/nasty.ts): each answer is
 * polite and in the workspace's language, and nothing wrong is stored (the rows before and after are compared).
 */

const NOW = new Date("2026-11-24T09:00:00Z");
const TOKEN_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const label = (text: unknown) => JSON.stringify(text).slice(0, 60);
/** What a note must be stored as, or null when it must be refused. */
const expectedNote = (text: string): string | null => {
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
const da = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t("da", key, params);
const en = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t("en", key, params);

/** The bot's own Slack output (text and blocks) in calls made after index `from`. */
const slackOutput = (calls: SlackCall[]) =>
  calls
    .filter((c) => /^(chat\.postMessage|chat\.update|chat\.postEphemeral|respond|views\.)/.test(c.method))
    .map((c) => JSON.stringify([c.args.text ?? "", c.args.blocks ?? [], c.args.view ?? null]));

describe("hostile input at every entry point, the real app over HTTP", () => {
  const slackApp = new SlackApp();
  const connector = new FakeConnector();
  let db: Db;
  let main: RunningServer;
  let oauth: RunningServer;
  let oauthUrl = "";

  beforeAll(async () => {
    // One database for the file; Slack (bot token) and Teams in one server, Slack OAuth in a second on the same store.
    db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    await slackApp.fake.start();
    for (const u of [EMPLOYER, REP, LEADER]) slackApp.fake.names.set(u.id, u.name);
    await connector.start();
    const base = { PORT: "0", SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: "error" };
    main = await startServer(
      loadConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: slackApp.fake.url }),
      [slackAdapter, teamsAdapter],
      { db, now: () => NOW, scheduler: false },
    );
    slackApp.db = db;
    slackApp.server = main;
    slackApp.url = `http://127.0.0.1:${main.port}`;
    oauth = await startServer(
      loadConfig({
        ...base,
        SLACK_CLIENT_ID: "111.222",
        SLACK_CLIENT_SECRET: "client-secret",
        SLACK_STATE_SECRET: "state-secret-0123456789",
        TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
        SLACK_API_URL: slackApp.fake.url,
      }),
      [slackAdapter],
      { db, now: () => NOW, scheduler: false },
    );
    oauthUrl = `http://127.0.0.1:${oauth.port}`;
  }, 30_000);
  afterEach(() => {
    // Nothing the bot sent was something Slack or Teams would have refused.
    expect(slackApp.fake.refused().map((c) => `${c.method}: ${c.refusal}`)).toEqual([]);
    expect(connector.problems).toEqual([]);
  });
  afterAll(async () => {
    await oauth?.stop();
    await main?.stop();
    await db?.close();
    await slackApp.fake.stop();
    await connector.stop();
  });

  const r = () => repos(db);
  /** Everything stored for a workspace that garbage could touch. */
  const snapshot = async (workspaceId: string) => {
    const discussions = await r().discussions.list(workspaceId);
    const entries = [];
    for (const d of discussions) entries.push(...(await r().entries.forDiscussion(workspaceId, d.id)));
    return JSON.stringify({ discussions, entries });
  };
  const noRawMentions = (outputs: string[], input: unknown) => {
    for (const out of outputs)
      for (const raw of RAW_MENTIONS) expect(out, `${label(input)} leaked ${raw}`).not.toContain(raw);
  };

  // ——— Slack ———

  /** A new point's note modal (button on point 1). */
  const openNote = async (slack: SlackDriver) =>
    (
      await slackApp.fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
      )
    ).args.view as Record<string, unknown>;

  it("Slack slash command: every corpus text, alone and as an argument, answered privately in Danish, nothing stored", async () => {
    const { slack, workspace } = await slackApp.started();
    const fake = slackApp.fake;
    const before = await snapshot(workspace.id);
    const from = fake.calls.length;
    for (const text of NASTY_TEXTS) {
      for (const line of [text, `status ${text}`, `referat ${text}`]) {
        const answer = await fake.after("respond", async () => {
          const sent = await slack.command(EMPLOYER, line);
          expect(sent.status, label(line)).toBe(200);
        });
        const said = String(answer.args.text);
        expect(answer.args.response_type, label(line)).toBe("ephemeral");
        expect(said.length, label(line)).toBeLessThanOrEqual(40_000);
        if (line === text) {
          // No corpus text is a subcommand: the help, led by what was not understood (an empty one is the help).
          expect(said, label(line)).toContain(da("command.help_title"));
          if (text.trim() !== "") expect(said, label(line)).toContain("Jeg kender ikke kommandoen");
        } else if (text.trim() !== "") {
          // As the argument of a real subcommand: not a year, so the help, led by what was not understood.
          expect(said, label(line)).toContain("Jeg forstod ikke");
          expect(said, label(line)).toContain(da("command.help_title"));
        }
        expect(said, label(line)).not.toContain(en("command.help_title"));
        expect(said, label(line)).not.toContain("I do not know");
        expect(said, label(line)).not.toContain(da("error.temporary"));
      }
    }
    noRawMentions(slackOutput(fake.calls.slice(from)), "slash command");
    expect(await snapshot(workspace.id)).toBe(before);
  }, 30_000);

  it("Slack slash command in an English workspace: the same garbage answered in English", async () => {
    const { slack, workspace } = await slackApp.setUp("en");
    const answer = await slackApp.fake.after("respond", () => slack.command(EMPLOYER, "<!channel> alle"));
    const said = String(answer.args.text);
    expect(said).toContain(en("command.unknown", { word: "&lt;!channel&gt;" }));
    expect(said).toContain(en("command.help_title"));
    expect(said).not.toContain("Jeg kender ikke");
    expect(await r().discussions.list(workspace.id)).toEqual([]);
  });

  it("Slack @mention: app_mention events and mentions in the channel are acknowledged, nothing stored or echoed", async () => {
    const { slack, workspace } = await slackApp.started();
    const fake = slackApp.fake;
    const before = await snapshot(workspace.id);
    const from = fake.calls.length;
    for (const text of NASTY_TEXTS) {
      const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
      const event = JSON.stringify({
        token: "legacy",
        team_id: slack.team,
        api_app_id: "A1",
        type: "event_callback",
        event_id: uniqueId("Ev"),
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_mention", user: REP.id, text: `<@UBOT> ${text}`, ts, channel: slack.channel },
      });
      const res = await signedPost(`${slackApp.url}/slack/events`, event, SIGNING_SECRET, {
        contentType: "application/json",
      });
      expect(res.status, label(text)).toBe(200);
      // The same @mention as a plain channel message (message.channels), outside any point's thread.
      const plain = await slack.message(REP, `<@UBOT> ${text}`, "");
      expect(plain.status, label(text)).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    noRawMentions(slackOutput(fake.calls.slice(from)), "app_mention");
    expect(await snapshot(workspace.id)).toBe(before);
  });

  it("Slack note modal: every corpus text stored exactly as written (trimmed, control characters removed) or refused inline in Danish", async () => {
    const { slack, workspace, discussion } = await slackApp.started();
    const fake = slackApp.fake;
    const from = fake.calls.length;
    const view = await openNote(slack);
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const expected = expectedNote(text);
      const res = await slack.submit(EMPLOYER, view, { text });
      expect(res.status, label(text)).toBe(200);
      const body = await res.text();
      if (expected === null) {
        const answer = JSON.parse(body) as { response_action: string; errors: Record<string, string> };
        expect(answer.response_action, label(text)).toBe("errors");
        expect(answer.errors, label(text)).toEqual({
          text:
            String(cleanText(text)).trim() === ""
              ? da("problem.required")
              : da("problem.too_long", { max: 3000 }),
        });
      } else {
        expect(body, label(text)).toBe("");
        stored.push(expected);
        await waitFor(
          async () => (await slackApp.entries(workspace.id, discussion.id)).length === stored.length,
        );
      }
    }
    const entries = await slackApp.entries(workspace.id, discussion.id);
    expect(entries.map((e) => [e.kind, e.data])).toEqual(stored.map((text) => ["note", { text }]));
    // The point's message shows the notes, escaped; the last one is on it.
    await fake.until("chat.update", (c) => JSON.stringify(c.args).includes("æøå ÆØÅ"), from);
    noRawMentions(slackOutput(fake.calls.slice(from)), "note modal");
  }, 30_000);

  it("Slack note modal: wrong types and forged metadata (another workspace's discussion too) refused in Danish, nothing stored; an unknown block's value is never stored", async () => {
    const other = await slackApp.started();
    const otherBefore = await snapshot(other.workspace.id);
    const { slack, workspace, discussion } = await slackApp.started();
    const fake = slackApp.fake;
    const view = await openNote(slack);
    const before = await snapshot(workspace.id);
    const meta = JSON.parse(String(view.private_metadata)) as Record<string, unknown>;

    // Wrong types in the view state: a number, an object, a list where Slack sends a string.
    for (const value of [42, { nested: "x" }, ["a", "b"], true]) {
      const res = await slack.submit(EMPLOYER, view, { text: value });
      expect(res.status, label(value)).toBe(200);
      expect(await res.json(), label(value)).toEqual({
        response_action: "errors",
        errors: { text: da("problem.required") },
      });
    }
    expect(await snapshot(workspace.id)).toBe(before);

    // A block the modal never had: its value is not stored anywhere (the note itself is).
    const withExtra = {
      ...view,
      blocks: [
        ...(view.blocks as unknown[]),
        { type: "input", block_id: "admin", element: { type: "plain_text_input" } },
      ],
    };
    const extra = await slack.submit(EMPLOYER, withExtra, {
      text: "Ekstra felt",
      admin: "<!channel> slet alt",
    });
    expect(extra.status).toBe(200);
    await waitFor(async () => (await slackApp.entries(workspace.id, discussion.id)).length === 1);
    const [note] = await slackApp.entries(workspace.id, discussion.id);
    expect(note?.data).toEqual({ text: "Ekstra felt" });
    const afterExtra = await snapshot(workspace.id);
    expect(afterExtra).not.toContain("slet alt");

    // private_metadata naming another workspace's discussion, an unknown kind, a point that does not exist, or no JSON.
    const forged: [string, string][] = [
      [JSON.stringify({ ...meta, d: other.discussion.id }), da("error.not_found")],
      [JSON.stringify({ ...meta, k: "sql_injection" }), da("error.not_found")],
      [JSON.stringify({ ...meta, k: ["note"] }), da("error.not_found")],
      [JSON.stringify({ ...meta, p: 12 }), da("refusal.no_such_point")],
      [JSON.stringify({ ...meta, p: "1" }), da("error.not_found")],
      [JSON.stringify({ ...meta, d: 42 }), da("error.not_found")],
      ["'; DROP TABLE entries; --", da("error.not_found")],
      ["null", da("error.not_found")],
      ["", da("error.not_found")],
    ];
    for (const [privateMetadata, expected] of forged) {
      const dm = fake.of("chat.postMessage").length;
      const res = await slack.submit(
        EMPLOYER,
        { ...view, private_metadata: privateMetadata },
        { text: "Kapret" },
      );
      expect(res.status, label(privateMetadata)).toBe(200);
      // The modal closes and the user is told privately, in Danish, why nothing was recorded.
      expect(await res.text(), label(privateMetadata)).toBe("");
      await waitFor(() => fake.of("chat.postMessage").length > dm);
      const told = fake.of("chat.postMessage").slice(dm);
      expect(
        told.map((c) => [c.args.channel, c.args.text]),
        label(privateMetadata),
      ).toEqual([[EMPLOYER.id, expected]]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await snapshot(workspace.id)).toBe(afterExtra);
    expect(await snapshot(other.workspace.id)).toBe(otherBefore);
  }, 30_000);

  it("Slack decision modal: impossible, past and far-future deadlines refused inline in Danish, nothing stored", async () => {
    const { slack, workspace } = await slackApp.started();
    const before = await snapshot(workspace.id);
    const view = (
      await slackApp.fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
      )
    ).args.view as Record<string, unknown>;
    for (const deadline of NASTY_DATES.filter(Boolean)) {
      const res = await slack.submit(EMPLOYER, view, { text: "Nye stole", deadline });
      expect(res.status, label(deadline)).toBe(200);
      const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
      expect(answer.response_action, label(deadline)).toBe("errors");
      expect(Object.keys(answer.errors), label(deadline)).toEqual(["deadline"]);
      expect([da("problem.invalid_date"), da("problem.date_in_past")], label(deadline)).toContain(
        answer.errors.deadline,
      );
    }
    expect(await snapshot(workspace.id)).toBe(before);
  });

  it("Slack thread replies: every corpus text stored as written or refused politely in Danish; no mention reaches Slack unescaped", async () => {
    const { slack, workspace, discussion, threadOf } = await slackApp.started();
    const fake = slackApp.fake;
    const from = fake.calls.length;
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const expected = expectedNote(text);
      const ephemerals = fake.of("chat.postEphemeral").length;
      const res = await slack.message(REP, text, threadOf(1));
      expect(res.status, label(text)).toBe(200);
      if (expected !== null) {
        stored.push(expected);
        await waitFor(
          async () => (await slackApp.entries(workspace.id, discussion.id)).length === stored.length,
        );
      } else if (text.trim() !== "") {
        // Refused (too long): the writer alone is told, in Danish, in a sentence of its own (no fields to mark).
        await waitFor(() => fake.of("chat.postEphemeral").length > ephemerals);
        const told = fake.of("chat.postEphemeral").slice(ephemerals);
        expect(told.length, label(text)).toBeGreaterThan(0);
        expect(told[0]?.args.user, label(text)).toBe(REP.id);
        expect(String(told[0]?.args.text), label(text)).toBe(da("error.reply_too_long", { max: 3000 }));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const entries = await slackApp.entries(workspace.id, discussion.id);
    expect(entries.map((e) => [e.point, e.kind, e.data])).toEqual(
      stored.map((text) => [1, "note", { text }]),
    );
    // The point's message was updated with the notes: escaped, never as mentions.
    const updates = await fake.until("chat.update", (c) => JSON.stringify(c.args).includes("æøå ÆØÅ"), from);
    expect(JSON.stringify(updates.args)).toContain("&lt;!channel&gt; alle sammen");
    noRawMentions(slackOutput(fake.calls.slice(from)), "thread reply");
  }, 30_000);

  it("Slack OAuth callback: missing, forged, long and control-character parameters and access_denied get a Danish page (over 16 KiB: 431), nothing installed", async () => {
    const fake = slackApp.fake;
    const installs = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM slack_installations"))[0]?.n;
    const before = await installs();
    const exchanges = fake.of("oauth.v2.access").length;
    const team = uniqueId("T");
    const huge = "x".repeat(40_000);
    const queries = [
      "",
      `code=code-${team}`,
      "state=forged",
      `code=code-${team}&state=forged`,
      `code=code-${team}&state=${huge}`,
      `code=${huge}&state=forged`,
      `code=code-${team}%00%01%1b&state=%00%07%1b%5B31m`,
      `code=code-${team}&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
      "error=access_denied",
      "error=access_denied&state=forged",
      "error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=forged",
    ];
    for (const query of queries) {
      const res = await fetch(`${oauthUrl}/slack/oauth_redirect?${query}`, { redirect: "manual" });
      const body = await res.text();
      if (query.length > 16_000) {
        // Longer than Node's 16 KiB request head: refused by the HTTP server before the app sees it.
        expect(res.status, label(query)).toBe(431);
        continue;
      }
      expect(res.status, label(query)).toBeGreaterThanOrEqual(400);
      expect(res.status, label(query)).toBeLessThan(500);
      expect(res.headers.get("content-type"), label(query)).toContain("text/html");
      expect(body, label(query)).toContain('lang="da"');
      expect(body, label(query)).toContain(da("slack.install_failed"));
      expect(body, label(query)).not.toContain(en("slack.install_failed"));
      expect(body, label(query)).not.toContain("<script>");
    }

    // A real state from /slack/install with a code Slack does not accept (10,000 characters), and one the user
    // cancelled (access_denied): the same page, and nothing stored.
    for (const query of [
      (state: string) => `code=${"x".repeat(10_000)}&state=${state}`,
      (state: string) => `error=access_denied&state=${state}`,
    ]) {
      const start = await fetch(`${oauthUrl}/slack/install`, { redirect: "manual" });
      const state = new URL(start.headers.get("location") as string).searchParams.get("state") as string;
      const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] as string;
      fake.failNext("oauth.v2.access", { status: 200, body: { ok: false, error: "invalid_code" } });
      const res = await fetch(`${oauthUrl}/slack/oauth_redirect?${query(encodeURIComponent(state))}`, {
        headers: { cookie },
        redirect: "manual",
      });
      const body = await res.text();
      expect(res.status, label(query("…"))).toBe(400);
      expect(body, label(query("…"))).toContain(da("slack.install_failed"));
    }
    expect(await installs()).toBe(before);
    expect(await r().workspaces.find("slack", team)).toBeNull();
    // Only the real state led to a code exchange (which Slack refused).
    expect(
      fake.calls.filter((c) => c.method.startsWith("oauth.v2.access")).length - exchanges,
    ).toBeLessThanOrEqual(1);
  }, 30_000);

  // ——— Teams ———

  const cardIn = (answer: InvokeAnswer, input: unknown) => {
    expect(answer.status, label(input)).toBe(200);
    expect(answer.body?.type, label(input)).toBe("application/vnd.microsoft.card.adaptive");
    return cardText(answer.body.value);
  };

  /** A Danish tenant set up through the setup card, with its discussion started. */
  async function teamsStarted(language: "da" | "en" = "da") {
    const teams = new TeamsDriver(slackApp.url, connector, uniqueId("tenant-"));
    const people = [
      { id: "aad-employer", name: EMPLOYER.name },
      { id: "aad-rep", name: REP.name },
    ];
    connector.members.set(
      teams.teamId,
      people.map((u) => ({ id: `29:${u.id}`, name: u.name, aadObjectId: u.id })),
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
    expect(cardIn(saved, "setup")).toContain(language === "da" ? "Opsætningen er gemt." : "saved");
    const workspace = (await r().workspaces.find("teams", teams.tenantId)) as Workspace;
    await teams.mention(TEAMS_EMPLOYER, "start");
    const point1 = await connector.waitFor(
      language === "da" ? "Punkt 1 af 11: Valg af referent" : /Point 1 of 11/,
    );
    const discussion = (await r().discussions.latest(workspace.id)) as NonNullable<
      Awaited<ReturnType<ReturnType<typeof repos>["discussions"]["latest"]>>
    >;
    return { teams, workspace, discussion, point1 };
  }

  /** The text of everything the bot sent to the connector after call `from`. */
  const teamsSent = (from: number) =>
    connector.calls
      .slice(from)
      .filter((c) => c.kind === "reply" || c.kind === "send")
      .map((c) => contentText(c.body));

  it("Teams @mention: every corpus text answered in Danish (help, or the note recorded in a point's thread), nothing wrong stored", async () => {
    const { teams, workspace, discussion, point1 } = await teamsStarted();
    const before = await snapshot(workspace.id);
    for (const text of NASTY_TEXTS) {
      const from = connector.calls.length;
      const res = await teams.mention(TEAMS_REP, text);
      expect(res.status, label(text)).toBe(200);
      const said = teamsSent(from).join("\n");
      expect(said, label(text)).toContain(da("command.help_title"));
      if (text.trim() !== "") expect(said, label(text)).toContain("Jeg kender ikke kommandoen");
      expect(said, label(text)).not.toContain(en("command.help_title"));
      expect(said.length, label(text)).toBeLessThan(5000);
    }
    expect(await snapshot(workspace.id)).toBe(before);

    // In a point's thread an @mention that is no command is a note: stored as written, or refused in Danish.
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const from = connector.calls.length;
      const res = await teams.mention(TEAMS_REP, text, { threadId: point1.id });
      expect(res.status, label(text)).toBe(200);
      const expected = expectedNote(text);
      if (expected !== null) stored.push(expected);
      const said = teamsSent(from).join("\n");
      if (expected === null && text.trim() !== "")
        expect(said, label(text)).toContain(da("error.reply_too_long", { max: 3000 }));
      expect(said, label(text)).not.toContain(en("error.invalid"));
      expect(said, label(text)).not.toContain(da("error.temporary"));
    }
    const entries = await r().entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => [e.point, e.kind, e.data])).toEqual(
      stored.map((text) => [1, "note", { text }]),
    );
  }, 30_000);

  it("Teams card submits: every corpus text as the note stored as written or refused in the card, in Danish", async () => {
    const { teams, workspace, discussion } = await teamsStarted();
    const save = { verb: "save", data: { d: discussion.id, p: 1, k: "note" } };
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const answer = await teams.invoke(TEAMS_REP, save, { "f.text": text });
      // The card answered fits what Teams takes.
      expect(Buffer.byteLength(JSON.stringify(answer.body)), label(text)).toBeLessThan(MAX_ACTIVITY_BYTES);
      const card = cardIn(answer, text);
      const expected = expectedNote(text);
      if (expected === null) {
        expect(card, label(text)).toContain(da("error.invalid"));
        expect(card, label(text)).toContain(
          String(cleanText(text)).trim() === ""
            ? da("problem.required")
            : da("problem.too_long", { max: 3000 }),
        );
      } else {
        expect(card, label(text)).toContain(da("teams.saved"));
        stored.push(expected);
      }
      expect(card, label(text)).not.toContain(en("error.invalid"));
    }
    const entries = await r().entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => [e.kind, e.data])).toEqual(stored.map((text) => ["note", { text }]));
  }, 30_000);

  it("Teams card submits: impossible dates, wrong types, extra fields and foreign ids refused in the card, nothing stored", async () => {
    const { teams, workspace, discussion } = await teamsStarted();
    const slackSide = await slackApp.started();
    const slackBefore = await snapshot(slackSide.workspace.id);
    const before = await snapshot(workspace.id);
    const decision = { verb: "save", data: { d: discussion.id, p: 1, k: "decision" } };
    const goal = { verb: "save", data: { d: discussion.id, p: 8, k: "goal" } };
    for (const deadline of NASTY_DATES.filter(Boolean)) {
      for (const [action, inputs] of [
        [decision, { "f.text": "Nye stole", "f.deadline": deadline }],
        [goal, { "f.text": "Mindre støj", "f.successCriterion": "Under 55 dB", "f.deadline": deadline }],
      ] as const) {
        const card = cardIn(await teams.invoke(TEAMS_EMPLOYER, action, inputs), deadline);
        expect(card, label(deadline)).toContain(da("error.invalid"));
        expect(
          card.includes(da("problem.invalid_date")) || card.includes(da("problem.date_in_past")),
          `${label(deadline)} ${action.data.k}`,
        ).toBe(true);
      }
    }
    const note = { verb: "save", data: { d: discussion.id, p: 1, k: "note" } };
    const refusals: [{ verb: string; data: Record<string, unknown> }, Record<string, unknown>, string][] = [
      [note, { "f.text": { nested: "x" } }, da("teams.wrong_type", { field: "text" })],
      [note, { "f.text": ["a", "b"] }, da("teams.wrong_type", { field: "text" })],
      [note, { "f.text": true }, da("teams.wrong_type", { field: "text" })],
      [note, { "f.text": "ok", "f.admin": "1" }, da("teams.extra_fields", { fields: "admin" })],
      [{ verb: "save", data: { ...note.data, sql: "'; DROP TABLE entries; --" } }, { "f.text": "ok" }, "sql"],
      [{ verb: "save", data: { ...note.data, d: 42 } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [{ verb: "save", data: { ...note.data, p: "1" } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [{ verb: "save", data: { ...note.data, k: ["note"] } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [{ verb: "save", data: { ...note.data, p: 12 } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [
        { verb: "save", data: { ...note.data, k: "cooperation_plan" } },
        { "f.text": "ok" },
        da("teams.bad_submit"),
      ],
      [
        { verb: "save", data: { ...note.data, d: slackSide.discussion.id } },
        { "f.text": "Kapret" },
        da("error.not_found"),
      ],
      [{ verb: "'; DROP TABLE entries; --", data: note.data }, { "f.text": "ok" }, da("teams.bad_submit")],
    ];
    for (const [action, inputs, expected] of refusals) {
      const what = { action, inputs };
      const card = cardIn(await teams.invoke(TEAMS_EMPLOYER, action, inputs), what);
      expect(card, label(what)).toContain(expected);
      expect(card, label(what)).not.toContain(da("teams.saved"));
      expect(card, label(what)).not.toContain(da("error.temporary"));
    }
    expect(await snapshot(workspace.id)).toBe(before);
    expect(await snapshot(slackSide.workspace.id)).toBe(slackBefore);
  }, 30_000);

  it("Teams message submits (Action.Submit values, no text): nothing stored, any answer in Danish", async () => {
    const { teams, workspace, discussion, point1 } = await teamsStarted();
    const before = await snapshot(workspace.id);
    const value = (text: string) => ({
      action: { verb: "save", data: { d: discussion.id, p: 1, k: "note" } },
      verb: "save",
      d: discussion.id,
      p: 1,
      k: "note",
      "f.text": text,
    });
    for (const text of NASTY_TEXTS) {
      for (const [conversation, kind] of [
        [teams.channel, "channel"],
        [`${teams.channel};messageid=${point1.id}`, "channel"],
        [`a:personal-${randomUUID().slice(0, 8)}`, "personal"],
      ] as const) {
        const from = connector.calls.length;
        const res = await teams.post(messageWithValue(teams, TEAMS_REP, conversation, kind, value(text)));
        expect(res.status, label(text)).toBeLessThan(300);
        const said = teamsSent(from).join("\n");
        expect(said, label(text)).not.toContain(en("command.help_title"));
        expect(said, label(text)).not.toContain(da("error.temporary"));
        if (kind === "personal") expect(said, label(text)).toContain(da("command.help_title"));
      }
    }
    expect(await snapshot(workspace.id)).toBe(before);
  }, 30_000);
});

const TEAMS_EMPLOYER: TeamsUser = { id: "aad-employer", name: EMPLOYER.name };
const TEAMS_REP: TeamsUser = { id: "aad-rep", name: REP.name };

/** A message activity carrying an Action.Submit's values and no text, as Teams sends one. */
function messageWithValue(
  teams: TeamsDriver,
  user: TeamsUser,
  conversation: string,
  kind: "channel" | "personal",
  value: Record<string, unknown>,
) {
  return {
    type: "message",
    id: teams.nextId().replace("f:", ""),
    channelId: "msteams",
    serviceUrl: teams.connector.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.name },
    recipient: BOT,
    conversation: {
      id: conversation,
      conversationType: kind,
      tenantId: teams.tenantId,
      ...(kind === "personal" ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: teams.tenantId },
      ...(kind === "channel"
        ? { team: { id: teams.teamId, name: "Kontoret" }, channel: { id: teams.channel, name: "AMO" } }
        : {}),
    },
    value,
  };
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
