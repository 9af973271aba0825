import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";

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

  it("answers a note in a busy channel without waiting for its refresh, telling its author when the last one failed", async () => {
    const { fake } = app;
    const { slack, workspace, discussion } = await app.started();
    const note = async (text: string) => {
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
      );
      expect((await slack.submit(EMPLOYER, slack.lastModal(), { text })).status).toBe(200);
    };
    const told = () =>
      fake.of("chat.postMessage").filter((c) => String(c.args.text).includes("kunne ikke opdateres lige nu"))
        .length;
    const stored = async () => (await app.entries(workspace.id, discussion.id)).length;

    // Slack fails the refresh after the first note (every retry too): its author is told.
    fake.failNext("chat.update", ...Array.from({ length: 4 }, () => ({ status: 500, body: "down" })));
    await note("Først");
    await waitFor(() => told() === 1, 15_000);

    // Slack is slow with the refresh after the second note; a third note meanwhile is answered without waiting for
    // that refresh (nor the one after it), and its author hears the channel was behind at the last try.
    const from = fake.calls.length;
    fake.failNext("chat.update", { delayMs: 3_000 });
    await note("Anden");
    await waitFor(async () => (await stored()) === 2);
    await note("Tredje");
    await waitFor(() => told() === 2, 2_000);
    const shows = (text: string) => (c: { args: Record<string, unknown> }) => texts(c).includes(text);
    const updatedSince = fake.calls.slice(from).filter((c) => c.method === "chat.update");
    expect(updatedSince.some(shows("Anden"))).toBe(false);
    // The rounds that follow show every note.
    await fake.until("chat.update", shows("Tredje"), from, 10_000);
    expect(await stored()).toBe(3);
  });
});
