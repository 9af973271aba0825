import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, waitFor } from "../helpers/slack-app.ts";

/** Which messages in an agenda point's thread become notes. */
describe("Slack: replies in a point's thread", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("records plain, also-sent-to-channel and with-a-file replies; not the bot's own, edits or channel messages", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const thread = threadOf(1);
    await slack.message(REP, "Almindeligt svar", thread);
    await slack.message(REP, "Også sendt til kanalen", thread, { extra: { subtype: "thread_broadcast" } });
    await slack.message(EMPLOYER, "Med et billede", thread, {
      extra: { subtype: "file_share", files: [{ id: "F1" }] },
    });
    await slack.message(REP, "Fra botten", thread, { extra: { bot_id: "BBOT" } });
    await slack.message(REP, "Rettet", thread, { extra: { subtype: "message_changed" } });
    await slack.message(REP, "I kanalen, ikke i tråden", "");
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    const notes = await app.entries(workspace.id, discussion.id);
    expect(notes.map((n) => [n.point, n.kind, (n.data as { text: string }).text]).sort()).toEqual([
      [1, "note", "Almindeligt svar"],
      [1, "note", "Med et billede"],
      [1, "note", "Også sendt til kanalen"],
    ]);
    expect(notes.find((n) => (n.data as { text: string }).text === "Med et billede")?.authorId).toBe(
      EMPLOYER.id,
    );
  });

  it("shows a busy point's newest 30 notes on its message and says where the rest are", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    for (let i = 1; i <= 35; i++) await slack.message(REP, `Bemærkning nr. ${i}.`, threadOf(1));
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 35, 10_000);
    const point = await app.fake.until(
      "chat.update",
      (c) => JSON.stringify(c.args.blocks ?? "").includes("*Registreret* (35)"),
      0,
      10_000,
    );
    const shown = JSON.stringify(point.args.blocks);
    expect(shown).toContain("_Viser de seneste 30 af 35. Alle kommer med i referatet._");
    // Replies are recorded after each is acknowledged, so their order is the order they were stored in.
    const stored = (await app.entries(workspace.id, discussion.id)).map(
      (e) => (e.data as { text: string }).text,
    );
    for (const text of stored.slice(-30)) expect(shown).toContain(`Note:* ${text}`);
    for (const text of stored.slice(0, 5)) expect(shown).not.toContain(`Note:* ${text}`);
  }, 30_000);

  it("follows an edited reply, records a refused reply once it is edited short, and drops a deleted one", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const thread = threadOf(1);
    const notes = async () =>
      (await app.entries(workspace.id, discussion.id)).map((e) => (e.data as { text: string }).text);
    const change = (ts: string, text: string, editedAt: string | null, eventId?: string) =>
      slack.message(REP, "", "", {
        eventId,
        extra: {
          subtype: "message_changed",
          user: undefined,
          text: undefined,
          thread_ts: undefined,
          hidden: true,
          message: {
            type: "message",
            user: REP.id,
            text,
            ts,
            thread_ts: thread,
            ...(editedAt ? { edited: { user: REP.id, ts: editedAt } } : {}),
          },
          previous_message: { type: "message", user: REP.id, text: "før", ts, thread_ts: thread },
        },
      });

    await slack.message(REP, "Vi har støj fra ventilationen", thread, { ts: "1700000100.000100" });
    await waitFor(async () => (await notes()).length === 1);
    // An edit by the writer changes the note, and the point's message shows the new text; the same event twice
    // changes it once.
    await change(
      "1700000100.000100",
      "Vi har støj fra ventilationen i mødelokalet",
      "1700000200.000000",
      "EvEdit1",
    );
    await change(
      "1700000100.000100",
      "Vi har støj fra ventilationen i mødelokalet",
      "1700000200.000000",
      "EvEdit1",
    );
    await waitFor(async () => (await notes())[0] === "Vi har støj fra ventilationen i mødelokalet");
    await app.fake.until("chat.update", (c) => JSON.stringify(c.args.blocks ?? "").includes("i mødelokalet"));
    // A change Slack makes without an edit mark (a link preview) is not an edit.
    await change("1700000100.000100", "Noget andet", null);

    // Too long at first: refused and told; edited short: recorded.
    await slack.message(REP, "x".repeat(3_001), thread, { ts: "1700000300.000100" });
    await app.fake.until("chat.postEphemeral", (c) => String(c.args.text).includes("for langt"));
    await change("1700000300.000100", "Kort nu", "1700000400.000000");
    await waitFor(async () => (await notes()).includes("Kort nu"));

    // Deleted in Slack: the note goes too.
    await slack.message(REP, "", "", {
      extra: {
        subtype: "message_deleted",
        user: undefined,
        text: undefined,
        thread_ts: undefined,
        hidden: true,
        deleted_ts: "1700000300.000100",
        previous_message: {
          type: "message",
          user: REP.id,
          text: "Kort nu",
          ts: "1700000300.000100",
          thread_ts: thread,
        },
      },
    });
    await waitFor(async () => !(await notes()).includes("Kort nu"));
    await new Promise((r) => setTimeout(r, 300));
    expect(await notes()).toEqual(["Vi har støj fra ventilationen i mødelokalet"]);
    const actions = (await app.repos.audit.list(workspace.id)).map((a) => a.action);
    // One edit for the repeated event, none for the link preview; the recorded-then-deleted reply.
    expect(actions.filter((a) => a.startsWith("entry."))).toEqual([
      "entry.recorded",
      "entry.edited",
      "entry.recorded",
      "entry.removed",
    ]);
  }, 30_000);
});
