import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { cardIn, EMPLOYER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { actionsOf, cardOf, cardText, contentText, inputsOf } from "../helpers/teams-connector.ts";
import { button } from "../helpers/teams-driver.ts";

/**
 * Teams: a note that names a person on the roster together with a health word is saved only when confirmed. The
 * card answers with the warning and "Gem alligevel"; a thread reply's writer is told in their own chat, with the
 * button; either saves one note however often it is pressed. Point 7 says in a first year that nothing is to assess.
 */
describe("Teams: names and health in notes, saved only when confirmed", () => {
  const app = teamsApp();
  const { connector, setUp, start, pointMessage } = app;

  it("warns in the card, keeps the text, and saves once from 'Gem alligevel'", async () => {
    const { teams, workspace } = await setUp();
    const { discussionId } = await start(teams);
    const notes = async () =>
      (await repos(app.db).entries.forDiscussion(workspace.id, discussionId)).map(
        (e) => (e.data as { text?: string }).text,
      );
    const text = "Ali er sygemeldt med stress, så punktet venter";
    const warned = cardIn(
      await teams.invoke(
        EMPLOYER,
        { verb: "entry_form", data: { d: discussionId, p: 1, k: "note" } },
        { "f.text": text },
      ),
    );
    const shown = cardText(warned);
    expect(shown).toContain(
      "Ikke gemt endnu: teksten nævner Ali Nielsen sammen med et ord om helbred. Ret teksten, eller gem alligevel.",
    );
    expect(shown).toContain(
      "Teksten nævner Ali Nielsen sammen med et ord om helbred. Oplysninger om en navngiven persons helbred er følsomme personoplysninger",
    );
    expect(inputsOf(warned)).toEqual(["f.text"]);
    expect(shown).toContain(text);
    expect(await notes()).toEqual([]);

    // Two presses of "Gem alligevel" (each its own activity, as a double click is): one note.
    const anyway = button(warned, "Gem alligevel");
    expect(anyway.data).toMatchObject({ d: discussionId, p: 1, k: "note" });
    expect(typeof anyway.data.h).toBe("string");
    const saved = await teams.invoke(EMPLOYER, anyway, { "f.text": text });
    expect(textIn(saved)).toContain("Gemt.");
    expect(textIn(saved)).toContain(text);
    expect(textIn(await teams.invoke(EMPLOYER, anyway, { "f.text": text }))).toContain("Gemt.");
    expect(await notes()).toEqual([text]);
    expect(contentText(pointMessage(teams, 1).activity)).toContain(text);
  });

  it("holds a thread reply back, tells its writer in their own chat, and saves it once from the button", async () => {
    const { teams, workspace } = await setUp();
    const { discussionId, point1 } = await start(teams);
    const entries = () => repos(app.db).entries.forDiscussion(workspace.id, discussionId);
    const reply = await teams.replyInThread(
      REP,
      point1.id,
      "Mette har fået konstateret migræne",
      "1700000000555",
    );
    expect(reply.status).toBe(200);
    const told = await connector.waitFor("Dit svar under punkt 1 er ikke gemt som note endnu");
    expect(told.conversation).toMatch(/^a:personal-/);
    expect(contentText(told.activity)).toContain(
      "det nævner Mette Hansen sammen med et ord om helbred. Oplysninger om en navngiven persons helbred er følsomme personoplysninger",
    );
    // Nothing of it in the channel: the writer alone is told.
    expect(connector.find("ikke gemt som note endnu").map((m) => m.conversation)).toEqual([
      told.conversation,
    ]);
    expect(await entries()).toEqual([]);

    const card = cardOf(told.activity);
    const anyway = button(card, "Gem alligevel");
    expect(anyway.data).toEqual({
      c: teams.channel,
      t: point1.id,
      m: "1700000000555",
      x: "Mette har fået konstateret migræne",
      w: REP.id,
    });
    // Someone else pressing it (the card lands in the thread when no private chat can be had) saves nothing.
    const other = await teams.invoke(
      EMPLOYER,
      anyway,
      {},
      { conversation: told.conversation, kind: "personal" },
    );
    expect(textIn(other)).toContain("Kun den, der skrev svaret, kan gemme det alligevel.");
    expect(await entries()).toEqual([]);
    for (let press = 0; press < 2; press++) {
      const answer = await teams.invoke(
        REP,
        anyway,
        {},
        {
          conversation: told.conversation,
          kind: "personal",
        },
      );
      expect(textIn(answer)).toContain("Dit svar er gemt som note under punkt 1.");
    }
    const stored = await entries();
    expect(stored.map((e) => [e.point, e.authorId, (e.data as { text: string }).text])).toEqual([
      [1, REP.id, "Mette har fået konstateret migræne"],
    ]);
    expect(contentText(pointMessage(teams, 1).activity)).toContain("Mette har fået konstateret migræne");
    expect(actionsOf(card).map((a) => a.verb)).toEqual(["reply_save"]);
  });

  it("says on point 7's card during the first meeting that the bot holds no discussion from last year", async () => {
    const { teams } = await setUp();
    const { point1 } = await start(teams);
    let current = cardOf(point1.activity);
    for (let point = 1; point < 7; point++)
      current = cardIn(await teams.invoke(EMPLOYER, button(current, "Næste punkt")));
    expect(cardText(current)).toContain("Punkt 7 af 11");
    expect(cardText(current)).toContain("Botten har ingen drøftelse fra sidste år.");
    expect(contentText(pointMessage(teams, 7).activity)).toContain(
      "Botten har ingen drøftelse fra sidste år.",
    );
    expect(contentText(pointMessage(teams, 6).activity)).not.toContain("ingen drøftelse fra sidste år");
  });
});
