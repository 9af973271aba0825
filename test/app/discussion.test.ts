import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/app/errors.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { EMPLOYER, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";

describe.each(DRIVERS)("a whole discussion through the use cases on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("runs from setup to the Markdown summary, posted and pinned once", async () => {
    const { core, chat, clock } = t;
    const team = await setUpWorkspace(core);
    const { employer, rep, workspace } = team;

    const planned = await core.schedule(
      employer,
      {
        date: "2026-12-10",
        time: "10:00",
        location: "Mødelokale 2",
        durationMinutes: 90,
        participants: [
          { id: "U_EMPLOYER", name: "Mette Hansen", role: "other" },
          { id: "U_REP", name: "Ali Nielsen", role: "other" },
          { name: "Gæst fra BAR Kontor", role: "other" },
        ],
      },
      "plan-1",
    );
    expect(planned.discussion.status).toBe("planned");
    expect(planned.discussion.scheduledAt?.toISOString()).toBe("2026-12-10T09:00:00.000Z");
    expect(chat.ops("announcement")).toHaveLength(1);

    clock.now = new Date("2026-12-10T09:00:00Z");
    let { discussion } = await core.start(employer, {}, "start-1");
    expect(discussion.status).toBe("running");
    expect(discussion.currentPoint).toBe(1);
    // The setup said the roles it gave in the channel first.
    expect(chat.sent.filter((s) => s.op === "post").map((s) => s.message?.kind)).toEqual([
      "text",
      "announcement",
      "board",
      "point",
    ]);

    const id = discussion.id;
    discussion = await holdWholeDiscussion(core, team, discussion);
    expect(discussion.currentPoint).toBe(11);

    // The representative may not conclude; nothing changes.
    await expect(
      core.conclude(rep, { discussionId: id, expectedVersion: discussion.version }, null),
    ).rejects.toMatchObject({
      code: "forbidden",
    });

    const result = await core.conclude(
      employer,
      { discussionId: id, expectedVersion: discussion.version },
      "conclude-1",
    );
    expect(result.concluded).toBe(true);
    if (!result.concluded) return;
    expect(result.completeness.legal).toEqual([]);
    expect(result.summaryVersion).toBe(1);
    expect(result.pinned).toBe(true);
    const summaryPosts = chat.sent.filter((s) => s.op === "post" && s.message?.kind === "summary");
    expect(summaryPosts).toHaveLength(1);
    expect(chat.sent.filter((s) => s.op === "pin")).toHaveLength(1);
    const file = chat.sent.find((s) => s.op === "file" && s.file?.mimeType === "text/markdown")?.file;
    expect(file?.name).toBe("arbejdsmiljødrøftelse-2026-v1.md");

    // Repeating the conclude (a retried request) changes nothing and posts nothing more.
    await core.conclude(employer, { discussionId: id, expectedVersion: discussion.version }, "conclude-1");
    expect(chat.sent.filter((s) => s.op === "post" && s.message?.kind === "summary")).toHaveLength(1);

    const summary = await core.getSummary(employer, 2026);
    const md = summary.markdown;
    expect(md).toContain("# Referat af den årlige arbejdsmiljødrøftelse 2026");
    expect(md).toContain("10. december 2026 kl. 10.00");
    expect(md).toContain("**Referent:** Ali Nielsen");
    expect(md).toContain("- Mette Hansen (Arbejdsgiver)");
    expect(md).toContain("- Ali Nielsen (Arbejdsmiljørepræsentant)");
    expect(md).toContain("- Gæst fra BAR Kontor (Deltager)");
    expect(md).toContain("- Mødeinterval: Hvert kvartal");
    expect(md).toContain("- Indkøb af lydabsorbenter (Åben)");
    expect(md).toContain("  - succeskriterium: Under 55 dB målt i april");
    expect(md).toContain("1 ulykke, 3 nærvedulykker, 0 forgiftninger, 0 sundhedsskader");
    // Where it was held, by the channel's name as the platform gives it (not its id), and how to find it again.
    expect(md).toContain("- **Kanal:** \\#arbejdsmiljø");
    expect(md).toContain("Referatet er lagt i kanalen \\#arbejdsmiljø");
    expect(md).toContain("/arbejdsmiljø referat 2026");
    expect(md).not.toContain("C\\_AMO");
    expect(md).toContain("[Tråd](https://chat.example/C_AMO/");
    expect(md).toContain("Alle lovkrav, årlige pligter og punkter for god praksis er dækket.");
    expect(md).toContain("Afsluttet af Mette Hansen.");
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);

    const stored = await repos(db).summaries.list(workspace.id, id);
    expect(stored.map((s) => s.version)).toEqual([1]);
    const audit = (await repos(db).audit.list(workspace.id)).map((a) => a.action);
    expect(audit).toContain("discussion.concluded");
    expect(audit.filter((a) => a === "discussion.next")).toHaveLength(10);
  });

  it("reports what is missing and concludes anyway only with a reason, which is recorded", async () => {
    const { core, clock } = t;
    clock.now = new Date("2026-11-24T09:00:00Z");
    const { employer, workspace } = await setUpWorkspace(core, 6);
    const { discussion } = await core.start(employer, {}, null);
    const check = await core.conclude(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version },
      null,
    );
    expect(check.concluded).toBe(false);
    // The law first, as it applies to 6 employees (sagkundskab, no AMO). A first year with the bot still asks how
    // last year's goals went: they may have been set without it.
    expect(check.completeness.legal).toEqual([
      "last_year_goals_assessed",
      "coming_year_planned",
      "goals_set",
      "meeting_interval",
      "expertise_discussed",
    ]);
    expect(check.completeness.firstYear).toBe(true);
    // The accident overview is a yearly duty of its own, neither the discussion's legal minimum nor advice.
    expect(check.completeness.duties).toEqual(["accident_overview"]);
    expect(check.completeness.goodPractice).toEqual([
      "minute_taker",
      "apv_status",
      "instruction",
      "convener",
      "acute_handling",
      // With no AMO, what is asked is how everyone is kept informed.
      "information_everyone",
    ]);
    const still = await repos(db).discussions.get(workspace.id, discussion.id);
    expect(still?.status).toBe("running");

    const done = await core.conclude(
      employer,
      {
        discussionId: discussion.id,
        expectedVersion: discussion.version,
        overrideReason: "Mødet blev afbrudt; resten tages i januar.",
      },
      null,
    );
    expect(done.concluded).toBe(true);
    const after = await repos(db).discussions.get(workspace.id, discussion.id);
    expect(after?.concludedBy).toBe(EMPLOYER.name);
    expect(after?.concludeOverrideReason).toBe("Mødet blev afbrudt; resten tages i januar.");
    const md = (await core.getSummary(employer)).markdown;
    expect(md).toContain("Samarbejdsform og mødehyppighed er ikke besluttet (punkt 9)");
    expect(md).toContain("Det er ikke vurderet, om sidste års mål blev nået");
    expect(md).toContain("Begrundelse: Mødet blev afbrudt; resten tages i januar.");
    // Nothing is written at point 7 in anyone's name: the record says only what the bot holds.
    expect(md).toContain("Botten har ingen mål registreret fra sidste år; se punkt 7.");
    expect(md).not.toContain("ingen mål at vurdere");
    const notes = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(notes.filter((e) => e.point === 7)).toEqual([]);
  });

  it("moves once when two people press next from the same view", async () => {
    const { core } = t;
    const { employer, rep } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const press = (who: typeof employer) =>
      core.move(
        who,
        { discussionId: discussion.id, expectedVersion: discussion.version, move: { type: "next" } },
        null,
      );
    const results = await Promise.allSettled([press(employer), press(rep)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason.code).toBe("stale");
    const { discussion: now } = await core.move(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version + 1, move: { type: "previous" } },
      null,
    );
    expect(now.currentPoint).toBe(1);
  });

  it("answers a repeated move as the first time, though the view it came from is out of date by then", async () => {
    const { core } = t;
    const { employer, rep } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const next = {
      discussionId: discussion.id,
      expectedVersion: discussion.version,
      move: { type: "next" },
    } as const;
    const first = await core.move(employer, next, "teams:activity-1");
    const repeated = await core.move(employer, next, "teams:activity-1");
    expect(repeated.discussion.currentPoint).toBe(2);
    expect(repeated.discussion.version).toBe(first.discussion.version);
    // Someone else pressing "next" from the same old view, with a key of their own, is refused.
    await expect(core.move(rep, next, "teams:activity-2")).rejects.toMatchObject({ code: "stale" });
    await expect(core.move(rep, next, null)).rejects.toMatchObject({ code: "stale" });
    const moves = await db.query(
      "SELECT 1 FROM audit_log WHERE subject_id = $1 AND action = 'discussion.next'",
      [discussion.id],
    );
    expect(moves).toHaveLength(1);
  });

  it("records one entry for a repeated idempotency key, also when the repeats race", async () => {
    const { core } = t;
    const { employer, workspace } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const note = () =>
      core.record(
        employer,
        { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Én gang" } },
        "slack:evt-1",
      );
    const [a, b] = await Promise.all([note(), note()]);
    const again = await note();
    expect(a.entry.id).toBe(b.entry.id);
    // A repeat answers with the entry exactly as the first call returned it (the first is recorded in one
    // statement that also stores the result, the repeats read that result back).
    expect(b.entry).toEqual(a.entry);
    expect(again.entry).toEqual(a.entry);
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.filter((e) => e.kind === "note")).toHaveLength(1);
    const audit = await db.query<{ action: string; subject_id: string; details: unknown }>(
      "SELECT action, subject_id, details FROM audit_log WHERE workspace_id = $1 AND subject_id = $2",
      [workspace.id, a.entry.id],
    );
    expect(audit).toEqual([
      { action: "entry.recorded", subject_id: a.entry.id, details: { kind: "note", point: 1 } },
    ]);
  });

  it("refuses bad input with field problems and keeps what is stored", async () => {
    const { core } = t;
    const { employer, workspace } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const attempt = core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 8,
        kind: "goal",
        data: { text: "x".repeat(5000), deadline: "2027-02-31" },
      },
      null,
    );
    await expect(attempt).rejects.toMatchObject({
      code: "invalid",
      problems: {
        text: { code: "too_long", max: 1000 },
        successCriterion: { code: "required" },
        deadline: { code: "invalid_date" },
      },
    });
    await expect(
      core.record(
        employer,
        { discussionId: discussion.id, point: 3, kind: "accident_overview", data: {} },
        null,
      ),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await repos(db).entries.forDiscussion(workspace.id, discussion.id)).toEqual([]);
  });

  it("never lets one workspace touch another's discussion", async () => {
    const { core } = t;
    const a = await setUpWorkspace(core);
    const b = await setUpWorkspace(core);
    const { discussion } = await core.start(a.employer, {}, null);
    await expect(
      core.record(
        b.employer,
        { discussionId: discussion.id, point: 1, kind: "note", data: { text: "indbrud" } },
        null,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      core.move(
        b.employer,
        { discussionId: discussion.id, expectedVersion: discussion.version, move: { type: "next" } },
        null,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists open decisions and goals and marks one done", async () => {
    const { core } = t;
    const { employer } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const { entry } = await core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 3,
        kind: "decision",
        data: {
          text: "Nye stole",
          owner: { id: "U_LEADER", name: "Søren Østergaard" },
          deadline: "2027-01-15",
        },
      },
      null,
    );
    const open = await core.listOpen(employer);
    expect(open.map((o) => o.described.text)).toEqual(["Nye stole (Åben)"]);
    expect(open.map((o) => [o.ownerName, o.deadline, o.overdue])).toEqual([
      ["Søren Østergaard", "2027-01-15", false],
    ]);
    await core.setEntryStatus(employer, { entryId: entry.id, status: "done" }, "done-1");
    await core.setEntryStatus(employer, { entryId: entry.id, status: "done" }, "done-1");
    expect(await core.listOpen(employer)).toEqual([]);
  });
});
