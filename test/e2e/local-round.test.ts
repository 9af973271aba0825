import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { ALI, localApp, METTE, setUpLocal } from "../helpers/local-app.ts";
import { messageText } from "../helpers/local-driver.ts";

/** The preparation round in the local channel: the private message, its form, the answer at the meeting. */
describe("the local channel: the preparation round", () => {
  let now = new Date("2026-11-24T09:00:00Z");
  const app = localApp({ now: () => now });

  it("asks Ali and Søren privately, takes Ali's answer from the form, and shows it at point 4 and in the counts", async () => {
    await setUpLocal(app.page);
    await app.page.command(METTE, "/arbejdsmiljø planlæg");
    await app.page.press(METTE, app.page.get("Planlæg drøftelsen"), "Gem", {
      "f.date": "2026-12-14",
      "f.time": "10:00",
      "f.location": "Mødelokale 2",
    });
    // 14 days before Monday 14 December: the round opens, and the private messages go out at the next tick.
    now = new Date("2026-11-30T08:00:00Z");
    await app.server.dispatcher.drain();
    await app.server.dispatcher.drain();
    await app.page.sync(ALI);
    const ask = app.page.get("Inden da vil vi gerne høre dine erfaringer");
    expect(ask.channel).toBe("direct");
    const opened = await app.page.press(ALI, ask, "Giv dit input");
    expect(opened.status).toBe(200);
    const form = app.page.messages.get(ask.id);
    expect(messageText(form!)).toContain("Input til drøftelsen");
    await app.page.press(ALI, form!, "Send", {
      "f.p4": "Lyset ved kopimaskinen er for svagt",
      "f.accidents": 0,
    });
    expect(messageText(app.page.messages.get(ask.id)!)).toContain("Tak! Dit input er gemt");
    const workspace = (await repos(app.db).workspaces.find("local", "local"))!;
    const discussion = (await repos(app.db).discussions.latest(workspace.id))!;
    expect((await repos(app.db).round.answers(workspace.id, discussion.id)).map((a) => a.points)).toEqual([
      { 4: "Lyset ved kopimaskinen er for svagt" },
    ]);

    // At the meeting: point 1 shows the counts, point 4 what came in.
    now = new Date("2026-12-14T09:00:00Z");
    await app.page.command(METTE, "/arbejdsmiljø start");
    const point1 = app.page.get(/Punkt 1 af 11:/, { threadId: null });
    expect(messageText(point1)).toContain("Forberedelsesrunde: 1 af 2 spurgte har svaret.");
    await app.page.press(METTE, point1, "Næste punkt");
    await app.page.press(METTE, app.page.get(/Punkt 2 af 11:/, { threadId: null }), "Næste punkt");
    await app.page.press(METTE, app.page.get(/Punkt 3 af 11:/, { threadId: null }), "Næste punkt");
    expect(messageText(app.page.get(/Punkt 4 af 11:/, { threadId: null }))).toContain(
      "Lyset ved kopimaskinen er for svagt",
    );
  });
});
