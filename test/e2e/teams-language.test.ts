import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { waitFor } from "../helpers/slack-app.ts";
import { cardIn, EMPLOYER, LEADER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardOf, cardText, contentText } from "../helpers/teams-connector.ts";

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

  it("draws the setup card in an en-US employer's personal chat in English, keeping the workspace's Danish", async () => {
    const { teams } = await app.setUp();
    const personal = `a:personal-${EMPLOYER.id}`;
    const englishEmployer = { ...EMPLOYER, locale: "en-US" };
    const asked = await teams.post({
      ...teams.base(englishEmployer, personal, "personal"),
      type: "message",
      id: "setup-in-english",
      text: "opsæt",
    });
    expect(asked.status).toBe(200);
    const posted = await app.connector.waitFor(/Number of employees/);
    expect(posted.conversation).toBe(personal);
    const card = cardOf(posted.activity) as { body: { id?: string; value?: unknown }[] };
    expect(cardText(card)).toContain("Setup");
    expect(cardText(card)).not.toContain("Antal ansatte");
    expect(card.body.find((b) => b.id === "f.language")?.value).toBe("da");

    // In the channel, where everyone reads it, the same person's setup card is in the workspace's Danish.
    const danishCards = () =>
      app.connector
        .in(new RegExp(`^${teams.channel}`))
        .filter((m) => contentText(m.activity).includes("Antal ansatte")).length;
    const before = danishCards();
    await teams.mention(englishEmployer, "opsæt");
    await waitFor(() => danishCards() === before + 1);
    const inChannel = app.connector.in(new RegExp(`^${teams.channel}`)).map((m) => contentText(m.activity));
    expect(inChannel.some((text) => text.includes("Number of employees"))).toBe(false);
  });
});
