import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanText } from "../../src/domain/entries.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { NASTY_DATES, NASTY_TEXTS } from "../helpers/nasty.ts";

describe.each(DRIVERS)("hostile input through the use cases on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("stores each note as written (trimmed) or refuses it, and the summary escapes it", async () => {
    const { employer, workspace } = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(employer, {}, null);
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const attempt = t.core.record(
        employer,
        { discussionId: discussion.id, point: 11, kind: "note", data: { text } },
        null,
      );
      const expected = String(cleanText(text)).trim();
      if (expected === "" || expected.length > 3000) {
        await expect(attempt).rejects.toMatchObject({ code: "invalid" });
      } else {
        const { entry } = await attempt;
        expect(entry.data).toEqual({ text: expected });
        stored.push(expected);
      }
    }
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => (e.data as { text: string }).text)).toEqual(stored);
    expect(await db.query("SELECT 1 FROM workspaces WHERE id = $1", [workspace.id])).toHaveLength(1);

    const result = await t.core.conclude(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version, overrideReason: "<!channel> test" },
      null,
    );
    expect(result.concluded).toBe(true);
    const md = (await t.core.getSummary(employer)).markdown;
    expect(md).not.toContain("<!channel>");
    expect(md).not.toContain("<@U012AB3CD>");
    expect(md).toContain("\\<!channel\\> alle sammen");
  });

  it("refuses impossible and past dates without storing anything", async () => {
    const { employer, workspace } = await setUpWorkspace(t.core);
    for (const date of NASTY_DATES) {
      await expect(t.core.schedule(employer, { date, time: "10:00" }, null)).rejects.toMatchObject({
        code: "invalid",
      });
    }
    await expect(
      t.core.schedule(employer, { date: "2026-12-01", time: "25:61" }, null),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await repos(db).discussions.list(workspace.id)).toEqual([]);
    const { discussion } = await t.core.start(employer, {}, null);
    for (const deadline of NASTY_DATES.filter(Boolean)) {
      await expect(
        t.core.record(
          employer,
          {
            discussionId: discussion.id,
            point: 3,
            kind: "decision",
            data: { text: "x", owner: { name: "Mette" }, deadline },
          },
          null,
        ),
      ).rejects.toMatchObject({
        code: "invalid",
        problems: { deadline: { code: expect.stringMatching(/^(invalid_date|date_in_past)$/) } },
      });
    }
    expect(await repos(db).entries.forDiscussion(workspace.id, discussion.id)).toEqual([]);
  });

  it("refuses wrong types, unknown kinds, other points' forms and extra fields", async () => {
    const { employer, workspace } = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(employer, {}, null);
    const attempts = [
      { point: 1, kind: "note", data: { text: 42 } },
      { point: 1, kind: "note", data: "just a string" },
      { point: 1, kind: "note", data: { text: "ok", admin: true } },
      { point: 1, kind: "sql_injection", data: {} },
      { point: 12, kind: "note", data: { text: "x" } },
      { point: 3, kind: "cooperation_plan", data: {} },
      { point: 6, kind: "accident_overview", data: { accidents: "mange" } },
    ];
    for (const a of attempts) {
      await expect(
        t.core.record(employer, { discussionId: discussion.id, ...a }, null),
      ).rejects.toMatchObject({
        code: expect.stringMatching(/invalid|refused/),
      });
    }
    expect(await repos(db).entries.forDiscussion(workspace.id, discussion.id)).toEqual([]);
  });
});
