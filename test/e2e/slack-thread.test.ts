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
});
