import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";

/** The reminders the bot posts on its own, and their buttons: add input, start, done, postpone. */
describe("Slack: reminders and their buttons", () => {
  let now = new Date("2026-11-24T09:00:00Z");
  const app = new SlackApp();
  beforeAll(() => app.start(() => now));
  afterAll(() => app.stop());

  it("takes input before the meeting, starts it from the reminder, and follows a decision to done", async () => {
    const { fake } = app;
    const { slack, workspace } = await app.setUp();
    const plan = (await fake.after("views.open", () => slack.command(EMPLOYER, "planlæg"))).args
      .view as Record<string, unknown>;
    await fake.after("files.completeUploadExternal", () =>
      slack.submit(EMPLOYER, plan, {
        date: "2026-12-10",
        time: "10:00",
        location: "Mødelokale 2",
        channel: "C_AMO",
      }),
    );
    const discussion = (await app.repos.discussions.latest(workspace.id))!;

    // Two weeks before: the reminder asks for input to the agenda; a note to point 4 is recorded beforehand.
    now = new Date("2026-11-26T12:00:00Z");
    await app.server.dispatcher.drain();
    const prepare = fake.of("chat.postMessage").find((c) => texts(c).includes("discussion_pre_input"));
    expect(prepare?.args.channel).toBe("C_AMO");
    const input = (
      await fake.after("views.open", () =>
        slack.click(REP, "discussion_pre_input", slack.button("discussion_pre_input").value),
      )
    ).args.view as Record<string, unknown>;
    const res = await slack.submit(REP, input, { point: "4", text: "Husk APV'en for lageret <!channel>" });
    expect(res.status).toBe(200);
    // The modal is answered before the note is recorded.
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length > 0);
    const early = await app.entries(workspace.id, discussion.id);
    expect(early.map((e) => [e.point, e.kind, e.source, (e.data as { text: string }).text])).toEqual([
      [4, "note", "pre_input", "Husk APV'en for lageret <!channel>"],
    ]);

    // At the meeting: the reminder's Start button starts the discussion in the channel.
    now = new Date("2026-12-10T09:00:00Z");
    await app.server.dispatcher.drain();
    const startAnswer = await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_start", slack.button("discussion_start").value),
    );
    expect(String(startAnswer.args.text)).toBe("Drøftelsen er startet i kanalen.");
    expect((await app.repos.discussions.get(workspace.id, discussion.id))?.status).toBe("running");

    // A decision with an owner and a deadline.
    const form = (
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
      )
    ).args.view as Record<string, unknown>;
    await slack.submit(EMPLOYER, form, { text: "Nye kontorstole", owner: REP.id, deadline: "2027-01-15" });
    const decisionOf = async () =>
      (await app.entries(workspace.id, discussion.id)).find((e) => e.kind === "decision");
    await waitFor(async () => (await decisionOf()) !== undefined);
    const decision = await decisionOf();
    expect(decision?.deadline).toBe("2027-01-15");

    // A week before the deadline: reminded in point 1's thread and directly to the owner; postponed a fortnight.
    now = new Date("2027-01-08T12:00:00Z");
    const before = fake.calls.length;
    await app.server.dispatcher.drain();
    const reminded = fake.calls
      .slice(before)
      .filter((c) => c.method === "chat.postMessage" && texts(c).includes("Nye kontorstole"));
    expect(reminded.some((c) => c.args.thread_ts)).toBe(true);
    expect(reminded.some((c) => c.args.channel === `D${REP.id}`)).toBe(true);
    const postpone = (
      await fake.after("views.open", () =>
        slack.click(REP, "entry_postpone", slack.button("entry_postpone").value),
      )
    ).args.view as Record<string, unknown>;
    await fake.after("chat.postMessage", () => slack.submit(REP, postpone, { deadline: "2027-01-29" }));
    expect((await app.repos.entries.get(workspace.id, decision!.id))?.deadline).toBe("2027-01-29");

    // A reminder sent before the one catalogue of actions carried an empty discussion beside the entry: it still works.
    const oldValue = JSON.stringify({ d: "", e: decision!.id });
    const oldPostpone = (await fake.after("views.open", () => slack.click(REP, "entry_postpone", oldValue)))
      .args.view as Record<string, unknown>;
    const told = await fake.after("chat.postMessage", () =>
      slack.submit(REP, oldPostpone, { deadline: "2027-01-29" }),
    );
    expect(String(told.args.text)).toContain("2027");

    // On the new deadline: marked done from the reminder.
    now = new Date("2027-01-29T12:00:00Z");
    await app.server.dispatcher.drain();
    const done = await fake.after("chat.postEphemeral", () =>
      slack.click(REP, "entry_done", slack.button("entry_done").value),
    );
    expect(String(done.args.user)).toBe(REP.id);
    expect((await app.repos.entries.get(workspace.id, decision!.id))?.status).toBe("done");
    const again = await fake.after("chat.postEphemeral", () => slack.click(REP, "entry_done", oldValue));
    expect(again.args.text).toBe(done.args.text);
    expect(fake.refused().map((c) => c.method)).toEqual([]);
  });
});
