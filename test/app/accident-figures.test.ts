import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

const figures = { accidents: 3, nearMisses: 0, poisonings: 0, healthDamage: 0 };

/** Point 6's figures and the answer on their causes must agree; what was stored before they had to stays as it is. */
describe("the accident overview's figures and causes, through the core", () => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("refuses figures and an answer that contradict each other, and keeps an older such entry as written", async () => {
    const { employer, workspace } = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(employer, {}, null);
    const overview = (data: Record<string, unknown>) => ({
      discussionId: discussion.id,
      point: 6,
      kind: "accident_overview",
      data: { ...figures, causesInvestigated: "yes", preventionWorked: "partly", ...data },
    });
    await expect(
      t.core.record(employer, overview({ causesInvestigated: "none_occurred" }), null),
    ).rejects.toMatchObject({
      code: "invalid",
      problems: { causesInvestigated: { code: "incidents_recorded" } },
    });
    await expect(t.core.precheck(employer, overview({ accidents: 0 }))).rejects.toThrow();
    const stored = () => repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(await stored()).toEqual([]);

    // An entry written before the two had to agree is read and shown as it was, and can be put right.
    const old = await repos(db).entries.insert(workspace.id, {
      ...overview({ causesInvestigated: "none_occurred" }),
      kind: "accident_overview",
      authorId: employer.actor.userId,
      ownerId: null,
      deadline: null,
      status: null,
    });
    const six = await t.core.pointView(employer, discussion.id, 6);
    expect(six?.entries.map((e) => e.described.details.join(" "))).toEqual([
      "årsager undersøgt: ingen hændelser; forebyggelsen virkede: delvist",
    ]);
    await t.core.editEntry(employer, { entryId: old.id, data: overview({}).data }, null);
    expect((await stored()).map((e) => e.data)).toEqual([overview({}).data]);
  });
});
