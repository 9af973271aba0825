import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, LEADER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";

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

    // Two weeks before: the reminder opens the preparation round, and the AMO is asked in private messages.
    now = new Date("2026-11-26T12:00:00Z");
    await app.server.dispatcher.drain();
    await app.server.dispatcher.drain();
    const prepare = fake.of("chat.postMessage").find((c) => texts(c).includes("privat besked"));
    expect(prepare?.args.channel).toBe("C_AMO");
    expect(texts(prepare)).not.toContain("discussion_pre_input");
    const asked = fake.of("chat.postMessage").filter((c) => texts(c).includes("round_open"));
    expect(asked.map((c) => c.args.channel).sort()).toEqual([`D${LEADER.id}`, `D${REP.id}`]);
    const roundForm = (
      await fake.after("views.open", () => slack.click(REP, "round_open", slack.button("round_open").value))
    ).args.view as Record<string, unknown>;
    expect(roundForm.callback_id).toBe("round_form");
    // A figure that is not a whole number is refused in the modal, and nothing is stored.
    const refused = await slack.submit(REP, roundForm, { p4: "Husk APV'en for lageret", accidents: "-2" });
    expect(JSON.stringify(await refused.json())).toContain("helt tal");
    // So is a colleague named with a health word: under point 6, before the modal closes.
    const health = (await (
      await slack.submit(REP, roundForm, { p6: `${LEADER.name} fik en hjernerystelse ved trappen` })
    ).json()) as { errors?: Record<string, string> };
    expect(health.errors?.p6).toContain("sammen med et ord om helbred");
    const res = await slack.submit(REP, roundForm, {
      p4: "Husk APV'en for lageret",
      accidents: 1,
      near_misses: 3,
    });
    expect(res.status).toBe(200);
    // The modal is answered before the answer is stored; the thanks come in the private chat.
    await waitFor(async () => (await app.repos.round.answers(workspace.id, discussion.id)).length > 0);
    expect(await app.repos.round.answers(workspace.id, discussion.id)).toEqual([
      expect.objectContaining({
        respondentId: REP.id,
        points: { 4: "Husk APV'en for lageret" },
        accidents: 1,
        nearMisses: 3,
      }),
    ]);
    await waitFor(async () =>
      fake.of("chat.postMessage").some((c) => texts(c).includes("Tak! Dit input er gemt")),
    );
    // An older message's "Tilføj forslag" still opens its form.
    const old = await fake.after("views.open", () =>
      slack.click(REP, "discussion_pre_input", JSON.stringify({ d: discussion.id })),
    );
    expect((old.args.view as { callback_id: string }).callback_id).toBe("entry_form");

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
