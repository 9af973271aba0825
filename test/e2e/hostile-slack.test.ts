import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanText } from "../../src/domain/entries.ts";
import { uniqueId } from "../helpers/db.ts";
import { da, en, expectedNote, HostileApp, label, slackOutput } from "../helpers/hostile-app.ts";
import { NASTY_DATES, NASTY_TEXTS } from "../helpers/nasty.ts";
import { EMPLOYER, REP, waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, type SlackDriver } from "../helpers/slack-driver.ts";
import { signedPost } from "../helpers/slack-fake.ts";

/**
 * Every Slack entry point of the real app over HTTP, fed the fixed hostile corpus (test/helpers/nasty.ts): each answer
 * is polite and in the workspace's language, and nothing wrong is stored (the rows before and after are compared).
 */
describe("hostile input at every Slack entry point, the real app over HTTP", () => {
  const h = new HostileApp();
  beforeAll(() => h.start(), 30_000);
  afterEach(() => h.checkNothingRefused());
  afterAll(() => h.stop());

  /** A new point's note modal (button on point 1). */
  const openNote = async (slack: SlackDriver) =>
    (
      await h.slackApp.fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
      )
    ).args.view as Record<string, unknown>;

  it("Slack slash command: every corpus text, alone and as an argument, answered privately in Danish, nothing stored", async () => {
    const { slack, workspace } = await h.slackApp.started();
    const fake = h.slackApp.fake;
    const before = await h.snapshot(workspace.id);
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
    h.noRawMentions(slackOutput(fake.calls.slice(from)), "slash command");
    expect(await h.snapshot(workspace.id)).toBe(before);
  }, 30_000);

  it("Slack slash command in an English workspace: the same garbage answered in English", async () => {
    const { slack, workspace } = await h.slackApp.setUp("en");
    const answer = await h.slackApp.fake.after("respond", () => slack.command(EMPLOYER, "<!channel> alle"));
    const said = String(answer.args.text);
    expect(said).toContain(en("command.unknown", { word: "&lt;!channel&gt;" }));
    expect(said).toContain(en("command.help_title"));
    expect(said).not.toContain("Jeg kender ikke");
    expect(await h.r().discussions.list(workspace.id)).toEqual([]);
  });

  it("Slack @mention: app_mention events and mentions in the channel are acknowledged, nothing stored or echoed", async () => {
    const { slack, workspace } = await h.slackApp.started();
    const fake = h.slackApp.fake;
    const before = await h.snapshot(workspace.id);
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
      const res = await signedPost(`${h.slackApp.url}/slack/events`, event, SIGNING_SECRET, {
        contentType: "application/json",
      });
      expect(res.status, label(text)).toBe(200);
      // The same @mention as a plain channel message (message.channels), outside any point's thread.
      const plain = await slack.message(REP, `<@UBOT> ${text}`, "");
      expect(plain.status, label(text)).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    h.noRawMentions(slackOutput(fake.calls.slice(from)), "app_mention");
    expect(await h.snapshot(workspace.id)).toBe(before);
  });

  it("Slack note modal: every corpus text stored exactly as written (trimmed, control characters removed) or refused inline in Danish", async () => {
    const { slack, workspace, discussion } = await h.slackApp.started();
    const fake = h.slackApp.fake;
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
          async () => (await h.slackApp.entries(workspace.id, discussion.id)).length === stored.length,
        );
      }
    }
    const entries = await h.slackApp.entries(workspace.id, discussion.id);
    expect(entries.map((e) => [e.kind, e.data])).toEqual(stored.map((text) => ["note", { text }]));
    // The point's message shows the notes, escaped; the last one is on it.
    await fake.until("chat.update", (c) => JSON.stringify(c.args).includes("æøå ÆØÅ"), from);
    h.noRawMentions(slackOutput(fake.calls.slice(from)), "note modal");
  }, 30_000);

  it("Slack note modal: wrong types and forged metadata (another workspace's discussion too) refused in Danish, nothing stored; an unknown block's value is never stored", async () => {
    const other = await h.slackApp.started();
    const otherBefore = await h.snapshot(other.workspace.id);
    const { slack, workspace, discussion } = await h.slackApp.started();
    const fake = h.slackApp.fake;
    const view = await openNote(slack);
    const before = await h.snapshot(workspace.id);
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
    expect(await h.snapshot(workspace.id)).toBe(before);

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
    await waitFor(async () => (await h.slackApp.entries(workspace.id, discussion.id)).length === 1);
    const [note] = await h.slackApp.entries(workspace.id, discussion.id);
    expect(note?.data).toEqual({ text: "Ekstra felt" });
    const afterExtra = await h.snapshot(workspace.id);
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
    expect(await h.snapshot(workspace.id)).toBe(afterExtra);
    expect(await h.snapshot(other.workspace.id)).toBe(otherBefore);
  }, 30_000);

  it("Slack decision modal: impossible, past and far-future deadlines refused inline in Danish, nothing stored", async () => {
    const { slack, workspace } = await h.slackApp.started();
    const before = await h.snapshot(workspace.id);
    const view = (
      await h.slackApp.fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
      )
    ).args.view as Record<string, unknown>;
    for (const deadline of NASTY_DATES.filter(Boolean)) {
      const res = await slack.submit(EMPLOYER, view, { text: "Nye stole", owner: EMPLOYER.id, deadline });
      expect(res.status, label(deadline)).toBe(200);
      const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
      expect(answer.response_action, label(deadline)).toBe("errors");
      expect(Object.keys(answer.errors), label(deadline)).toEqual(["deadline"]);
      // Each refusal gives an example two weeks after the app's clock (24 November 2026), never a past one.
      const example = { example: "08-12-2026" };
      expect(
        [da("problem.invalid_date_example", example), da("problem.date_in_past_example", example)],
        label(deadline),
      ).toContain(answer.errors.deadline);
    }
    expect(await h.snapshot(workspace.id)).toBe(before);
  });

  it("Slack thread replies: every corpus text stored as written or refused politely in Danish; no mention reaches Slack unescaped", async () => {
    const { slack, workspace, discussion, threadOf } = await h.slackApp.started();
    const fake = h.slackApp.fake;
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
          async () => (await h.slackApp.entries(workspace.id, discussion.id)).length === stored.length,
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
    const entries = await h.slackApp.entries(workspace.id, discussion.id);
    expect(entries.map((e) => [e.point, e.kind, e.data])).toEqual(
      stored.map((text) => [1, "note", { text }]),
    );
    // The point's message was updated with the notes: escaped, never as mentions.
    const updates = await fake.until("chat.update", (c) => JSON.stringify(c.args).includes("æøå ÆØÅ"), from);
    expect(JSON.stringify(updates.args)).toContain("&lt;!channel&gt; alle sammen");
    h.noRawMentions(slackOutput(fake.calls.slice(from)), "thread reply");
  }, 30_000);

  it("Slack OAuth callback: missing, forged, long and control-character parameters and access_denied get a Danish page (over 16 KiB: 431), nothing installed", async () => {
    const fake = h.slackApp.fake;
    const installs = async () =>
      (
        await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM credentials WHERE platform = 'slack'")
      )[0]?.n;
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
      const res = await fetch(`${h.oauthUrl}/slack/oauth_redirect?${query}`, { redirect: "manual" });
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
      const start = await fetch(`${h.oauthUrl}/slack/install`, { redirect: "manual" });
      const state = new URL(start.headers.get("location") as string).searchParams.get("state") as string;
      const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] as string;
      fake.failNext("oauth.v2.access", { status: 200, body: { ok: false, error: "invalid_code" } });
      const res = await fetch(`${h.oauthUrl}/slack/oauth_redirect?${query(encodeURIComponent(state))}`, {
        headers: { cookie },
        redirect: "manual",
      });
      const body = await res.text();
      expect(res.status, label(query("…"))).toBe(400);
      expect(body, label(query("…"))).toContain(da("slack.install_failed"));
    }
    expect(await installs()).toBe(before);
    expect(await h.r().workspaces.find("slack", team)).toBeNull();
    // Only the real state led to a code exchange (which Slack refused).
    expect(
      fake.calls.filter((c) => c.method.startsWith("oauth.v2.access")).length - exchanges,
    ).toBeLessThanOrEqual(1);
  }, 30_000);
});
