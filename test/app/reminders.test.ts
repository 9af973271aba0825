import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageRef, OutboundMessage } from "../../src/app/chat-port.ts";
import { silentLogger } from "../../src/app/context.ts";
import { RateLimited } from "../../src/app/rate-limited.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { RecordingChat } from "../helpers/recording-chat.ts";

/** A platform that answers the next `limited` posts 429 with Retry-After (the port's RateLimited). */
class LimitedChat extends RecordingChat {
  limited = 0;
  override async post(channel: string, message: OutboundMessage): Promise<MessageRef> {
    if (this.limited > 0) {
      this.limited--;
      throw new RateLimited(30_000);
    }
    return super.post(channel, message);
  }
}

const due = async (db: Db, workspaceId: string) =>
  (await repos(db).reminders.list(workspaceId, "pending")).map((r) => `${r.kind} ${r.dueAt.toISOString()}`);

describe.each(DRIVERS)("reminders on $name", ({ name, open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  /** Tests in this file share one database: each starts with no other test's reminders pending. */
  const quiet = () => db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");

  const dispatcher = (chat: RecordingChat, options = {}) =>
    new Dispatcher(
      { store: storePort(db), chatFor: () => chat, now: () => t.clock.now, log: silentLogger },
      { channelSpacingMs: 0, ...options },
    );

  it("plans every kind at 09:00 local time on working days, around Easter, Christmas and summer time", async () => {
    t.clock.now = new Date("2026-03-10T09:00:00Z");
    const { employer, workspace } = await setUpWorkspace(t.core);
    // Tuesday after Easter: the day before is Easter Monday, so the reminder moves back over Easter to Wednesday 1 April.
    const { discussion } = await t.core.schedule(
      employer,
      { date: "2026-04-07", time: "10:00", location: "Kantinen" },
      null,
    );
    expect(await due(db, workspace.id)).toEqual(
      expect.arrayContaining([
        "meeting.prepare 2026-03-24T08:00:00.000Z",
        "meeting.day_before 2026-04-01T07:00:00.000Z",
        "meeting.start 2026-04-07T08:00:00.000Z",
        "quarterly.status 2026-04-01T07:00:00.000Z",
        "training.first_course 2026-04-01T07:00:00.000Z",
        "training.first_course 2026-05-01T07:00:00.000Z",
        "training.supplementary 2026-09-01T07:00:00.000Z",
        "training.supplementary 2026-12-01T08:00:00.000Z",
        "training.supplementary 2027-03-01T08:00:00.000Z",
      ]),
    );
    // Deadlines: Easter Sunday 2027, which is also the summer-time weekend, and Christmas Day.
    t.clock.now = new Date("2026-04-07T08:00:00Z");
    await t.core.start(employer, {}, null);
    const sunday = await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 8,
        kind: "decision",
        data: {
          text: "Nye lamper",
          owner: { id: "U_LEADER", name: "Søren Østergaard" },
          deadline: "2027-03-28",
        },
      },
      null,
    );
    const christmas = await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 8,
        kind: "goal",
        data: { text: "Ro", successCriterion: "Målt", deadline: "2026-12-25" },
      },
      null,
    );
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 4,
        kind: "apv_status",
        data: { lastApvDate: "2024-05-01", actionPlanStatus: "OK" },
      },
      null,
    );
    const list = await due(db, workspace.id);
    expect(list).toEqual(
      expect.arrayContaining([
        "entry.week_before 2027-03-19T08:00:00.000Z",
        "entry.due 2027-03-24T08:00:00.000Z",
        "entry.week_before 2026-12-18T08:00:00.000Z",
        "entry.due 2026-12-23T08:00:00.000Z",
        // Six and three months before the three years are up (1 May 2027); 1 November 2026 is a Sunday.
        "apv.due 2026-11-02T08:00:00.000Z",
        "apv.due 2027-02-01T08:00:00.000Z",
      ]),
    );
    expect(sunday.entry.deadline).toBe("2027-03-28");
    expect(christmas.entry.deadline).toBe("2026-12-25");
    // Started: the meeting reminders no longer apply and are skipped when due.
    t.clock.now = new Date("2026-12-10T09:00:00Z");
    const concluded = await t.core.conclude(
      employer,
      {
        discussionId: discussion.id,
        expectedVersion: (await repos(db).discussions.get(workspace.id, discussion.id))!.version,
        overrideReason: "Test",
      },
      null,
    );
    expect(concluded.concluded).toBe(true);
    expect(await due(db, workspace.id)).toEqual(
      expect.arrayContaining([
        // From the meeting (7 April 2026), as the referat's "senest" date; 7 March 2027 is a Sunday.
        "cycle.due 2027-03-08T08:00:00.000Z",
        "cycle.overdue 2027-04-07T07:00:00.000Z",
      ]),
    );
    const { markdown } = await t.core.getSummary(employer, 2026);
    expect(markdown).toContain("Næste årlige drøftelse senest 7. april 2027.");
  });

  it("delivers each kind when its time comes, in the thread and to the owner", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    await quiet();
    const { employer, workspace } = await setUpWorkspace(t.core);
    const chat = t.chat;
    const { discussion } = await t.core.start(employer, {}, null);
    const { entry } = await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 1,
        kind: "decision",
        data: {
          text: "Nye stole",
          owner: { id: "U_LEADER", name: "Søren Østergaard" },
          deadline: "2026-12-07",
        },
      },
      null,
    );
    chat.sent = [];
    const d = dispatcher(chat);
    t.clock.now = new Date("2026-11-30T08:00:00Z");
    expect((await d.drain()).sent).toBe(1);
    const reply = chat.sent.find((s) => s.op === "reply");
    expect(reply?.ref?.threadId).toBeDefined();
    expect(reply?.message?.kind === "text" && reply.message.view.text).toBe(
      "Om en uge (7. december 2026) er der frist for: Beslutning: Nye stole. Ansvarlig: Søren Østergaard.",
    );
    expect(reply?.message?.kind === "text" && reply.message.view.actions).toEqual([
      { type: "entry_done", entryId: entry.id },
      { type: "entry_postpone", entryId: entry.id },
    ]);
    expect(chat.sent.find((s) => s.op === "direct")?.channel).toBe("U_LEADER");

    // Done before the deadline: no reminder on the day.
    await t.core.setEntryStatus(employer, { entryId: entry.id, status: "done" }, null);
    t.clock.now = new Date("2026-12-07T08:00:00Z");
    chat.sent = [];
    await d.drain();
    expect(chat.sent.filter((s) => s.op === "reply")).toEqual([]);
    expect((await repos(db).reminders.list(workspace.id)).find((r) => r.kind === "entry.due")?.status).toBe(
      "cancelled",
    );
  });

  it("moves the meeting's reminders when it is moved, and cancels them with it", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    const { employer, workspace } = await setUpWorkspace(t.core);
    const first = await t.core.schedule(employer, { date: "2027-01-20", time: "13:00" }, null);
    expect(first.warnings).toEqual([]);
    const moved = await t.core.schedule(employer, { date: "2027-02-17", time: "13:00" }, null);
    expect(moved.rescheduled).toBe(true);
    expect(moved.warnings).toEqual(["school_holiday"]);
    const meeting = (await due(db, workspace.id)).filter((r) => r.startsWith("meeting."));
    expect(meeting).toEqual([
      "meeting.prepare 2027-02-03T08:00:00.000Z",
      "meeting.day_before 2027-02-16T08:00:00.000Z",
      "meeting.start 2027-02-17T12:00:00.000Z",
    ]);
    const invitations = t.chat.sent.filter((s) => s.op === "file" && s.file?.mimeType === "text/calendar");
    const latest = String(invitations.at(-1)?.file?.content);
    expect(latest).toContain("SEQUENCE:");
    expect(latest).toContain(`UID:${moved.discussion.id}@arbejdsmiljo-bot`);
    expect(latest).toContain("DTSTART:20270217T120000Z");
    expect(latest).toContain("Valg af referent");
    await t.core.cancelPlanned(employer, { discussionId: moved.discussion.id }, null);
    expect((await due(db, workspace.id)).filter((r) => r.startsWith("meeting."))).toEqual([]);
  });

  it("lets a workspace turn a kind off and move the preparation reminder in the setup", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    const { employer, workspace } = await setUpWorkspace(t.core);
    await t.core.schedule(employer, { date: "2027-01-20", time: "13:00" }, null);
    await t.core.setupWorkspace(
      employer,
      {
        headcount: 25,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: "C_AMO",
        members: [{ userId: "U_EMPLOYER", name: "Mette Hansen", role: "employer", joinedAmoOn: null }],
        reminders: { "meeting.day_before": { enabled: false }, "meeting.prepare": { daysBefore: 21 } },
      },
      null,
    );
    const meeting = (await due(db, workspace.id)).filter((r) => r.startsWith("meeting."));
    expect(meeting).toEqual([
      "meeting.prepare 2026-12-30T08:00:00.000Z",
      "meeting.start 2027-01-20T12:00:00.000Z",
    ]);
    await expect(
      t.core.setupWorkspace(
        employer,
        {
          headcount: 25,
          timeZone: "Europe/Copenhagen",
          language: "da",
          defaultChannel: null,
          members: [],
          reminders: { "meeting.nope": { enabled: false } } as never,
        },
        null,
      ),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("sends nothing to an uninstalled workspace", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    const { employer, workspace } = await setUpWorkspace(t.core);
    await t.core.schedule(employer, { date: "2027-01-20", time: "13:00" }, null);
    await repos(db).workspaces.setInstalled(workspace.id, false);
    await db.query(
      "UPDATE reminders SET status = 'cancelled' WHERE status = 'pending' AND workspace_id <> $1",
      [workspace.id],
    );
    const chat = new RecordingChat();
    t.clock.now = new Date("2027-01-20T12:00:00Z");
    await dispatcher(chat).drain();
    expect(chat.sent).toEqual([]);
    const statuses = (await repos(db).reminders.list(workspace.id)).filter((r) =>
      r.kind.startsWith("meeting."),
    );
    expect(statuses.every((r) => r.status === "cancelled")).toBe(true);
  });

  it("retries a failing chat platform with backoff, then records the failure", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    const { employer, workspace } = await setUpWorkspace(t.core);
    await t.core.schedule(employer, { date: "2027-01-20", time: "13:00" }, null);
    await db.query(
      "UPDATE reminders SET status = 'cancelled' WHERE status = 'pending' AND NOT (workspace_id = $1 AND kind = 'meeting.prepare')",
      [workspace.id],
    );
    const chat = new RecordingChat();
    chat.failNext = 100;
    const d = dispatcher(chat, { maxAttempts: 3, backoffSeconds: () => 60 });
    t.clock.now = new Date("2027-01-06T08:00:00Z"); // the preparation reminder is due
    expect(await d.drain()).toMatchObject({ retried: 1 });
    expect(await d.drain()).toMatchObject({ claimed: 0 });
    t.clock.now = new Date("2027-01-06T08:01:00Z");
    expect(await d.drain()).toMatchObject({ retried: 1 });
    t.clock.now = new Date("2027-01-06T08:02:00Z");
    expect(await d.drain()).toMatchObject({ failed: 1 });
    const prepare = (await repos(db).reminders.list(workspace.id)).find((r) => r.kind === "meeting.prepare");
    expect(prepare).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "Error: chat platform unavailable",
    });
  });

  it("takes over the rows of a dispatcher that died mid-batch once their lease runs out", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    await quiet();
    const { workspace } = await setUpWorkspace(t.core);
    await db.query(
      `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
       SELECT $1::uuid, 'apv.due', $1::text, $2::timestamptz - make_interval(secs => n), '{"lastApvDate":"2023-01-01"}'
       FROM generate_series(1, 20) AS n`,
      [workspace.id, t.clock.now],
    );
    const leased = await repos(db).reminders.claimDue(t.clock.now, 20, 60); // the process that then dies
    expect(leased).toHaveLength(20);
    const chat = new RecordingChat();
    const survivor = dispatcher(chat, { leaseSeconds: 60 });
    expect((await survivor.drain()).claimed).toBe(0);
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    expect((await survivor.drain()).sent).toBe(20);
    expect(chat.sent).toHaveLength(20);
  });

  it("waits out a 429 for the platform's Retry-After, without using up the reminder's tries", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    await quiet();
    const { workspace } = await setUpWorkspace(t.core);
    await db.query(
      `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
       VALUES ($1::uuid, 'apv.due', $1::text, $2, '{"lastApvDate":"2023-01-01"}')`,
      [workspace.id, t.clock.now],
    );
    const chat = new LimitedChat();
    chat.limited = 6;
    const d = dispatcher(chat, { maxAttempts: 2, backoffSeconds: () => 3600 });
    const row = async () => (await repos(db).reminders.list(workspace.id)).find((r) => r.kind === "apv.due");
    // More 429s than the reminder has tries: each is waited out for the 30 s asked, none counts as a failure.
    for (let i = 0; i < 6; i++) {
      expect(await d.drain()).toMatchObject({ claimed: 1, retried: 1 });
      expect(await d.drain()).toMatchObject({ claimed: 0 });
      const [held] = await db.query<{ leased_until: Date }>(
        "SELECT leased_until FROM reminders WHERE workspace_id = $1 AND kind = 'apv.due'",
        [workspace.id],
      );
      expect(held?.leased_until.getTime()).toBe(t.clock.now.getTime() + 30_000);
      expect(await row()).toMatchObject({ status: "pending", attempts: 0 });
      t.clock.now = new Date(t.clock.now.getTime() + 30_000);
    }
    expect(await d.drain()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row()).toMatchObject({ status: "sent", attempts: 1 });
    expect(chat.sent.filter((s) => s.op === "post")).toHaveLength(1);
  });

  it("records nothing for a dispatcher whose lease another has taken over since", async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    await quiet();
    const { workspace } = await setUpWorkspace(t.core);
    await db.query(
      `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
       VALUES ($1::uuid, 'apv.due', $1::text, $2, '{"lastApvDate":"2023-01-01"}')`,
      [workspace.id, t.clock.now],
    );
    const r = repos(db).reminders;
    const [slow] = await r.claimDue(t.clock.now, 10, 60); // its send outlasts the lease
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    const [taker] = await r.claimDue(t.clock.now, 10, 60);
    expect(taker?.id).toBe(slow?.id);
    expect(taker?.leaseToken).not.toBe(slow?.leaseToken);
    const id = slow?.id as string;
    const stale = slow?.leaseToken as string;
    // The slow one can neither renew nor mark, whatever it would record; the lease's holder can.
    expect(await r.renew([{ id, leaseToken: stale }], t.clock.now, 60)).toEqual(new Set());
    expect(await r.markSent(id, stale, t.clock.now)).toBe(false);
    expect(await r.markFailed(id, stale, "late", null)).toBe(false);
    expect(await r.markRateLimited(id, stale, "late", t.clock.now)).toBe(false);
    expect(await r.markCancelled(id, stale)).toBe(false);
    expect((await r.list(workspace.id, "pending")).filter((p) => p.kind === "apv.due")).toHaveLength(1);
    expect(await r.renew([{ id, leaseToken: taker?.leaseToken as string }], t.clock.now, 60)).toEqual(
      new Set([id]),
    );
    expect(await r.markSent(id, taker?.leaseToken as string, t.clock.now)).toBe(true);
    expect(await r.list(workspace.id, "sent")).toMatchObject([{ id, attempts: 2, sentAt: t.clock.now }]);
    expect(await r.markSent(id, taker?.leaseToken as string, t.clock.now)).toBe(false);
  });

  it(`delivers 1,000 due reminders once each with three dispatchers (${name})`, async () => {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    await quiet();
    const workspaces = await Promise.all(Array.from({ length: 10 }, () => setUpWorkspace(t.core)));
    for (const { workspace } of workspaces) {
      await db.query(
        `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
         SELECT $1::uuid, 'apv.due', $1::text, $2::timestamptz - make_interval(secs => n), '{"lastApvDate":"2023-01-01"}'
         FROM generate_series(1, 100) AS n`,
        [workspace.id, t.clock.now],
      );
    }
    const chat = new RecordingChat();
    const three = [1, 2, 3].map(() => dispatcher(chat, { batchSize: 50, concurrency: 4 }));
    const results = await Promise.all(three.map((d) => d.drain()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1000);
    expect(chat.sent.filter((s) => s.op === "post")).toHaveLength(1000);
    const rows = await db.query<{ status: string; attempts: number; n: string }>(
      `SELECT status, attempts, count(*) AS n FROM reminders WHERE workspace_id = ANY($1::uuid[]) AND kind = 'apv.due'
       GROUP BY status, attempts`,
      [workspaces.map((w) => w.workspace.id)],
    );
    expect(rows.map((r) => [r.status, r.attempts, Number(r.n)])).toEqual([["sent", 1, 1000]]);
  });
});
