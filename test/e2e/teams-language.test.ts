import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { cardIn, EMPLOYER, LEADER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardText } from "../helpers/teams-connector.ts";

/** Each person's language in Teams: the activity's locale for what they alone see; the channel stays Danish. */
describe("Teams end to end: each person's language", () => {
  let now = new Date("2026-11-24T09:00:00Z");
  const app = teamsApp({ now: () => now });
  const ENGLISH_REP = { ...REP, locale: "en-US" };

  it("answers an en-US person privately in English, remembers it for the round's message, keeps the channel Danish", async () => {
    const { teams, workspace } = await app.setUp();
    // In the channel everyone reads the answer: it stays in the workspace's Danish, though the locale is remembered.
    await teams.mention(ENGLISH_REP, "status");
    const status = await app.connector.waitFor(/Drøftelsen|Der er ingen drøftelse for 2026/);
    expect(JSON.stringify(status.activity)).not.toContain("There is no discussion");
    expect(await repos(app.db).people.language(workspace.id, REP.id)).toEqual(
      expect.objectContaining({ language: "en" }),
    );

    const employer = await app.server.core.context("teams", workspace.externalId, {
      userId: EMPLOYER.id,
      name: EMPLOYER.name,
    });
    const { discussion } = await app.server.core.schedule(
      employer,
      { date: "2026-12-14", time: "10:00" },
      null,
    );
    now = new Date("2026-12-07T08:00:00Z");
    await app.server.dispatcher.drain();
    await app.server.dispatcher.drain();
    const asked = app.connector
      .in(/^a:personal-/)
      .filter((m) => JSON.stringify(m.activity).includes("round_open"));
    expect(asked).toHaveLength(2);
    const chatOf = (id: string) =>
      app.connector.calls.find((c) => c.kind === "create" && JSON.stringify(c.body).includes(id))
        ?.conversation;
    const toRep = asked.find((m) => m.conversation === chatOf(REP.id));
    const toLeader = asked.find((m) => m.conversation === chatOf(LEADER.id));
    expect(JSON.stringify(toRep?.activity)).toContain(
      "The annual working-environment discussion takes place",
    );
    expect(JSON.stringify(toLeader?.activity)).toContain("Den årlige arbejdsmiljødrøftelse holdes");
    // The channel's announcement of the round stays Danish.
    const channel = app.connector
      .in(teams.channel)
      .map((m) => JSON.stringify(m.activity))
      .join("\n");
    expect(channel).toContain("privat besked");
    expect(channel).not.toContain("private message");

    // The form and its refusal in the personal chat: English for the en-US person, Danish for the Danish one.
    const personal = { kind: "personal" as const, conversation: toRep?.conversation as string };
    const form = cardText(
      cardIn(
        await teams.invoke(ENGLISH_REP, { verb: "round_open", data: { d: discussion.id } }, {}, personal),
      ),
    );
    expect(form).toContain("Input for the discussion");
    expect(form).toContain("4. Workplace assessment (APV)");
    const send = { verb: "round_form", data: { d: discussion.id } };
    expect(textIn(await teams.invoke(ENGLISH_REP, send, { "f.p5": "" }, personal))).toContain(
      "Write something under at least one point before you send.",
    );
    const leaderChat = { kind: "personal" as const, conversation: toLeader?.conversation as string };
    expect(textIn(await teams.invoke(LEADER, send, { "f.p5": "" }, leaderChat))).toContain(
      "Skriv noget under mindst ét punkt",
    );
    expect(await repos(app.db).round.answers(workspace.id, discussion.id)).toEqual([]);
  });
});
