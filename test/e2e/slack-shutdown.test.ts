import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackApp } from "../helpers/slack-app.ts";

/** A shutdown (SIGTERM on a deploy) must not drop work Slack was already told was done. */
describe("Slack: shutting down", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("finishes the work of a request answered just before the shutdown: the reply is recorded and shown", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const late = { id: "U_LATE", name: "Lene Sen" };
    // Slack is slow to take the refresh that shows the reply, so the work runs well after the event was acknowledged.
    app.fake.failNext("chat.update", { delayMs: 1_500 });
    const from = app.fake.calls.length;
    const acked = await slack.message(late, "Sagt lige før lukning", threadOf(1));
    expect(acked.status).toBe(200);
    const shown = () => app.fake.calls.slice(from).filter((c) => c.method.startsWith("chat.update"));
    expect(shown()).toEqual([]);

    const began = Date.now();
    await app.server.stop();
    expect(shown().length).toBeGreaterThan(0);
    // Within the 10 s the process has after SIGTERM, and only then: the database closes after this.
    expect(Date.now() - began).toBeLessThan(10_000);
    const entries = await app.entries(workspace.id, discussion.id);
    expect(entries.map((e) => [e.authorId, (e.data as { text: string }).text])).toEqual([
      [late.id, "Sagt lige før lukning"],
    ]);
  }, 30_000);
});
