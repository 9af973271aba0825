import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackApp } from "../helpers/slack-app.ts";

/** A shutdown (SIGTERM on a deploy) must not drop work Slack was already told was done. */
describe("Slack: shutting down", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("finishes the work of a request answered just before the shutdown: the thread reply is recorded", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const late = { id: "U_LATE", name: "Lene Sen" };
    app.fake.names.set(late.id, late.name);
    // Slack is slow to say who wrote the reply, so the note is recorded well after the event was acknowledged.
    app.fake.failNext("users.info", { delayMs: 1_500 });
    const acked = await slack.message(late, "Sagt lige før lukning", threadOf(1));
    expect(acked.status).toBe(200);
    expect(await app.entries(workspace.id, discussion.id)).toEqual([]);

    const began = Date.now();
    await app.server.stop();
    // Within the 10 s the process has after SIGTERM, and only then: the database closes after this.
    expect(Date.now() - began).toBeLessThan(10_000);
    const entries = await app.entries(workspace.id, discussion.id);
    expect(entries.map((e) => [e.authorId, (e.data as { text: string }).text])).toEqual([
      [late.id, "Sagt lige før lukning"],
    ]);
  }, 30_000);
});
