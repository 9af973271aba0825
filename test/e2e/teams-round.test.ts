import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { plannedDiscussion } from "../helpers/db.ts";
import { cardIn, EMPLOYER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";

describe("Teams end to end: the preparation round in the personal chat", () => {
  const app = teamsApp();

  it("opens the round's card from the private message and stores the answer sent from it", async () => {
    const { teams, workspace } = await app.setUp();
    const discussion = await plannedDiscussion(app.db, workspace.id);
    await repos(app.db).round.invite(workspace.id, discussion.id, REP.id);
    const personal = { kind: "personal" as const, conversation: `a:personal-${REP.id}` };
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
