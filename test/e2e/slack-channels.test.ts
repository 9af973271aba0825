import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";

/** The bot must be in the discussion's channel: it joins a public one, and asks to be invited to a private one. */
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
});
