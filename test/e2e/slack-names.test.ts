import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayNames } from "../../adapters/slack/display-names.ts";
import { EMPLOYER, SlackApp, waitFor } from "../helpers/slack-app.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const lookupsOf = (fake: FakeSlack, id: string) =>
  fake.calls.filter((c) => c.method.startsWith("users.info") && c.args.user === id).length;

/** A person's name is asked of Slack only where it is written down: in the referat, or a role-change notice. */
describe("Slack: people's names", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("records replies without asking who sent them, and names the one who concluded in the referat", async () => {
    const { fake } = app;
    fake.names.set(EMPLOYER.id, "Mette Hansen (direktør)");
    const { slack, workspace, discussion, threadOf } = await app.started();
    const person = { id: "U_NAMES", name: "Nina Navn" };
    fake.names.set(person.id, person.name);
    const replies = await Promise.all([1, 2, 3].map((n) => slack.message(person, `Svar ${n}`, threadOf(1))));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 3);
    expect(lookupsOf(fake, person.id)).toBe(0);

    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await fake.after("pins.add", () => slack.submit(EMPLOYER, slack.lastModal(), { reason: "Prøve" }));
    const summary = fake.calls
      .filter((c) => c.method === "chat.postMessage")
      .map((c) => JSON.stringify(c.args));
    expect(summary.filter((text) => text.includes("Afsluttet af Mette Hansen (direktør)"))).not.toEqual([]);
  });

  it("refuses a name too long for the record at the box it was written in, not at the picker", async () => {
    const { fake } = app;
    const { slack, workspace, discussion } = await app.started();
    const opened = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_form", slack.button("point_form").value),
    );
    const res = await slack.submit(EMPLOYER, opened.args.view as Record<string, unknown>, {
      person: EMPLOYER.id,
      attendees: [EMPLOYER.id],
      "attendees.names": `Gæst Jensen, ${"Ø".repeat(201)}`,
    });
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors)).toEqual(["attendees.names"]);
    expect(answer.errors["attendees.names"]).toMatch(/200 tegn/);
    expect(await app.entries(workspace.id, discussion.id)).toEqual([]);
  });
});

/** The names kept by the adapter: one object, on the clock it is given, over Slack's own Web API client. */
describe("Slack: display names kept a while", () => {
  const fake = new FakeSlack();
  let client: WebClient;
  beforeAll(async () => {
    client = new WebClient("xoxb-names", { slackApiUrl: await fake.start(), retryConfig: { retries: 0 } });
  });
  afterAll(() => fake.stop());

  it("asks once for requests that come while the first lookup is under way, and again after a failure", async () => {
    const names = displayNames(() => new Date("2026-11-24T09:00:00Z"));
    fake.names.set("U_SLOW", "Nina Navn");
    fake.failNext("users.info", { delayMs: 300 });
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => names.of(client, "T1", "U_SLOW")));
    expect(all).toEqual(Array(5).fill("Nina Navn"));
    expect(await names.of(client, "T1", "U_SLOW")).toBe("Nina Navn");
    expect(lookupsOf(fake, "U_SLOW")).toBe(1);

    // A lookup that fails answers with the id and is not kept: the next one asks again.
    fake.names.set("U_FAILS", "Olga Opslag");
    fake.failNext("users.info", { status: 200, body: { ok: false, error: "user_not_found" } });
    expect(await names.of(client, "T1", "U_FAILS")).toBe("U_FAILS");
    expect(await names.of(client, "T1", "U_FAILS")).toBe("Olga Opslag");
    expect(lookupsOf(fake, "U_FAILS")).toBe(2);
  });

  it("asks again once ten minutes have passed on its clock, so a renamed person is not known by the old name", async () => {
    let at = new Date("2026-11-24T09:00:00Z").getTime();
    const names = displayNames(() => new Date(at));
    fake.names.set("U_RENAMED", "Rasmus Rask");
    expect(await names.of(client, "T1", "U_RENAMED")).toBe("Rasmus Rask");
    fake.names.set("U_RENAMED", "Rasmus Rask-Holm");
    at += 9 * 60_000;
    expect(await names.of(client, "T1", "U_RENAMED")).toBe("Rasmus Rask");
    at += 2 * 60_000;
    expect(await names.of(client, "T1", "U_RENAMED")).toBe("Rasmus Rask-Holm");
    expect(lookupsOf(fake, "U_RENAMED")).toBe(2);
  });
});
