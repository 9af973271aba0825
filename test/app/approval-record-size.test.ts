import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approversToAsk } from "../../src/app/amendment.ts";
import type { Ctx } from "../../src/app/context.ts";
import { errorText } from "../../src/app/errors.ts";
import type { SetupInput } from "../../src/app/setup.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { EMPLOYER, REPRESENTATIVE, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";
import { pdfText } from "../helpers/inspection-check.ts";
import { refusal } from "../helpers/refusal.ts";

const NEWCOMER = { userId: "U_NEW", name: "Jonas Berg" };

// Whether there is an AMO, and so who approves, is the record's: the setup changed after the meeting changes neither.
describe.each(DRIVERS)("approving a referat by the size its record kept, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  /** A discussion held and concluded with `headcount` employees: version 1 of its referat. */
  const concludedWith = async (headcount: number) => {
    const team = await setUpWorkspace(t.core, headcount);
    const { discussion: started } = await t.core.start(team.employer, {}, null);
    const held = await holdWholeDiscussion(t.core, team, started);
    // A small workplace's check asks for the expertise point the fixture leaves out: concluded anyway.
    const input = {
      discussionId: held.id,
      expectedVersion: held.version,
      overrideReason: "Tages op i januar.",
    };
    const result = await t.core.conclude(team.employer, input, null);
    if (!result.concluded) throw new Error("not concluded");
    return { team, discussion: result.discussion };
  };

  /** The setup saved anew with another headcount, the newcomer on the roster as an employee. */
  const setUpAgain = async (team: string, headcount: number, repRole: string) => {
    const ctx = await t.core.context("slack", team, EMPLOYER);
    const members = [
      { ...EMPLOYER, role: "employer", joinedAmoOn: null },
      { ...REPRESENTATIVE, role: repRole, joinedAmoOn: null },
      { ...NEWCOMER, role: "employee", joinedAmoOn: null },
    ];
    const input = {
      headcount,
      timeZone: "Europe/Copenhagen",
      language: "da",
      defaultChannel: "C_AMO",
      members,
    };
    const { workspace } = await t.core.setupWorkspace(ctx, input as SetupInput, null);
    return (actor: typeof EMPLOYER): Ctx => ({ workspace, actor });
  };

  it("asks the employees too to approve an amended version where the record has no AMO", async () => {
    const { team, discussion } = await concludedWith(5);
    const as = await setUpAgain(team.team, 5, "employee");
    const asked = await approversToAsk(repos(db), as(EMPLOYER), discussion, null);
    expect(asked.map((a) => a.userId)).toEqual(
      expect.arrayContaining([EMPLOYER.userId, REPRESENTATIVE.userId, NEWCOMER.userId]),
    );
  });

  it("keeps an AMO's approval after the workplace shrinks: an employee may not approve in its place", async () => {
    const { team, discussion } = await concludedWith(25);
    const as = await setUpAgain(team.team, 6, "amo_representative");
    const version = { discussionId: discussion.id, version: 1 };

    const error = await refusal(t.core.approve(as(NEWCOMER), version, null));
    expect(errorText("da", error)).toBe(
      "Det må du ikke: at godkende referatet kræver rollen arbejdsgiver, arbejdsgiverens repræsentant eller arbejdsmiljørepræsentant.",
    );
    expect((await t.core.getSummary(as(EMPLOYER), 2026)).rights?.approve).not.toContain(NEWCOMER.userId);
    expect((await t.core.approve(as(EMPLOYER), version, null)).approved).toBe(false);
    expect((await t.core.approve(as(REPRESENTATIVE), version, null)).approved).toBe(true);
    expect((await repos(db).discussions.get(team.workspace.id, discussion.id))?.status).toBe("approved");
  });

  it("lets an employee approve a small workplace's record after the workplace has grown an AMO", async () => {
    const { team, discussion } = await concludedWith(6);
    const as = await setUpAgain(team.team, 25, "amo_representative");
    const version = { discussionId: discussion.id, version: 1 };

    expect((await t.core.approve(as(EMPLOYER), version, null)).approved).toBe(false);
    expect((await t.core.approve(as(NEWCOMER), version, null)).approved).toBe(true);
    const view = await t.core.getSummary(as(EMPLOYER), 2026);
    expect(view.approved).toBe(true);
    expect(view.rights?.approve).toContain(NEWCOMER.userId);
    expect((await repos(db).discussions.get(team.workspace.id, discussion.id))?.status).toBe("approved");
    // Its point cards still word point 2 for a workplace without an AMO, as the meeting was held.
    const two = await t.core.pointView(as(EMPLOYER), discussion.id, 2);
    expect(two?.title).toBe("Præsentation af nye kolleger");
    // The inspection folder's list of versions counts it approved by the same rule.
    const [pdf] = await t.core.inspectionFiles(as(EMPLOYER));
    expect(await pdfText(pdf?.content as Uint8Array)).toMatch(
      /Status SHA-256 2026 1 \d+\. \w+ \d{4} Godkendt /,
    );
  });
});
