import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenHostFor, loadConfig } from "../../adapters/index.ts";
import { localAdapter } from "../../adapters/local/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS } from "../helpers/db.ts";
import { LocalDriver, messageText } from "../helpers/local-driver.ts";

const METTE = "local-mette";
const ALI = "local-ali";
const SOEREN = "local-soeren";

/** The preparation round in the local channel: the private message, its form, the answer at the meeting. */
describe("the local channel: the preparation round", () => {
  let server: RunningServer;
  let db: Db;
  let page: LocalDriver;
  let now = new Date("2026-11-24T09:00:00Z");

  beforeAll(async () => {
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
    server = await startServer(config, [localAdapter], {
      db,
      now: () => now,
      scheduler: false,
      listenHost: listenHostFor(config),
    });
    page = new LocalDriver(`http://127.0.0.1:${server.port}`);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it("asks Ali and Søren privately, takes Ali's answer from the form, and shows it at point 4 and in the counts", async () => {
    await page.command(METTE, "/arbejdsmiljø opsæt");
    await page.press(METTE, page.get("Opsætning"), "Gem", {
      "f.headcount": "25",
      "f.employer": METTE,
      "f.representatives": ALI,
      "f.leaders": SOEREN,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": "da",
    });
    await page.command(METTE, "/arbejdsmiljø planlæg");
    await page.press(METTE, page.get("Planlæg drøftelsen"), "Gem", {
      "f.date": "2026-12-14",
      "f.time": "10:00",
      "f.location": "Mødelokale 2",
    });
    // 14 days before Monday 14 December: the round opens, and the private messages go out at the next tick.
    now = new Date("2026-11-30T08:00:00Z");
    await server.dispatcher.drain();
    await server.dispatcher.drain();
    await page.sync(ALI);
    const ask = page.get("Inden da vil vi gerne høre dine erfaringer");
    expect(ask.channel).toBe("direct");
    const opened = await page.press(ALI, ask, "Giv dit input");
    expect(opened.status).toBe(200);
    const form = page.messages.get(ask.id);
    expect(messageText(form!)).toContain("Input til drøftelsen");
    await page.press(ALI, form!, "Send", { "f.p4": "Lyset ved kopimaskinen er for svagt", "f.accidents": 0 });
    expect(messageText(page.messages.get(ask.id)!)).toContain("Tak! Dit input er gemt");
    const workspace = (await repos(db).workspaces.find("local", "local"))!;
    const discussion = (await repos(db).discussions.latest(workspace.id))!;
    expect((await repos(db).round.answers(workspace.id, discussion.id)).map((a) => a.points)).toEqual([
      { 4: "Lyset ved kopimaskinen er for svagt" },
    ]);

    // At the meeting: point 1 shows the counts, point 4 what came in.
    now = new Date("2026-12-14T09:00:00Z");
    await page.command(METTE, "/arbejdsmiljø start");
    const point1 = page.get(/Punkt 1 af 11:/, { threadId: null });
    expect(messageText(point1)).toContain("Forberedelsesrunde: 1 af 2 spurgte har svaret.");
    await page.press(METTE, point1, "Næste punkt");
    await page.press(METTE, page.get(/Punkt 2 af 11:/, { threadId: null }), "Næste punkt");
    await page.press(METTE, page.get(/Punkt 3 af 11:/, { threadId: null }), "Næste punkt");
    expect(messageText(page.get(/Punkt 4 af 11:/, { threadId: null }))).toContain(
      "Lyset ved kopimaskinen er for svagt",
    );
  });
});
