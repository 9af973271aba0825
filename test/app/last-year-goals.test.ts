import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

describe.each(DRIVERS)("last year's goals at point 7, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("asks a verdict also on a goal of last year marked done during the year: done is not assessed", async () => {
    const { core, clock } = t;
    const { employer, workspace } = await setUpWorkspace(core);
    clock.now = new Date("2025-11-20T09:00:00Z");
    const { discussion: last } = await core.start(employer, {}, null);
    const goal = await core.record(
      employer,
      {
        discussionId: last.id,
        point: 8,
        kind: "goal",
        data: {
          text: "Alle skærme indstillet",
          successCriterion: "Tjekliste for alle",
          deadline: "2026-06-30",
        },
      },
      null,
    );
    const lastNow = (await repos(db).discussions.get(workspace.id, last.id))!;
    await core.conclude(
      employer,
      { discussionId: last.id, expectedVersion: lastNow.version, overrideReason: "Test" },
      null,
    );
    await core.setEntryStatus(employer, { entryId: goal.entry.id, status: "done" }, null);

    clock.now = new Date("2026-11-24T09:00:00Z");
    const { discussion } = await core.start(employer, {}, null);
    const point7 = await core.pointView(employer, discussion.id, 7);
    expect(point7?.carriedGoals.map((g) => g.text)).toEqual(["Alle skærme indstillet"]);
    // Something said at point 7 is not a verdict on the goal.
    await core.record(
      employer,
      { discussionId: discussion.id, point: 7, kind: "note", data: { text: "Skærmene er indstillet." } },
      null,
    );
    expect((await core.status(employer)).completeness?.legal).toContain("last_year_goals_assessed");
    await core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 7,
        kind: "goal_verdict",
        data: {
          goalId: goal.entry.id,
          goalText: "Alle skærme indstillet",
          verdict: "reached",
          carryOn: false,
        },
      },
      null,
    );
    expect((await core.status(employer)).completeness?.legal).not.toContain("last_year_goals_assessed");
  });

  it("carries last year's goals into point 7 and requires a verdict on each one", async () => {
    const { core, clock } = t;
    const { employer, workspace } = await setUpWorkspace(core);
    clock.now = new Date("2025-11-20T09:00:00Z");
    const { discussion: last } = await core.start(employer, {}, null);
    // The first year: point 7 says during the meeting that there is nothing from last year to assess.
    expect((await core.pointView(employer, last.id, 7))?.firstYear).toBe(true);
    expect((await core.pointView(employer, last.id, 6))?.firstYear).toBeUndefined();
    const goal = await core.record(
      employer,
      {
        discussionId: last.id,
        point: 8,
        kind: "goal",
        data: {
          text: "Færre klager over indeklima",
          successCriterion: "Højst 2 klager i 2026",
          deadline: "2026-06-30",
        },
      },
      null,
    );
    await core.conclude(
      employer,
      {
        discussionId: last.id,
        expectedVersion: (await repos(db).discussions.get(workspace.id, last.id))!.version,
        overrideReason: "Test",
      },
      null,
    );

    // Concluded, the point shows what was recorded there instead.
    expect((await core.pointView(employer, last.id, 7))?.firstYear).toBeUndefined();

    clock.now = new Date("2026-11-24T09:00:00Z");
    const { discussion } = await core.start(employer, {}, null);
    const point7 = await core.pointView(employer, discussion.id, 7);
    expect(point7?.carriedGoals.map((g) => g.text)).toEqual(["Færre klager over indeklima"]);
    expect(point7?.firstYear).toBeUndefined();
    let status = await core.status(employer);
    expect(status.completeness?.legal).toContain("last_year_goals_assessed");

    await core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 7,
        kind: "goal_verdict",
        data: {
          goalId: goal.entry.id,
          goalText: "Færre klager over indeklima",
          verdict: "partly",
          reason: "Ventilationen blev først skiftet i oktober",
          carryOn: true,
        },
      },
      null,
    );
    status = await core.status(employer);
    expect(status.completeness?.legal).not.toContain("last_year_goals_assessed");
    const after = await core.pointView(employer, discussion.id, 7);
    expect(after?.carriedGoals).toEqual([]);
  });
});
