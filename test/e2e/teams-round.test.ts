import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { cardIn, EMPLOYER, LEADER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";

describe("Teams end to end: the preparation round in the personal chat", () => {
  let now = new Date("2026-11-24T09:00:00Z");
  const app = teamsApp({ now: () => now });

  it("sends the round's card to each person asked, opens its form and stores the answer sent from it", async () => {
    const { teams, workspace } = await app.setUp();
    const core = app.server.core;
    const employer = await core.context("teams", workspace.externalId, {
      userId: EMPLOYER.id,
      name: EMPLOYER.name,
    });
    const { discussion } = await core.schedule(employer, { date: "2026-12-14", time: "10:00" }, null);
    // The setup moved the preparation reminder to 7 days before: Monday 7 December, 09:00.
    now = new Date("2026-12-07T08:00:00Z");
    await app.server.dispatcher.drain();
    await app.server.dispatcher.drain();
    const asked = app.connector
      .in(/^a:personal-/)
      .filter((m) => JSON.stringify(m.activity).includes("round_open"));
    expect(asked).toHaveLength(2);
    expect(
      (await repos(app.db).round.invites(workspace.id, discussion.id)).map((i) => i.userId).sort(),
    ).toEqual([LEADER.id, REP.id].sort());
    const personal = { kind: "personal" as const, conversation: asked[0]!.conversation };
    const form = cardIn(
      await teams.invoke(REP, { verb: "round_open", data: { d: discussion.id } }, {}, personal),
    );
    const shown = JSON.stringify(form);
    for (const id of ["f.p4", "f.p5", "f.p6", "f.accidents", "f.near_misses", "f.p7", "f.p8"])
      expect(shown).toContain(`"id":"${id}"`);
    const send = { verb: "round_form", data: { d: discussion.id } };
    const refused = textIn(await teams.invoke(REP, send, { "f.p5": "", "f.accidents": "" }, personal));
    expect(refused).toContain("Skriv noget under mindst ét punkt");
    const saved = textIn(
      await teams.invoke(
        REP,
        send,
        { "f.p5": "Introduktion til nye kolleger", "f.near_misses": 2 },
        personal,
      ),
    );
    expect(saved).toContain("Tak! Dit input er gemt");
    expect(await repos(app.db).round.answers(workspace.id, discussion.id)).toEqual([
      expect.objectContaining({
        respondentId: REP.id,
        points: { 5: "Introduktion til nye kolleger" },
        nearMisses: 2,
      }),
    ]);
    // The employer was not asked: refused in their words, nothing stored.
    const notAsked = textIn(await teams.invoke(EMPLOYER, send, { "f.p4": "Noget" }, personal));
    expect(notAsked).toContain("Du er ikke blandt dem, der er spurgt");
    expect(await repos(app.db).round.answers(workspace.id, discussion.id)).toHaveLength(1);
  });
});
