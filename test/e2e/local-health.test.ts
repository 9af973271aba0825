import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { DRIVERS } from "../helpers/db.ts";
import { ALI, localApp, METTE, setUpLocal } from "../helpers/local-app.ts";
import { messageText } from "../helpers/local-driver.ts";
import { actionsOf } from "../helpers/teams-connector.ts";

const NOW = new Date("2026-11-24T09:00:00Z");

/**
 * The local channel in English: a note naming someone together with a health word is saved only when confirmed, in
 * the form and from a thread reply (its writer told in their direct messages); point 7 says in a first year that
 * there is nothing to assess; and the approvers asked again after an addition are named plainly.
 */
describe("the local channel: names and health in notes, and approvers asked by name", () => {
  const app = localApp({ now: () => NOW, driver: DRIVERS.at(-1) as (typeof DRIVERS)[number] });

  it("warns, saves once when confirmed, holds a reply back privately, and asks approvers by name", async () => {
    await setUpLocal(app.page, { language: "en" });
    await app.page.command(METTE, "/arbejdsmiljø start");
    const workspace = (await repos(app.db).workspaces.find("local", "local"))!;
    const discussion = (await repos(app.db).discussions.latest(workspace.id))!;
    const notes = async () =>
      (await repos(app.db).entries.forDiscussion(workspace.id, discussion.id)).map(
        (e) => (e.data as { text?: string }).text,
      );
    const point = (n: number) => app.page.get(new RegExp(`Point ${n} of 11:`), { threadId: null });

    // The note form: warned, the text kept, nothing saved; "Save anyway" saves it, pressed twice still once.
    await app.page.press(METTE, point(1), "Note");
    const text = "Ali is off sick with stress this month";
    const warned = await app.page.press(METTE, point(1), "Save", { "f.text": text });
    const said = JSON.stringify(warned.body.card);
    expect(said).toContain(
      "Not saved yet: the text names Ali Nielsen together with a word about health. Change the text, or save anyway.",
    );
    expect(said).toContain("Health details about a named person are sensitive personal data");
    expect(warned.body.refusal ?? null).toBeNull();
    expect(await notes()).toEqual([]);
    const warnedMessage = point(1);
    const anyway = actionsOf(warnedMessage.cards).find((a) => a.title === "Save anyway");
    expect(anyway).toBeDefined();
    for (let press = 0; press < 2; press++) {
      const answer = await app.page.post("/local/action", {
        as: METTE,
        messageId: warnedMessage.id,
        card: 0,
        verb: anyway?.verb,
        data: { ...anyway?.data, "f.text": text },
      });
      expect(JSON.stringify(answer.body.card)).toContain("Saved.");
    }
    expect(await notes()).toEqual([text]);

    // A reply in point 1's thread is held back: Ali alone is told, in his direct messages, with "Save anyway".
    await app.page.reply(ALI, point(1).id, "Mette has a doctor's note for her back");
    await app.page.sync(ALI);
    const told = app.page.get("Your reply under point 1 is not saved as a note yet");
    expect(told.channel).toBe("direct");
    expect(messageText(told)).toContain("it names Mette Hansen together with a word about health");
    expect(
      app.page.all().filter((m) => m.channel === "channel" && messageText(m).includes("not saved as a note")),
    ).toEqual([]);
    expect(await notes()).toEqual([text]);
    const saved = await app.page.press(ALI, told, "Save anyway");
    expect(JSON.stringify(saved.body.card)).toContain("Your reply is saved as a note under point 1.");
    expect(await notes()).toEqual([text, "Mette has a doctor's note for her back"]);

    // Concluded and added to: the channel is told, the approvers named plainly (the local page mentions no one).
    for (let n = 1; n < 11; n++) await app.page.press(METTE, point(n), "Next point");
    // Point 7 says, during the first meeting, that there are no goals from last year to assess.
    expect(messageText(point(7))).toContain("The bot holds no discussion from last year.");
    expect(messageText(point(6))).not.toContain("no discussion from last year");
    await app.page.press(METTE, point(11), "Conclude the discussion");
    await app.page.press(METTE, app.page.get("Check before concluding"), "Conclude anyway", {
      "f.reason": "The rest in January",
    });
    expect((await repos(app.db).discussions.get(workspace.id, discussion.id))?.status).toBe("concluded");
    await app.page.press(METTE, point(9), "Add to the minutes");
    await app.page.press(METTE, point(9), "Note");
    await app.page.press(METTE, point(9), "Save", { "f.text": "After the meeting: we meet each quarter." });
    const announced = app.page.get(/has added to the minutes under point 9/);
    expect(announced.text).toMatch(
      /The minutes are now version 2 and not yet approved\. (Mette Hansen and Ali Nielsen|Ali Nielsen and Mette Hansen): please approve the new version\.$/,
    );
    expect(announced.text).not.toContain("<at>");
  });
});
