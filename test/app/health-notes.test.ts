import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemText } from "../../src/app/index.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

/**
 * The core's side of the health warning: a note (any entry's free text) that names someone the bot knows (the roster,
 * the participants, those written in at point 1) together with a health word is held back as "unconfirmed" until its writer saves it anyway; a thread reply likewise, saved
 * once from "Gem alligevel" however often it is pressed, and an edit of a saved reply as well.
 */
describe("notes that name a person together with a health word", () => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  async function running() {
    const set = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(set.employer, {}, null);
    const agenda = await repos(db).discussions.agenda(set.workspace.id, discussion.id);
    const thread = (point: number) => agenda[point - 1]?.message as { channel: string; id: string };
    const stored = async () =>
      (await repos(db).entries.forDiscussion(set.workspace.id, discussion.id)).map((e) => [e.kind, e.data]);
    return { ...set, discussion, thread, stored };
  }

  it("holds a form's text back, field by field, until it is confirmed; people's own fields are not text", async () => {
    const { employer, discussion, stored } = await running();
    const note = { discussionId: discussion.id, point: 3, kind: "note", data: { text: "Ali har stress" } };
    await expect(t.core.record(employer, note, null)).rejects.toMatchObject({
      code: "unconfirmed",
      messageKey: "warning.names_health",
      params: { name: "Ali Nielsen" },
      problems: { text: { code: "names_health", name: "Ali Nielsen" } },
    });
    await expect(t.core.precheck(employer, note)).rejects.toMatchObject({ code: "unconfirmed" });
    expect(await stored()).toEqual([]);

    await t.core.record(employer, { ...note, healthConfirmed: true }, "confirmed-1");
    await t.core.record(employer, { ...note, healthConfirmed: true }, "confirmed-1");
    expect(await stored()).toEqual([["note", { text: "Ali har stress" }]]);

    // The APV action plan's rows are checked by their own path; the owner chosen is a person, not text.
    const apv = {
      discussionId: discussion.id,
      point: 4,
      kind: "apv_status",
      data: {
        actionPlanStatus: "Gennemført",
        actions: [
          {
            text: "Søren skal til lægen om ryggen",
            owner: { name: "Søren Østergaard" },
            deadline: "2027-01-10",
          },
        ],
      },
    };
    await expect(t.core.record(employer, apv, null)).rejects.toMatchObject({
      problems: { "actions.0.text": { code: "names_health", name: "Søren Østergaard" } },
    });
    const owned = {
      discussionId: discussion.id,
      point: 8,
      kind: "decision",
      data: { text: "Stresspolitik skrives", owner: { name: "Ali Nielsen" }, deadline: "2027-03-01" },
    };
    await t.core.record(employer, owned, null);
    // An accident text is refused outright instead (it may not name anyone at all).
    const accident = {
      discussionId: discussion.id,
      point: 6,
      kind: "accident_overview",
      data: {
        accidents: 1,
        nearMisses: 0,
        poisonings: 0,
        healthDamage: 0,
        causesInvestigated: "yes",
        preventionWorked: "yes",
        comment: "Ali var syg",
      },
    };
    await expect(t.core.record(employer, { ...accident, healthConfirmed: true }, null)).rejects.toMatchObject(
      {
        code: "invalid",
        problems: { comment: { code: "names_person" } },
      },
    );
  });

  it("knows the people written in as present at point 1, and checks an edit before it is saved too", async () => {
    const { employer, discussion, stored } = await running();
    const guest = { name: "Karen Bach" };
    const attendance = {
      discussionId: discussion.id,
      point: 1,
      kind: "minute_taker",
      data: { person: { id: employer.actor.userId, name: "Mette Hansen" }, attendees: [guest] },
    };
    await t.core.record(employer, attendance, null);
    const note = {
      discussionId: discussion.id,
      point: 3,
      kind: "note",
      data: { text: "Karen Bach har stress" },
    };
    await expect(t.core.precheck(employer, note)).rejects.toMatchObject({
      code: "unconfirmed",
      params: { name: "Karen Bach" },
    });
    await expect(t.core.record(employer, note, null)).rejects.toMatchObject({ code: "unconfirmed" });
    expect((await stored()).map(([kind]) => kind)).toEqual(["minute_taker"]);

    // A saved note edited to name her with a health word is held back before the answer, as a new one is.
    const plain = await t.core.record(
      employer,
      { ...note, data: { text: "Karen Bach tager referat" } },
      null,
    );
    const edit = { entryId: plain.entry.id, data: { text: "Karen Bach er sygemeldt" } };
    await expect(t.core.precheckEdit(employer, edit)).rejects.toMatchObject({ code: "unconfirmed" });
    await t.core.precheckEdit(employer, { ...edit, healthConfirmed: true });
  });

  it("holds a thread reply back and saves it once when confirmed, an edit of a saved one too", async () => {
    const { rep, thread, stored } = await running();
    const place = thread(1);
    const reply = { channel: place.channel, threadId: place.id, messageId: "M1", text: "Mette er gravid" };
    await expect(t.core.recordThreadReply(rep, reply)).rejects.toMatchObject({
      code: "unconfirmed",
      messageKey: "warning.reply_names_health",
      params: { name: "Mette Hansen", point: 1 },
    });
    expect(await stored()).toEqual([]);
    await t.core.confirmThreadReply(rep, reply);
    await t.core.confirmThreadReply(rep, reply);
    expect(await stored()).toEqual([["note", { text: "Mette er gravid" }]]);

    // A saved reply edited to name someone with a health word keeps its note until the edit is confirmed.
    const plain = { channel: place.channel, threadId: place.id, messageId: "M2", text: "Ny kaffemaskine" };
    await t.core.recordThreadReply(rep, plain);
    const edited = { ...plain, text: "Ny kaffemaskine, Søren har migræne af den gamle", editedAt: "e1" };
    await expect(t.core.editThreadReply(rep, edited)).rejects.toMatchObject({ code: "unconfirmed" });
    expect((await stored()).map(([, d]) => d)).toContainEqual({ text: "Ny kaffemaskine" });
    await t.core.confirmThreadReply(rep, edited);
    await t.core.confirmThreadReply(rep, edited);
    expect((await stored()).map(([, d]) => d)).toEqual([
      { text: "Mette er gravid" },
      { text: "Ny kaffemaskine, Søren har migræne af den gamle" },
    ]);
  });

  it("says why in Danish and in English", () => {
    expect(problemText("da", { code: "names_health", name: "Ali Nielsen" })).toBe(
      "Teksten nævner Ali Nielsen sammen med et ord om helbred. Oplysninger om en navngiven persons helbred er følsomme personoplysninger, og alle i kanalen kan læse referatet. Skriv det helst uden navnet, eller gem alligevel, hvis det skal stå sådan.",
    );
    expect(problemText("en", { code: "names_health", name: "Ali Nielsen" })).toBe(
      "The text names Ali Nielsen together with a word about health. Health details about a named person are sensitive personal data, and everyone in the channel can read the minutes. Better write it without the name, or save anyway if it must stand like this.",
    );
  });
});
