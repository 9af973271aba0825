import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

/** The line under a point's heading in a referat's Markdown: its status (and thread). */
const statusOf = (md: string, point: number) => md.split(`\n### ${point}. `)[1]?.split("\n")[2];

// A point's status in the referat may not contradict what was recorded under it.
describe.each(DRIVERS)("the status of a point in the referat, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db, new Date("2026-12-10T09:00:00Z"));
  });
  afterAll(async () => db?.close());

  it("is treated where the meeting recorded something, though the point was never reached", async () => {
    const { employer } = await setUpWorkspace(t.core);
    await t.core.schedule(employer, { date: "2026-12-10", time: "11:00" }, null);
    const planned = (await t.core.status(employer)).discussion!;
    const note = (point: number, text: string, source?: string) =>
      t.core.record(
        employer,
        { discussionId: planned.id, point, kind: "note", data: { text }, source },
        null,
      );
    // Sent in before the meeting: input for the point, not a sign it was dealt with.
    await note(4, "Husk at se på støjen i storrummet.", "pre_input");
    let { discussion } = await t.core.start(employer, {}, null);
    // Point 2 is skipped, and stays so with a note; the meeting ends at point 3, and 5 gets a note though never reached.
    ({ discussion } = await t.core.move(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version, move: { type: "next" } },
      null,
    ));
    ({ discussion } = await t.core.move(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version, move: { type: "skip" } },
      null,
    ));
    await note(2, "Ingen nye medlemmer i år.");
    await note(5, "Nyansatte får en tjekliste den første uge.");
    const current = (await t.core.status(employer)).discussion!;
    await t.core.conclude(
      employer,
      { discussionId: current.id, expectedVersion: current.version, overrideReason: "Mødet blev afbrudt" },
      null,
    );
    const { markdown } = await t.core.getSummary(employer, 2026);
    expect(markdown).toContain("Nyansatte får en tjekliste den første uge.");
    expect(statusOf(markdown, 1)).toMatch(/^_Behandlet/);
    expect(statusOf(markdown, 2)).toMatch(/^_Sprunget over/);
    expect(statusOf(markdown, 3)).toMatch(/^_Behandlet/);
    expect(statusOf(markdown, 4)).toMatch(/^_Ikke behandlet/);
    expect(statusOf(markdown, 5)).toMatch(/^_Behandlet/);
    expect(statusOf(markdown, 6)).toMatch(/^_Ikke behandlet/);
  });
});
