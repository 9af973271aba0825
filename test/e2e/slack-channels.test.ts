import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";

/**
 * The bot must be in the discussion's channel: it joins a public one, and asks to be invited to a private one. The
 * channel's messages follow what is stored, and a note's author hears when they could not.
 */
describe("Slack: the discussion's channel", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("joins a public channel it is not in and posts there", async () => {
    const { fake } = app;
    const { slack } = await app.setUp("da", "C_PUB");
    fake.outside.set("C_PUB", { private: false });
    const from = fake.calls.length;
    const answer = await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    expect(String(answer.args.text)).toBe("Drøftelsen er startet i kanalen.");
    const methods = fake.calls.slice(from).map((c) => c.method);
    expect(methods).toContain("chat.postMessage!not_in_channel");
    expect(fake.calls.slice(from).find((c) => c.method === "conversations.join")?.args.channel).toBe("C_PUB");
    const posted = fake.calls
      .slice(from)
      .filter((c) => c.method === "chat.postMessage" && c.args.channel === "C_PUB");
    expect(posted.map((c) => String(c.args.text))).toEqual([
      "Årlig arbejdsmiljødrøftelse 2026",
      "Punkt 1 af 11: Valg af referent",
    ]);
  });

  it("asks to be invited to a private channel, keeps the started discussion, and posts once invited", async () => {
    const { fake } = app;
    fake.outside.set("G_PRIV", { private: true });
    const { slack, workspace } = await app.setUp("da", "G_PRIV");
    const setupDone = fake
      .of("chat.postMessage")
      .filter((c) => c.args.channel === EMPLOYER.id)
      .at(-1);
    expect(texts(setupDone)).toContain("Jeg er ikke medlem af <#G_PRIV>");

    const answer = await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    expect(String(answer.args.text)).toContain("Inviter mig med /invite @Arbejdsmiljø i kanalen.");
    expect(String(answer.args.text)).toContain("Skriv derefter /arbejdsmiljø start igen");
    const discussion = await app.repos.discussions.latest(workspace.id);
    expect(discussion?.status).toBe("running");
    expect(fake.of("chat.postMessage").some((c) => c.args.channel === "G_PRIV")).toBe(false);

    // Someone invites the bot; start again brings the channel up to date instead of refusing.
    fake.outside.delete("G_PRIV");
    const again = await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    expect(String(again.args.text)).toBe(
      "Drøftelsen er allerede i gang. Dens beskeder i kanalen er bragt ajour.",
    );
    await waitFor(() => fake.of("chat.postMessage").filter((c) => c.args.channel === "G_PRIV").length === 2);
    expect((await app.repos.discussions.latest(workspace.id))?.version).toBe(discussion?.version);
  });

  it("tells a note's author when the refresh that shows the note fails, and only then, in a busy channel too", async () => {
    const { fake } = app;
    /** Private messages saying the channel is behind, to `who` (anyone when not given). */
    const told = (who?: { id: string }) =>
      fake
        .of("chat.postMessage")
        .filter((c) => String(c.args.text).includes("kunne ikke opdateres lige nu"))
        .filter((c) => !who || c.args.channel === who.id).length;
    const failing = Array.from({ length: 4 }, () => ({ status: 500, body: "down" }));
    /** A discussion to add notes to; `held` adds one whose refresh Slack holds (the channel is busy meanwhile). */
    const meeting = async () => {
      const { slack, workspace, discussion } = await app.started();
      const note = async (text: string, who = EMPLOYER) => {
        await fake.after("views.open", () =>
          slack.click(who, "point_note", slack.button("point_note").value),
        );
        expect((await slack.submit(who, slack.lastModal(), { text })).status).toBe(200);
        await waitFor(async () =>
          (await app.entries(workspace.id, discussion.id)).some(
            (e) => (e.data as { text: string }).text === text,
          ),
        );
      };
      const held = async (text: string, ...then: Parameters<typeof fake.failNext>[1][]) => {
        let release = () => {};
        const until = new Promise<void>((resolve) => {
          release = resolve;
        });
        const before = fake.of("chat.update!held").length;
        fake.failNext("chat.update", { until }, ...then);
        await note(text);
        await waitFor(() => fake.of("chat.update!held").length > before);
        return release;
      };
      return { note, held };
    };

    // A refresh fails (every retry too): the note's author is told.
    const quiet = await meeting();
    fake.failNext("chat.update", ...failing);
    await quiet.note("Først");
    await waitFor(() => told() === 1, 15_000);

    // A note while the refresh of the one before is under way is shown by its own refresh; both work, so no one is
    // told anything (though the last finished refresh had failed).
    let release = await quiet.held("Anden");
    await quiet.note("Tredje");
    const from = fake.calls.length;
    release();
    // The held refresh goes through, and the channel shows the note that came meanwhile.
    await waitFor(() => fake.calls.slice(from).some((c) => c.method === "chat.update"), 5_000);
    await waitFor(() => fake.of("chat.update").some((c) => JSON.stringify(c.args).includes("Tredje")), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(told()).toBe(1);

    // In another meeting, while one note's refresh is under way, the refresh of the next note fails: its author,
    // and no one else, is told.
    const busy = await meeting();
    release = await busy.held("Fjerde");
    fake.failNext("chat.update", ...failing);
    await busy.note("Femte", REP);
    await waitFor(() => told(REP) === 1, 15_000);
    release();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(told(EMPLOYER)).toBe(1);
  });
});
