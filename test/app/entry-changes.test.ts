import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText } from "../../src/app/errors.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { concludedDiscussion } from "../helpers/fixture.ts";
import { refusal } from "../helpers/refusal.ts";

/** What "Ret eller fjern" offers, to whom, and when not. */
describe.each(DRIVERS)("changing or removing an entry, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("lists a person's own entries, every one for the organiser, newest first, and never a thread's notes", async () => {
    const team = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(team.employer, {}, null);
    const rec = (ctx: typeof team.rep, text: string, source?: string) =>
      t.core.record(
        ctx,
        { discussionId: discussion.id, point: 3, kind: "note", data: { text }, source },
        null,
      );
    const mine = await rec(team.rep, "Alis note");
    await rec(team.rep, "Alis svar i tråden", "thread");
    const theirs = await rec(team.leader, "Sørens note");
    const at = { discussionId: discussion.id, point: 3 };
    const listed = async (ctx: typeof team.rep) =>
      (await t.core.changeableEntries(ctx, at)).map((e) => [e.id, e.label]);

    expect(await listed(team.rep)).toEqual([[mine.entry.id, "Note: Alis note"]]);
    expect(await listed(team.employer)).toEqual([
      [theirs.entry.id, "Note: Sørens note"],
      [mine.entry.id, "Note: Alis note"],
    ]);
    const form = await t.core.entryForm(team.rep, mine.entry.id);
    expect(form).toMatchObject({ kind: "note", point: 3, values: { text: "Alis note" }, editable: true });
    const refused = await refusal(t.core.entryForm(team.rep, theirs.entry.id));
    expect(refused.code).toBe("forbidden");
    expect(errorText("da", refused)).toBe(
      "Kun den, der skrev registreringen, eller mødelederen kan ændre eller slette den.",
    );
  });

  it("offers nothing once the record is concluded: only “Tilføj til referatet” changes it", async () => {
    const { employer, discussion } = await concludedDiscussion(t.core);
    const at = { discussionId: discussion.id, point: 3 };
    const entry = (await t.core.pointView(employer, discussion.id, 3))?.entries[0];
    for (const work of [
      () => t.core.changeableEntries(employer, at),
      () => t.core.entryForm(employer, entry?.id ?? ""),
    ]) {
      const refused = await refusal(work());
      expect(refused.code).toBe("refused");
      expect(errorText("da", refused)).toContain("Tilføj til referatet");
    }
  });

  it("follows a changed action plan up and lets a removed APV answer take its reminders with it", async () => {
    const team = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(team.employer, {}, null);
    const owner = { id: team.rep.actor.userId, name: team.rep.actor.name };
    const row = (text: string) => ({ text, owner, deadline: "2027-03-01" });
    const apv = (actions: ReturnType<typeof row>[]) => ({
      lastApvDate: "2024-09-15",
      actionPlanStatus: "Støj mangler",
      actions,
    });
    const answer = await t.core.record(
      team.employer,
      { discussionId: discussion.id, point: 4, kind: "apv_status", data: apv([row("Mål støjen")]) },
      null,
    );
    const state = async () => {
      const reminders = await repos(db).reminders.list(team.workspace.id, "pending");
      const decisions = (await repos(db).entries.forPoint(team.workspace.id, discussion.id, 4)).filter(
        (e) => e.kind === "decision",
      );
      return {
        apvReminders: reminders.filter((r) => r.kind === "apv.due").length,
        decisions: decisions.map((e) => (e.data as { text: string }).text),
      };
    };
    expect(await state()).toEqual({ apvReminders: 2, decisions: ["Mål støjen"] });
    const changed = apv([row("Mål støjen"), row("Lydabsorbenter")]);
    await t.core.editEntry(team.employer, { entryId: answer.entry.id, data: changed }, null);
    expect(await state()).toEqual({ apvReminders: 2, decisions: ["Mål støjen", "Lydabsorbenter"] });
    await t.core.removeEntry(team.employer, { entryId: answer.entry.id }, null);
    expect((await state()).apvReminders).toBe(0);
  });

  it("gives a verdict on last year's goal for removal only, after which the goal is judged again", async () => {
    const team = await setUpWorkspace(t.core);
    t.clock.now = new Date("2025-11-24T09:00:00Z");
    const last = (await t.core.start(team.employer, {}, null)).discussion;
    await t.core.record(
      team.employer,
      {
        discussionId: last.id,
        point: 8,
        kind: "goal",
        data: { text: "Mindre støj", successCriterion: "Under 55 dB", deadline: "2026-06-01" },
      },
      null,
    );
    const version = (await t.core.pointView(team.employer, last.id, 8))?.version ?? 0;
    await t.core.conclude(
      team.employer,
      { discussionId: last.id, expectedVersion: version, overrideReason: "Kort møde" },
      null,
    );
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    const { discussion } = await t.core.start(team.employer, {}, null);
    const goals = async () =>
      (await t.core.formContext(team.employer, discussion.id, "goal_verdict")).carriedGoals;
    const goal = (await goals())[0];
    expect(goal?.text).toBe("Mindre støj");
    const verdict = await t.core.record(
      team.employer,
      {
        discussionId: discussion.id,
        point: 7,
        kind: "goal_verdict",
        data: {
          goalId: goal?.id,
          goalText: goal?.text,
          verdict: "partly",
          reason: "Halvdelen er sat op",
          carryOn: true,
        },
      },
      null,
    );
    expect(await goals()).toEqual([]);
    expect((await t.core.entryForm(team.employer, verdict.entry.id)).editable).toBe(false);
    await t.core.removeEntry(team.employer, { entryId: verdict.entry.id }, null);
    expect((await goals()).map((g) => g.id)).toEqual([goal?.id]);
  });
});
