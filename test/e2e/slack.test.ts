import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapterWith } from "../../adapters/slack/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { EMPLOYER, LEADER, REP, texts, waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const NOW = new Date("2026-11-24T09:00:00Z");

describe("Slack end to end, the real Bolt app over HTTP against a fake Slack", () => {
  const fake = new FakeSlack();
  let server: RunningServer;
  let db: Db;
  let url: string;

  beforeAll(async () => {
    await fake.start();
    for (const u of [EMPLOYER, REP, LEADER]) fake.names.set(u.id, u.name);
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const config = loadConfig({
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      LOG_LEVEL: "error",
    });
    // A short limit on unanswered Web API calls, so the test of a silent Slack runs in seconds.
    server = await startServer(config, [slackAdapterWith({ apiTimeoutMs: 2_000 })], {
      db,
      now: () => NOW,
      scheduler: false,
    });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await fake.stop();
  });

  /** A workspace set up through the setup modal: 25 employees, three AMO members, channel C_AMO. */
  async function setUp(team = uniqueId("T")) {
    const slack = new SlackDriver(url, fake, team);
    const opened = await fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"));
    const modal = opened.args.view as Record<string, unknown>;
    expect(modal.callback_id).toBe("setup_form");
    const done = fake.afterDm(EMPLOYER.id, () =>
      slack.submit(EMPLOYER, modal, {
        headcount: 25,
        employer: EMPLOYER.id,
        representatives: [REP.id],
        leaders: [LEADER.id],
        channel: "C_AMO",
        timeZone: "Europe/Copenhagen",
        language: "da",
        remindersOff: ["quarterly.status"],
        prepareDays: 10,
        round: ["anonymous"],
      }),
    );
    await done;
    const workspace = await repos(db).workspaces.find("slack", team);
    return { slack, workspace: workspace! };
  }

  it("holds a whole discussion from setup to the pinned summary", async () => {
    const { slack, workspace } = await setUp();
    expect(workspace.headcount).toBe(25);
    expect(workspace.settings.reminders).toEqual({
      "quarterly.status": { enabled: false },
      "meeting.prepare": { daysBefore: 10 },
    });
    expect(workspace.settings.round).toEqual({ anonymous: true, everyone: false });
    expect((await repos(db).members.list(workspace.id)).map((m) => [m.name, m.role]).sort()).toEqual([
      ["Ali Nielsen", "amo_representative"],
      ["Mette Hansen", "employer"],
      ["Søren Østergaard", "work_leader"],
    ]);
    expect(texts(fake.last("chat.postMessage"))).toContain(
      "arbejdsgiveren drøftelsen sammen med arbejdsmiljøorganisationen",
    );

    const plan = (await fake.after("views.open", () => slack.command(EMPLOYER, "planlæg"))).args
      .view as Record<string, unknown>;
    expect(plan.callback_id).toBe("plan_form");
    await fake.after("files.completeUploadExternal", () =>
      slack.submit(EMPLOYER, plan, {
        date: "2026-12-10",
        time: "10:00",
        duration: 90,
        location: "Mødelokale 2",
        channel: "C_AMO",
      }),
    );
    const announcement = fake
      .of("chat.postMessage")
      .find((c) => String(c.args.text).startsWith("Årlig arbejdsmiljødrøftelse 2026"));
    expect(announcement?.args.channel).toBe("C_AMO");
    expect(texts(announcement)).toContain("10. december 2026 kl. 10.00");
    expect(fake.of("files.completeUploadExternal").length).toBeGreaterThan(0);
    const ics = [...fake.uploads.values()].map(String).find((f) => f.includes("BEGIN:VCALENDAR"));
    expect(ics).toContain("DTSTART:20261210T090000Z");

    // The planner's private confirmation comes after the modal's answer, and may come late: read the channel only.
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const posted = fake
      .of("chat.postMessage")
      .filter((c) => c.args.channel === "C_AMO")
      .slice(-2);
    expect(posted.map((c) => String(c.args.text))).toEqual([
      "Årlig arbejdsmiljødrøftelse 2026",
      "Punkt 1 af 11: Valg af referent",
    ]);
    const point1Ts = await repos(db).discussions.latest(workspace.id);
    expect(point1Ts?.status).toBe("running");

    // Point 1: the minute-taker through the point's own form.
    const form = (
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_form", slack.button("point_form").value),
      )
    ).args.view as Record<string, unknown>;
    expect(form.title).toMatchObject({ text: "Vælg referent" });
    const beforeSubmit = fake.calls.length;
    await slack.submit(EMPLOYER, form, { person: REP.id });
    await fake.until("chat.update", (c) => texts(c).includes("*Referent:* Ali Nielsen"), beforeSubmit);

    // A reply in point 1's thread becomes a note.
    const items = await repos(db).discussions.agenda(workspace.id, point1Ts!.id);
    const thread = items[0]?.message?.id as string;
    const from = fake.calls.length;
    await slack.message(REP, "Husk at <!channel> ikke skal forstyrres", thread);
    const updated = await fake.until("chat.update", (c) => texts(c).includes("Husk at"), from);
    expect((await repos(db).entries.forDiscussion(workspace.id, point1Ts!.id)).length).toBe(2);
    expect(texts(updated)).toContain("Husk at &lt;!channel&gt; ikke skal forstyrres");

    // Through the agenda with next; a goal at point 8.
    for (let point = 1; point < 11; point++) {
      await fake.after("chat.postMessage", () =>
        slack.click(EMPLOYER, "point_next", slack.button("point_next").value),
      );
      if (point + 1 === 8) {
        await fake.after("views.open", () =>
          slack.click(EMPLOYER, "point_goal", slack.button("point_goal").value),
        );
        await fake.after("chat.update", () =>
          slack.submit(EMPLOYER, slack.lastModal(), {
            text: "Mindre støj",
            successCriterion: "Under 55 dB i april",
            deadline: "2027-04-30",
            owner: LEADER.id,
          }),
        );
      }
    }
    const discussion = (await repos(db).discussions.latest(workspace.id))!;
    expect(discussion.currentPoint).toBe(11);

    // Conclude: things are missing, so the employer sees what and concludes anyway with a reason.
    const check = await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    // The law apart from good practice, each missing item written as missing, with a button back to its point.
    expect(texts(check)).toContain("*Lovkrav*");
    expect(texts(check)).toContain("*God praksis*");
    expect(texts(check)).toContain("• Samarbejdsform og mødehyppighed er ikke besluttet (punkt 9)");
    expect(texts(check).indexOf("Samarbejdsform")).toBeLessThan(
      texts(check).indexOf("supplerende uddannelse"),
    );
    const goto = (check.args.blocks as { accessory?: { action_id: string; value: string } }[])
      .flatMap((b) => (b.accessory ? [b.accessory] : []))
      .filter((a) => a.action_id === "point_goto")
      .map((a) => (JSON.parse(a.value) as { p: number }).p);
    // Law, then the yearly accident overview, then good practice; a first year still asks about point 7.
    expect(goto).toEqual([7, 9, 10, 6, 4, 5, 9, 9, 9]);
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await slack.submit(EMPLOYER, slack.lastModal(), { reason: "Resten tages på AMO-mødet i januar" });
    await waitFor(async () => fake.of("pins.add").length === 1);

    const summaryPost = fake
      .of("chat.postMessage")
      .find((c) => String(c.args.text).startsWith("Referat af den årlige"));
    expect(fake.last("pins.add")?.args).toMatchObject({ channel: "C_AMO", timestamp: expect.any(String) });
    expect(texts(summaryPost)).toContain("Resten tages på AMO-mødet i januar");
    expect(texts(summaryPost)).toMatch(/<https:\/\/slack\.example\/archives\/C_AMO\/p\d+\|Tråd>/);
    // The summary's file is sent after the pin.
    const summaryFile = () =>
      [...fake.uploads.values()].map(String).find((f) => f.includes("# Referat af den årlige"));
    await waitFor(async () => summaryFile() !== undefined);
    const md = summaryFile();
    expect(md).toContain("**Referent:** Ali Nielsen");
    expect(md).toContain("- Mindre støj (Åben)");
    const stored = await repos(db).summaries.list(workspace.id, discussion.id);
    expect(stored.map((s) => s.version)).toEqual([1]);
    // The record tells Slack's people to use the slash command, as they call the bot.
    expect(stored[0]?.content).toContain("Status kan altid ses med /arbejdsmiljø opfølgning.");
    expect(stored[0]?.content).toContain("/arbejdsmiljø referat 2026");
    expect(stored[0]?.content).not.toContain("@Arbejdsmiljø");
    expect((await repos(db).discussions.get(workspace.id, discussion.id))?.concludeOverrideReason).toBe(
      "Resten tages på AMO-mødet i januar",
    );
  });

  it("refuses a forged signature and a stale timestamp with 401", async () => {
    const body = new URLSearchParams({
      command: "/arbejdsmiljø",
      text: "hjælp",
      team_id: "T1",
      user_id: "U1",
    }).toString();
    const forged = await fetch(`${url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
        "x-slack-signature": "v0=0000000000000000000000000000000000000000000000000000000000000000",
      },
      body,
    });
    expect(forged.status).toBe(401);
    const { signedPost } = await import("../helpers/slack-fake.ts");
    const stale = await signedPost(`${url}/slack/events`, body, SIGNING_SECRET, {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
  });

  it("answers an unknown subcommand politely in Danish, with the help", async () => {
    const slack = new SlackDriver(url, fake, uniqueId("T"));
    const answer = await fake.after("respond", () => slack.command(EMPLOYER, "<!channel> flyt alt"));
    expect(answer?.args.response_type).toBe("ephemeral");
    expect(String(answer?.args.text)).toContain('Jeg kender ikke kommandoen "&lt;!channel&gt;".');
    expect(String(answer?.args.text)).toContain("opsæt (setup)");
    const second = await fake.after("respond", () =>
      slack.command(EMPLOYER, "referat i-fjor", "/arbejdsmiljo"),
    );
    expect(String(second.args.text)).toContain('Jeg forstod ikke "i-fjor"');
  });

  it("records a retried event and a double-submitted note once, and moves once when two press next together", async () => {
    const { slack, workspace } = await setUp();
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const discussion = (await repos(db).discussions.latest(workspace.id))!;
    const thread = (await repos(db).discussions.agenda(workspace.id, discussion.id))[0]?.message
      ?.id as string;
    await slack.message(REP, "Første note", thread, { ts: "1800000000.000001" });
    await slack.message(REP, "Første note", thread, { ts: "1800000000.000001", retryNum: 1 });
    await waitFor(
      async () => (await repos(db).entries.forDiscussion(workspace.id, discussion.id)).length >= 1,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect((await repos(db).entries.forDiscussion(workspace.id, discussion.id)).length).toBe(1);

    const modal = (
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
      )
    ).args.view as Record<string, unknown>;
    await Promise.all([
      slack.submit(EMPLOYER, modal, { text: "Dobbeltklik" }, "V_SAME"),
      slack.submit(EMPLOYER, modal, { text: "Dobbeltklik" }, "V_SAME"),
    ]);
    const notes = (await repos(db).entries.forDiscussion(workspace.id, discussion.id)).filter(
      (e) => (e.data as { text?: string }).text === "Dobbeltklik",
    );
    expect(notes).toHaveLength(1);

    const next = slack.button("point_next").value;
    const results = await Promise.all([
      slack.click(EMPLOYER, "point_next", next),
      slack.click(REP, "point_next", next),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await waitFor(async () =>
      fake.of("chat.postEphemeral").some((c) => String(c.args.text).includes("En anden har lige ændret")),
    );
    const after = (await repos(db).discussions.get(workspace.id, discussion.id))!;
    expect(after.currentPoint).toBe(2);
    expect(after.version).toBe(discussion.version + 1);

    const toldStale = (user: string) =>
      fake
        .of("chat.postEphemeral")
        .filter((c) => c.args.user === user && String(c.args.text).includes("En anden har lige ændret"))
        .length;
    const loser = toldStale(REP.id) > 0 ? REP : EMPLOYER;
    expect(toldStale(loser.id)).toBe(1);
    // The one who lost double-clicks the same out-of-date button: refused both times, and not told again.
    const again = await Promise.all([
      slack.click(loser, "point_next", next),
      slack.click(loser, "point_next", next),
    ]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    // A refusal is told after the channel's refresh, at most a second later.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(toldStale(loser.id)).toBe(1);
    expect((await repos(db).discussions.get(workspace.id, discussion.id))?.version).toBe(after.version);
  });

  it("answers a 40,000-character note politely and keeps what is stored", async () => {
    const { slack, workspace } = await setUp();
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const discussion = (await repos(db).discussions.latest(workspace.id))!;
    const thread = (await repos(db).discussions.agenda(workspace.id, discussion.id))[0]?.message
      ?.id as string;
    const polite = await fake.after("chat.postEphemeral", () =>
      slack.message(REP, "x".repeat(40_000), thread),
    );
    expect(polite.args.user).toBe(REP.id);
    expect(String(polite.args.text)).toBe(
      "Dit svar er ikke gemt som note: det er for langt (højst 3000 tegn). Del det gerne op i flere svar.",
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
    );
    const res = await slack.submit(EMPLOYER, slack.lastModal(), { text: "y".repeat(40_000) });
    expect(await res.json()).toEqual({
      response_action: "errors",
      errors: {
        text: "Teksten er for lang: højst 3000 tegn. Intet er gemt eller skåret af; kort den ned, eller del den op.",
      },
    });
    expect(await repos(db).entries.forDiscussion(workspace.id, discussion.id)).toEqual([]);
  });

  it("waits out a 429 with Retry-After, retries a 500, and reports a lasting failure without losing what is stored", async () => {
    const { slack, workspace } = await setUp();
    const from = fake.calls.length;
    fake.failNext("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    fake.failNext("chat.postMessage", { status: 500, body: "oops" });
    await slack.command(EMPLOYER, "start");
    await fake.until(
      "chat.postMessage",
      (c) => String(c.args.text).startsWith("Punkt 1 af 11"),
      from,
      15_000,
    );
    const methods = fake.calls.slice(from).map((c) => c.method);
    expect(methods).toContain("chat.postMessage!429");
    expect(methods).toContain("chat.postMessage!500");
    const discussion = (await repos(db).discussions.latest(workspace.id))!;

    // Slack down for longer than the retries (the point's update and its three retries): the note is kept and the
    // user is told the message will follow.
    fake.failNext("chat.update", ...Array.from({ length: 4 }, () => ({ status: 500, body: "down" })));
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
    );
    await slack.submit(EMPLOYER, slack.lastModal(), { text: "Gemmes trods nedbrud" });
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => (e.data as { text: string }).text)).toEqual(["Gemmes trods nedbrud"]);
    await fake.until(
      "chat.postMessage",
      (c) => String(c.args.text).includes("kunne ikke opdateres lige nu"),
      from,
      15_000,
    );
  }, 30_000);

  it("gives up on a Web API call Slack never answers and retries it, keeping the note", async () => {
    const { slack, workspace } = await setUp();
    const started = fake.calls.length;
    await slack.command(EMPLOYER, "start");
    await fake.until("chat.postMessage", (c) => String(c.args.text).startsWith("Punkt 1 af 11"), started);
    const discussion = (await repos(db).discussions.latest(workspace.id))!;
    const from = fake.calls.length;
    fake.failNext("chat.update", "hang");
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
    );
    const began = Date.now();
    const submitted = await slack.submit(EMPLOYER, slack.lastModal(), { text: "Gemmes trods tavshed" });
    // The modal is answered at once; the silent call does not hold the user.
    expect(Date.now() - began).toBeLessThan(1_500);
    expect(submitted.status).toBe(200);
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => (e.data as { text: string }).text)).toEqual(["Gemmes trods tavshed"]);
    // After the limit the call is made again and the channel shows the note.
    const updated = await fake.until(
      "chat.update",
      (c) => JSON.stringify(c.args).includes("Gemmes trods tavshed"),
      from,
      10_000,
    );
    const methods = fake.calls.slice(from).map((c) => c.method);
    expect(methods.indexOf("chat.update!hang")).toBeLessThan(fake.calls.indexOf(updated) - from);
  }, 30_000);
});
