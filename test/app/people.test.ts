import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/index.ts";
import { t as text } from "../../src/i18n/index.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import {
  EMPLOYER,
  LEADER,
  REPRESENTATIVE,
  setUpWorkspace,
  type TestCore,
  testCore,
} from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";

type Ctx = Awaited<ReturnType<typeof setUpWorkspace>>["employer"];
type Member = { userId: string; name: string; role: string; joinedAmoOn: string | null };

const SETUP = { timeZone: "Europe/Copenhagen", defaultChannel: "C_AMO" };
const setup = (core: Core, ctx: Ctx, headcount: number, language: "da" | "en", members: Member[]) =>
  core.setupWorkspace(ctx, { ...SETUP, headcount, language, members: members as never }, null);

const employer: Member = {
  userId: EMPLOYER.userId,
  name: EMPLOYER.name,
  role: "employer",
  joinedAmoOn: null,
};
const rep: Member = {
  userId: REPRESENTATIVE.userId,
  name: REPRESENTATIVE.name,
  role: "amo_representative",
  joinedAmoOn: null,
};
const leader = (n: number): Member => ({
  userId: `U_L${n}`,
  name: `Leder ${n}`,
  role: "work_leader",
  joinedAmoOn: null,
});

describe.each(DRIVERS)("people and structure on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("refuses an accident text naming someone the bot knows, or reading as a diagnosis, and stores nothing", async () => {
    const set = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(set.employer, {}, null);
    // Named only as a decision's owner: still a name the bot knows.
    await t.core.record(
      set.employer,
      {
        discussionId: discussion.id,
        point: 5,
        kind: "decision",
        data: { text: "Tjekliste til nyansatte", owner: { name: "Karen Bech" }, deadline: "2027-01-15" },
      },
      null,
    );
    // Written in as present at point 1 only (a guest): a name the bot knows too.
    await t.core.record(
      set.employer,
      {
        discussionId: discussion.id,
        point: 1,
        kind: "minute_taker",
        data: { person: { name: "Ali Nielsen" }, attendees: [{ name: "Gæst Jensen" }] },
      },
      null,
    );
    const accident = (comment: string) => ({
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
        comment,
      },
    });
    for (const [comment, code] of [
      ["Ali Nielsen faldt på trappen og brækkede håndleddet", "names_person"],
      ["Karen gled i køkkenet", "names_person"],
      ["Gæst Jensen snublede ved indgangen", "names_person"],
      ["Faldt og fik hjernerystelse", "reads_as_diagnosis"],
    ] as const) {
      await expect(t.core.record(set.employer, accident(comment), null), comment).rejects.toMatchObject({
        code: "invalid",
        problems: { comment: { code } },
      });
    }
    const stored = await repos(db).entries.forDiscussion(set.workspace.id, discussion.id);
    expect(stored.map((e) => e.kind).sort()).toEqual(["decision", "minute_taker"]);
    // The same text refused as a change to a stored overview, which keeps its words.
    const kept = await t.core.record(set.employer, accident("Vådt gulv ved kaffemaskinen; måtte lagt"), null);
    await expect(
      t.core.editEntry(
        set.employer,
        { entryId: kept.entry.id, data: { ...accident("Søren brækkede armen").data } },
        null,
      ),
    ).rejects.toMatchObject({ problems: { comment: { code: "names_person" } } });
    expect((await repos(db).entries.get(set.workspace.id, kept.entry.id))?.data).toMatchObject({
      comment: "Vådt gulv ved kaffemaskinen; måtte lagt",
    });
  });

  it("says why in Danish and in English", async () => {
    const { problemText } = await import("../../src/app/index.ts");
    expect(problemText("da", { code: "names_person" })).toBe(
      'Teksten nævner en person. Ulykker registreres uden navne, fordi oplysninger om en navngiven persons ulykke og helbred er følsomme personoplysninger. Skriv i stedet, hvad der skete, og hvorfor, fx "fald på trappen ved kantinen, trinnet var vådt".',
    );
    expect(problemText("en", { code: "reads_as_diagnosis" })).toBe(
      'The text describes an injury or a diagnosis. That is sensitive personal data and does not belong in the minutes. Write the cause and what you do about it, e.g. "fall on a wet step; non-slip steps ordered".',
    );
  });

  it("warns at setup when the AMO has no representative, or fewer representatives than supervisors", async () => {
    const { employer: ctx } = await setUpWorkspace(t.core);
    const none = await setup(t.core, ctx, 25, "da", [employer, leader(1)]);
    expect(none.warnings).toEqual([
      "Med 25 ansatte skal AMO have mindst én valgt arbejdsmiljørepræsentant, men opsætningen har ingen. Tilføj arbejdsmiljørepræsentanten, når valget er holdt.",
    ]);
    const fewer = await setup(t.core, ctx, 25, "da", [employer, rep, leader(1), leader(2)]);
    expect(fewer.warnings).toEqual([
      "AMO skal have mindst lige så mange arbejdsmiljørepræsentanter som arbejdsledere. Opsætningen har 1 arbejdsmiljørepræsentant og 2 arbejdsledere.",
    ]);
    const committee = await setup(t.core, ctx, 60, "en", [employer, rep, leader(1), leader(2)]);
    expect(committee.warnings).toEqual([
      "The AMO must have at least as many working-environment representatives as supervisors. The setup has 1 representative and 2 supervisors.",
    ]);
    expect((await setup(t.core, ctx, 25, "da", [employer, rep, leader(1)])).warnings).toEqual([]);
  });

  it("names employees, not an AMO, in a workplace of 1-9, and invites every one of them", async () => {
    const { employer: ctx, workspace } = await setUpWorkspace(t.core);
    const staff = [
      employer,
      { userId: "U_E1", name: "Jonas Friis", role: "employee", joinedAmoOn: null },
      { userId: "U_E2", name: "Sara Lund", role: "employee", joinedAmoOn: null },
    ];
    const alone = await setup(t.core, ctx, 6, "da", [employer]);
    expect(alone.warnings).toEqual([
      "Med under 10 ansatte deltager alle ansatte i drøftelsen. Tilføj medarbejderne i opsætningen, så de bliver inviteret.",
    ]);
    const saved = await setup(t.core, ctx, 6, "da", staff);
    expect(saved.warnings).toEqual([]);
    expect((await repos(db).members.list(workspace.id)).map((m) => m.role)).toEqual([
      "employer",
      "employee",
      "employee",
    ]);
    const small = { ...ctx, workspace: saved.workspace };
    const { discussion } = await t.core.schedule(small, { date: "2027-01-20", time: "10:00" }, null);
    expect(discussion.participants).toEqual([
      { id: "U_EMPLOYER", name: "Mette Hansen", role: "employer" },
      { id: "U_E1", name: "Jonas Friis", role: "employee" },
      { id: "U_E2", name: "Sara Lund", role: "employee" },
    ]);
    const announcement = t.chat.sent
      .filter((s) => s.op === "post" && s.message?.kind === "announcement")
      .at(-1);
    expect(JSON.stringify(announcement?.message)).toContain("Sara Lund");
  });

  it("stores who stands in for the employer, and changes it when the meeting is moved", async () => {
    const { employer: ctx, workspace } = await setUpWorkspace(t.core);
    const first = await t.core.schedule(
      ctx,
      { date: "2027-01-20", time: "10:00", standIn: { id: LEADER.userId, name: LEADER.name } },
      null,
    );
    expect(first.discussion.standIn).toEqual({ id: LEADER.userId, name: LEADER.name });
    const stored = await repos(db).discussions.get(workspace.id, first.discussion.id);
    expect(stored?.standIn).toEqual({ id: LEADER.userId, name: LEADER.name });
    const moved = await t.core.schedule(ctx, { date: "2027-01-27", time: "10:00" }, null);
    expect(moved.discussion.standIn).toBeNull();
    await expect(
      t.core.schedule(ctx, { date: "2027-01-27", time: "10:00", standIn: { name: "" } }, null),
    ).rejects.toMatchObject({ code: "invalid", problems: { "standIn.name": { code: "required" } } });
  });

  it("warns the planner when the employer's side is left out and no stand-in is chosen", async () => {
    const { employer: ctx } = await setUpWorkspace(t.core);
    const others = [
      { id: LEADER.userId, name: LEADER.name, role: "other" as const },
      { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name, role: "other" as const },
    ];
    const left = await t.core.schedule(
      ctx,
      { date: "2027-01-20", time: "10:00", participants: others },
      null,
    );
    expect(left.warnings).toContain("no_employer");
    expect(text("da", "plan.warning.no_employer")).toMatch(
      /^Bemærk: arbejdsgiveren er ikke blandt deltagerne/,
    );
    const withEmployer = [...others, { id: EMPLOYER.userId, name: EMPLOYER.name, role: "other" as const }];
    for (const plan of [
      { participants: withEmployer },
      { participants: others, standIn: { id: LEADER.userId, name: LEADER.name } },
      {},
    ])
      expect(
        (await t.core.schedule(ctx, { date: "2027-01-20", time: "10:00", ...plan }, null)).warnings,
      ).not.toContain("no_employer");
  });

  it("says in the referat when neither the employer nor a stand-in is among the participants", async () => {
    const team = await setUpWorkspace(t.core);
    await t.core.schedule(
      team.employer,
      {
        date: "2026-12-10",
        time: "10:00",
        participants: [
          { id: LEADER.userId, name: LEADER.name, role: "work_leader" },
          { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name, role: "amo_representative" },
        ],
      },
      null,
    );
    const { discussion } = await t.core.start(team.employer, {}, null);
    const held = await holdWholeDiscussion(t.core, team, discussion);
    await t.core.conclude(team.employer, { discussionId: held.id, expectedVersion: held.version }, null);
    const { markdown } = await t.core.getSummary(team.employer, 2026);
    expect(markdown).toContain(
      "Hverken arbejdsgiveren eller en, der kunne træffe beslutninger på arbejdsgiverens vegne, står blandt deltagerne.",
    );
    expect(markdown).not.toContain("Arbejdsgiveren deltog ikke.");
  });

  it("names the planned stand-in in the referat when the employer does not take part", async () => {
    const team = await setUpWorkspace(t.core);
    const planned = await t.core.schedule(
      team.employer,
      {
        date: "2026-12-10",
        time: "10:00",
        participants: [
          { id: LEADER.userId, name: LEADER.name, role: "work_leader" },
          { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name, role: "amo_representative" },
        ],
        standIn: { id: LEADER.userId, name: LEADER.name },
      },
      null,
    );
    const { discussion } = await t.core.start(team.employer, {}, null);
    expect(discussion.id).toBe(planned.discussion.id);
    const held = await holdWholeDiscussion(t.core, team, discussion);
    await t.core.conclude(team.employer, { discussionId: held.id, expectedVersion: held.version }, null);
    const { markdown } = await t.core.getSummary(team.employer, 2026);
    expect(markdown).toContain(
      `Arbejdsgiveren deltog ikke. ${LEADER.name} deltog på arbejdsgiverens vegne og kunne træffe beslutninger for arbejdsgiveren.`,
    );
  });
});
