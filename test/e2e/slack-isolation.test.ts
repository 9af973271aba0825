import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, waitFor } from "../helpers/slack-app.ts";
import { SlackDriver } from "../helpers/slack-driver.ts";

/** One workspace can never reach another's discussion, whatever ids it sends. */
describe("Slack: workspaces are kept apart", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("refuses another workspace's buttons, modals and threads politely and changes nothing", async () => {
    const { fake } = app;
    const a = await app.started();
    const b = await app.setUp();
    const intruder = new SlackDriver(app.url, fake, b.slack.team);
    const before = (await app.repos.discussions.get(a.workspace.id, a.discussion.id))!;

    // B presses A's "next" button (same value, B's team).
    const refused = await fake.after("chat.postEphemeral", () =>
      intruder.click(EMPLOYER, "point_next", a.slack.button("point_next").value),
    );
    expect(String(refused.args.text)).toBe(
      "Det kunne jeg ikke finde. Måske er det slettet, eller det hører til en anden arbejdsplads.",
    );

    // B submits a note modal carrying A's discussion id.
    const modal = (
      await fake.after("views.open", () =>
        a.slack.click(EMPLOYER, "point_note", a.slack.button("point_note").value),
      )
    ).args.view as Record<string, unknown>;
    await intruder.submit(EMPLOYER, modal, { text: "Skrevet udefra" });

    // B's user replies in A's point thread.
    await intruder.message(REP, "Også udefra", a.threadOf(1));
    await new Promise((r) => setTimeout(r, 300));

    const after = (await app.repos.discussions.get(a.workspace.id, a.discussion.id))!;
    expect(after.version).toBe(before.version);
    expect(after.currentPoint).toBe(1);
    expect(await app.entries(a.workspace.id, a.discussion.id)).toEqual([]);
    await waitFor(() =>
      fake
        .of("chat.postMessage")
        .some((c) => c.args.channel === EMPLOYER.id && String(c.args.text).includes("kunne jeg ikke finde")),
    );
  });
});
