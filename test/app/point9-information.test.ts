import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../src/app/context.ts";
import { formSpec } from "../../src/app/forms.ts";
import type { SetupInput } from "../../src/app/setup.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { EMPLOYER, REPRESENTATIVE, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";
import { pdfText } from "../helpers/inspection-check.ts";
import { refusal } from "../helpers/refusal.ts";

/** Point 9's plan with everything but the line on the AMO. */
const PLAN = {
  meetingInterval: "Hver måned",
  convener: "Mette Hansen",
  acuteHandling: "Ring til Mette samme dag",
  informEveryone: "Punkt på fredagsmødet",
};
const REASON = { overrideReason: "Resten tages op i januar." };

// With 1-9 employees there is no AMO (BEK 1838): point 9 asks how everyone is kept informed, not the AMO.
describe.each(DRIVERS)("point 9's information by the workplace's size, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  const plan = (discussionId: string, data: object, amend = false) => ({
    discussionId,
    point: 9,
    kind: "cooperation_plan",
    data,
    amend,
  });
  const formFields = async (ctx: Ctx, discussionId: string) =>
    formSpec("cooperation_plan", await t.core.formContext(ctx, discussionId, "cooperation_plan")).fields.map(
      (f) => f.id,
    );
  const check = async (ctx: Ctx, discussionId: string) => {
    const discussion = await repos(db).discussions.get(ctx.workspace.id, discussionId);
    const input = { discussionId, expectedVersion: discussion?.version ?? 0 };
    return (await t.core.conclude(ctx, input, null)).completeness;
  };

  it("saves a small workplace's plan without the AMO line, and the check and the referat ask for none", async () => {
    const { employer } = await setUpWorkspace(t.core, 6);
    const { discussion } = await t.core.start(employer, {}, null);
    const fields = await formFields(employer, discussion.id);
    expect(fields).not.toContain("informAmo");
    expect(fields).toContain("informEveryone");

    await t.core.record(employer, plan(discussion.id, PLAN), null);
    const completeness = await check(employer, discussion.id);
    expect(completeness.goodPractice).not.toContain("information");
    expect(completeness.goodPractice).not.toContain("information_everyone");
    const held = await repos(db).discussions.get(employer.workspace.id, discussion.id);
    const input = { discussionId: discussion.id, expectedVersion: held?.version ?? 0, ...REASON };
    expect((await t.core.conclude(employer, input, null)).concluded).toBe(true);
    const { markdown } = await t.core.getSummary(employer, 2026);
    expect(markdown).toContain("Orientering af alle: Punkt på fredagsmødet");
    expect(markdown).not.toContain("Orientering i AMO");
    expect(markdown).not.toContain("AMO og de øvrige ansatte");
  });

  it("asks a small workplace that agreed nothing how everyone is kept informed, not the AMO", async () => {
    const { employer } = await setUpWorkspace(t.core, 6);
    const { discussion } = await t.core.start(employer, {}, null);
    expect((await check(employer, discussion.id)).goodPractice).toContain("information_everyone");
    const input = { discussionId: discussion.id, expectedVersion: discussion.version, ...REASON };
    expect((await t.core.conclude(employer, input, null)).concluded).toBe(true);
    const { markdown } = await t.core.getSummary(employer, 2026);
    expect(markdown).toContain(
      "Det er ikke aftalt, hvordan alle på arbejdspladsen holdes orienteret om arbejdsmiljøarbejdet (punkt 9)",
    );
    expect(markdown).not.toContain("AMO og de øvrige ansatte");
    // The PDF is drawn from the same outline: the same line, and no AMO asked for.
    const pdf = (await t.core.exportYear(employer, 2026)).files.find((f) => f.mimeType === "application/pdf");
    const text = await pdfText(pdf?.content as Uint8Array);
    expect(text).toMatch(/hvordan alle på arbejdspladsen holdes\s+orienteret om arbejdsmiljøarbejdet/);
    expect(text).not.toMatch(/AMO og de øvrige\s+ansatte/);
  });

  it("still asks a workplace with an AMO how the AMO is kept informed", async () => {
    const { employer } = await setUpWorkspace(t.core, 25);
    const { discussion } = await t.core.start(employer, {}, null);
    expect(await formFields(employer, discussion.id)).toContain("informAmo");
    const error = await refusal(t.core.record(employer, plan(discussion.id, PLAN), null));
    expect(error.problems).toEqual({ informAmo: { code: "required" } });
    expect(await repos(db).entries.forPoint(employer.workspace.id, discussion.id, 9)).toEqual([]);
    expect((await check(employer, discussion.id)).goodPractice).toContain("information");
  });

  /** A discussion held with `headcount` employees and concluded, then the setup saved with `now` employees. */
  const concludedThenResized = async (headcount: number, now: number) => {
    const team = await setUpWorkspace(t.core, headcount);
    const { discussion: started } = await t.core.start(team.employer, {}, null);
    const held = await holdWholeDiscussion(t.core, team, started);
    const input = { discussionId: held.id, expectedVersion: held.version, ...REASON };
    await t.core.conclude(team.employer, input, null);
    const ctx = await t.core.context("slack", team.team, EMPLOYER);
    const members = [
      { ...EMPLOYER, role: "employer", joinedAmoOn: null },
      { ...REPRESENTATIVE, role: "amo_representative", joinedAmoOn: null },
    ];
    const setup = {
      headcount: now,
      timeZone: "Europe/Copenhagen",
      language: "da",
      defaultChannel: "C_AMO",
      members,
    };
    const { workspace } = await t.core.setupWorkspace(ctx, setup as SetupInput, null);
    return { employer: { workspace, actor: EMPLOYER }, discussionId: held.id };
  };

  it("asks an amendment for the AMO line as the record's kept headcount does, not today's", async () => {
    const shrunk = await concludedThenResized(25, 6);
    expect(await formFields(shrunk.employer, shrunk.discussionId)).toContain("informAmo");
    const refused = await refusal(
      t.core.record(shrunk.employer, plan(shrunk.discussionId, PLAN, true), null),
    );
    expect(refused.problems).toEqual({ informAmo: { code: "required" } });

    const grown = await concludedThenResized(6, 25);
    expect(await formFields(grown.employer, grown.discussionId)).not.toContain("informAmo");
    const { entry } = await t.core.record(grown.employer, plan(grown.discussionId, PLAN, true), null);
    expect(entry.data).toEqual(PLAN);
  });
});
