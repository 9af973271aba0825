import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackApp, waitFor } from "../helpers/slack-app.ts";

/** Who wrote something is asked of Slack once per person, however many of their requests come at once. */
describe("Slack: people's names", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("asks Slack for a new person's name once while their first requests are under way, and again after a failure", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const person = { id: "U_NAMES", name: "Nina Navn" };
    app.fake.names.set(person.id, person.name);
    // Scripted answers are logged as "users.info!<status>".
    const lookups = (id: string) =>
      app.fake.calls.filter((c) => c.method.startsWith("users.info") && c.args.user === id).length;
    const asked = () => lookups(person.id);
    // Slack is slow to answer the first lookup: five replies come meanwhile.
    app.fake.failNext("users.info", { delayMs: 500 });
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => slack.message(person, `Svar ${n}`, threadOf(1))),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 5);
    expect(asked()).toBe(1);
    await slack.message(person, "Svar 6", threadOf(1));
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 6);
    expect(asked()).toBe(1);

    // A lookup that fails answers with the id and is not kept: the next request asks again.
    const other = { id: "U_NAMES2", name: "Olga Opslag" };
    app.fake.names.set(other.id, other.name);
    app.fake.failNext("users.info", { status: 200, body: { ok: false, error: "user_not_found" } });
    await slack.message(other, "Første", threadOf(1));
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 7);
    await slack.message(other, "Anden", threadOf(1));
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 8);
    expect(lookups(other.id)).toBe(2);
  });
});

/** A name is kept a while on the core's clock, then asked for again: a renamed person is not known by the old name. */
describe("Slack: names kept ten minutes", () => {
  let at = new Date("2026-11-24T09:00:00Z").getTime();
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date(at)));
  afterAll(() => app.stop());

  it("asks Slack again for a person's name once ten minutes have passed since it last asked", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const person = { id: "U_RENAMED", name: "Rasmus Rask" };
    app.fake.names.set(person.id, person.name);
    const asked = () =>
      app.fake.calls.filter((c) => c.method.startsWith("users.info") && c.args.user === person.id).length;
    const reply = async (text: string, count: number) => {
      await slack.message(person, text, threadOf(1));
      await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === count);
    };
    await reply("Først", 1);
    at += 9 * 60_000;
    await reply("Ni minutter efter", 2);
    expect(asked()).toBe(1);
    at += 2 * 60_000;
    await reply("Elleve minutter efter", 3);
    expect(asked()).toBe(2);
  });
});
