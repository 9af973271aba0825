import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, LEADER, REP, SlackApp, texts } from "../helpers/slack-app.ts";

/** Each person's language in Slack: their user locale for what they alone see; the channel stays Danish. */
describe("Slack: each person's language", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("answers an en-US person in English (ephemeral, modal, App Home) while the channel's cards stay Danish", async () => {
    const { fake } = app;
    fake.locales.set(REP.id, "en-US");
    fake.locales.set(LEADER.id, "de-DE");
    const { slack, workspace } = await app.setUp("da");

    const status = await fake.after("respond", () => slack.command(REP, "status"));
    expect(texts(status)).toContain("There is no discussion for 2026 yet");
    const asked = fake.calls.filter((c) => c.method === "users.info" && c.args.user === REP.id);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => String(c.args.include_locale) === "true")).toBe(true);
    expect(await app.repos.people.language(workspace.id, REP.id)).toEqual(
      expect.objectContaining({ language: "en" }),
    );
    // A locale the bot does not speak: the workspace's Danish.
    const leaderStatus = await fake.after("respond", () => slack.command(LEADER, "status"));
    expect(texts(leaderStatus)).toContain("Der er ingen drøftelse for 2026 endnu");
    expect(await app.repos.people.language(workspace.id, LEADER.id)).toEqual(
      expect.objectContaining({ language: null }),
    );

    const before = fake.calls.length;
    await slack.homeOpened(REP);
    const home = await fake.until("views.publish", (c) => c.args.user_id === REP.id, before);
    expect(texts(home)).toContain("No meeting is planned yet.");
    expect(texts(home)).not.toContain("Der er ikke planlagt");

    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const card = fake.calls.find(
      (c) => c.method === "chat.postMessage" && texts(c).includes("Punkt 1 af 11"),
    );
    expect(card).toBeDefined();
    expect(texts(card)).not.toContain("Point 1 of 11");

    const form = await fake.after("views.open", () =>
      slack.click(REP, "point_decision", slack.button("point_decision").value),
    );
    expect(texts(form)).toContain("Record a decision");
    expect(texts(form)).not.toContain("Registrér beslutning");
    const employerForm = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
    );
    expect(texts(employerForm)).toContain("Registrér beslutning");
  });
});
