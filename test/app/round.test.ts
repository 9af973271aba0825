import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../src/app/chat-port.ts";
import { silentLogger } from "../../src/app/context.ts";
import { buildSummaryDocument } from "../../src/app/summary.ts";
import { summaryOutline } from "../../src/domain/summary-outline.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { storePort } from "../../src/server.ts";
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

const textOf = (m: OutboundMessage | undefined) => (m?.kind === "text" ? m.view.text : "");

describe.each(DRIVERS)("the preparation round on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  const quiet = () => db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");
  const tick = () =>
    new Dispatcher(
      { store: storePort(db), chatFor: () => t.chat, now: () => t.clock.now, log: silentLogger },
      { channelSpacingMs: 0 },
    ).drain();
  /** The preparation reminder goes out, and at the next tick the round's private messages. */
  const tick2 = async () => {
    await tick();
    await tick();
  };
  const directs = () => t.chat.sent.filter((s) => s.op === "direct");

  /** A workplace with an AMO, its meeting on Monday 11 January 2027 at 10:00; the round opens 14 days before. */
  async function planned(settings: Record<string, unknown> = {}) {
    await quiet();
    t.chat.sent = [];
    t.clock.now = new Date("2026-12-01T09:00:00Z");
    const w = await setUpWorkspace(t.core);
    if (Object.keys(settings).length)
      await repos(db).workspaces.setSetting(w.workspace.id, "round", settings);
    const ws = { ...w, workspace: (await repos(db).workspaces.get(w.workspace.id)) ?? w.workspace };
    const as = (actor: typeof EMPLOYER) => ({ workspace: ws.workspace, actor });
    const { discussion } = await t.core.schedule(as(EMPLOYER), { date: "2027-01-11", time: "10:00" }, null);
    return { ...ws, discussion, employer: as(EMPLOYER), rep: as(REPRESENTATIVE), leader: as(LEADER) };
  }

  it("asks the AMO privately, not the employer, and reminds only those who have not answered, once", async () => {
    const { discussion, rep, employer, workspace } = await planned();
    // 11 January 2027 minus 14 days is 28 December: the preparation reminder, and with it the round.
    t.clock.now = new Date("2026-12-28T08:00:00Z");
    await tick2();
    const channel = t.chat.sent.filter((s) => s.op === "post").map((s) => textOf(s.message));
    expect(channel.find((x) => x.includes("2 personer får nu en privat besked"))).toBeDefined();
    expect(
      directs()
        .map((d) => d.channel)
        .sort(),
    ).toEqual([LEADER.userId, REPRESENTATIVE.userId]);
    const ask = directs()[0]?.message;
    expect(ask?.kind === "text" && ask.view.actions).toEqual([
      { type: "round_open", discussionId: discussion.id },
    ]);
    // A second tick sends nothing again.
    await tick();
    expect(directs()).toHaveLength(2);

    await expect(
      t.core.answerRound(employer, discussion.id, { points: { 4: "Støj" } }),
    ).rejects.toMatchObject({
      messageKey: "round.not_asked",
    });
    await expect(t.core.answerRound(rep, discussion.id, { points: {} })).rejects.toMatchObject({
      messageKey: "round.empty",
    });
    // A colleague named together with a health word is refused, and nothing is stored.
    await expect(
      t.core.answerRound(rep, discussion.id, { points: { 6: "Søren Østergaard fik en hjernerystelse" } }),
    ).rejects.toMatchObject({ messageKey: "round.health", params: { point: 6 } });
    expect(await repos(db).round.answers(workspace.id, discussion.id)).toEqual([]);
    expect(
      await t.core.answerRound(rep, discussion.id, { points: { 4: "Støj i storrummet" }, accidents: "1" }),
    ).toBe("saved");
    expect(
      await t.core.answerRound(rep, discussion.id, {
        points: { 4: "Støj i storrummet", 8: "Forslag: lydabsorbenter i kantinen" },
        accidents: "1",
        nearMisses: "2",
      }),
    ).toBe("updated");
    const rows = await db.query("SELECT respondent_id, points FROM round_answers WHERE workspace_id = $1", [
      workspace.id,
    ]);
    expect(rows).toHaveLength(1);
    expect((await t.core.roundForm(rep, discussion.id)).fields.find((f) => f.point === 8)?.value).toBe(
      "Forslag: lydabsorbenter i kantinen",
    );

    // Three working days before Monday 11 January: Wednesday 6 January, at 09:00 local time.
    const reminders = await repos(db).reminders.list(workspace.id, "pending");
    const remind = reminders.filter((r) => r.kind === "round.remind");
    expect(remind.map((r) => r.dueAt.toISOString())).toEqual([
      "2027-01-06T08:00:00.000Z",
      "2027-01-06T08:00:00.000Z",
    ]);
    t.chat.sent = [];
    t.clock.now = new Date("2027-01-06T08:00:00Z");
    await tick();
    await tick();
    const reminded = directs().filter((d) =>
      textOf(d.message).startsWith("Påmindelse: arbejdsmiljødrøftelsen"),
    );
    expect(reminded.map((d) => d.channel)).toEqual([LEADER.userId]);

    // At the meeting: point 1 shows the counts, point 4 and 8 what came in, point 6 the figures; so does the referat.
    const p1 = await t.core.pointView(employer, discussion.id, 1);
    expect(p1?.round?.counts).toBe("Forberedelsesrunde: 1 af 2 spurgte har svaret.");
    expect((await t.core.pointView(employer, discussion.id, 8))?.round?.inputs).toEqual([
      "Forslag: lydabsorbenter i kantinen",
    ]);
    expect((await t.core.pointView(employer, discussion.id, 6))?.round?.inputs[0]).toContain(
      "1 ulykke og 2 nærved-hændelser",
    );
    const d = await repos(db).discussions.get(workspace.id, discussion.id);
    if (!d) throw new Error("no discussion");
    const outline = summaryOutline(
      await buildSummaryDocument(repos(db), workspace, d, null, "/arbejdsmiljø"),
    );
    const texts = JSON.stringify(outline);
    expect(texts).toContain("Forberedelsesrunde: 1 af 2 spurgte svarede før mødet.");
    const point8 = outline.sections.find((s) => s.title.startsWith("8."));
    expect(JSON.stringify(point8)).toContain("Forslag: lydabsorbenter i kantinen");

    // Once the meeting has started, the round is closed.
    t.clock.now = new Date("2027-01-11T09:00:00Z");
    await t.core.start(employer, {}, null);
    await expect(t.core.answerRound(rep, discussion.id, { points: { 5: "Sent" } })).rejects.toMatchObject({
      messageKey: "round.closed",
    });
  });

  it("stores an anonymous answer with nothing that links it to the person, and takes one answer each", async () => {
    const { discussion, rep, workspace } = await planned({ anonymous: true });
    t.clock.now = new Date("2026-12-28T08:00:00Z");
    await tick2();
    expect(
      await t.core.answerRound(rep, discussion.id, { points: { 5: "Mere oplæring i nye systemer" } }),
    ).toBe("saved");
    expect(await t.core.answerRound(rep, discussion.id, { points: { 5: "Et andet svar" } })).toBe("already");
    const answers = await db.query("SELECT * FROM round_answers WHERE workspace_id = $1", [workspace.id]);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.respondent_id).toBeNull();
    // No column of the answer holds the person's id or name, and it has no time to match against.
    const row = JSON.stringify(answers[0]);
    for (const who of [REPRESENTATIVE.userId, REPRESENTATIVE.name]) expect(row).not.toContain(who);
    expect(Object.keys(answers[0] ?? {})).not.toContain("created_at");
    // The invites say who answered, and nothing about what.
    const invites = await db.query("SELECT * FROM round_invites WHERE workspace_id = $1 ORDER BY user_id", [
      workspace.id,
    ]);
    expect(invites.map((i) => [i.user_id, i.answered])).toEqual([
      [LEADER.userId, false],
      [REPRESENTATIVE.userId, true],
    ]);
    expect(Object.keys(invites[0] ?? {}).sort()).toEqual([
      "answered",
      "discussion_id",
      "user_id",
      "workspace_id",
    ]);
    expect((await t.core.roundForm(rep, discussion.id)).fields.every((f) => f.value === "")).toBe(true);
  });

  it("asks every employee in a small workplace", async () => {
    await quiet();
    t.chat.sent = [];
    t.clock.now = new Date("2026-12-01T09:00:00Z");
    const w = await setUpWorkspace(t.core, 6);
    const { discussion } = await t.core.schedule(w.employer, { date: "2027-01-11", time: "10:00" }, null);
    t.clock.now = new Date("2026-12-28T08:00:00Z");
    await tick2();
    expect(
      directs()
        .map((d) => d.channel)
        .sort(),
    ).toEqual([LEADER.userId, REPRESENTATIVE.userId]);
    expect((await repos(db).round.invites(w.workspace.id, discussion.id)).length).toBe(2);
  });
});
