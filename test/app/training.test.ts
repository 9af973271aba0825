import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/context.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import type { RecordingChat } from "../helpers/recording-chat.ts";

const NEW = { id: "U_NEW", name: "Birgitte Holm" };

describe.each(DRIVERS)("training and APV on time on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  const quiet = () => db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");
  const pending = async (workspaceId: string, prefix: string) =>
    (await repos(db).reminders.list(workspaceId, "pending"))
      .filter((r) => r.kind.startsWith(prefix))
      .map((r) => `${r.kind} ${r.subjectId} ${r.dueAt.toISOString()}`);
  const dispatcher = (chat: RecordingChat) =>
    new Dispatcher(
      { store: storePort(db), chatFor: () => chat, now: () => t.clock.now, log: silentLogger },
      { channelSpacingMs: 0 },
    );
  const texts = (chat: RecordingChat, op: string) =>
    chat.sent.filter((s) => s.op === op).map((s) => (s.message?.kind === "text" ? s.message.view.text : ""));

  async function running(language: "da" | "en" = "da") {
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    await quiet();
    const set = await setUpWorkspace(t.core);
    if (language === "en") {
      const members = await repos(db).members.list(set.workspace.id);
      await t.core.setupWorkspace(
        set.employer,
        { headcount: 25, timeZone: "Europe/Copenhagen", language: "en", defaultChannel: "C_AMO", members },
        null,
      );
    }
    const { discussion } = await t.core.start(set.employer, {}, null);
    return { ...set, discussion };
  }

  it("puts a member presented at point 2 on the roster with the date they joined, and plans their training", async () => {
    const { employer, workspace, discussion } = await running();
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: NEW, role: "amo_representative", joinedOn: "2026-11-02" },
      },
      null,
    );
    const roster = await repos(db).members.list(workspace.id);
    expect(roster.find((m) => m.userId === NEW.id)).toEqual({
      userId: NEW.id,
      name: NEW.name,
      role: "amo_representative",
      joinedAmoOn: "2026-11-02",
    });
    // The course after 1 and 2 months, the first supplementary days around 6 and 9, then the first anniversary.
    expect(await pending(workspace.id, "training.")).toEqual(
      expect.arrayContaining([
        "training.first_course member:U_NEW 2026-12-02T08:00:00.000Z",
        "training.first_course member:U_NEW 2027-01-04T08:00:00.000Z",
        "training.supplementary member:U_NEW 2027-05-03T07:00:00.000Z",
        "training.supplementary member:U_NEW 2027-08-02T07:00:00.000Z",
        "training.supplementary member:U_NEW 2027-11-02T08:00:00.000Z",
      ]),
    );
    const audit = await repos(db).audit.list(workspace.id);
    expect(audit.find((a) => a.action === "member.role" && a.subjectId === NEW.id)?.details).toMatchObject({
      from: null,
      to: "amo_representative",
    });
    // The channel is told whose role changed.
    expect(
      texts(t.chat, "post").some((x) => x.includes("Birgitte Holm: ingen rolle → arbejdsmiljørepræsentant")),
    ).toBe(true);
  });

  it("takes today as the joining date when none is given, and lists no employer for the course", async () => {
    const { employer, workspace, discussion } = await running();
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: NEW, role: "work_leader" },
      },
      null,
    );
    expect((await repos(db).members.list(workspace.id)).find((m) => m.userId === NEW.id)?.joinedAmoOn).toBe(
      "2026-11-24",
    );
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: { id: "U_BOSS2", name: "Karen Bech" }, role: "employer", joinedOn: "2026-11-20" },
      },
      null,
    );
    const training = await pending(workspace.id, "training.");
    expect(training.some((r) => r.includes("member:U_NEW"))).toBe(true);
    expect(training.some((r) => r.includes("member:U_BOSS2"))).toBe(false);
    expect(training.some((r) => r.includes("member:U_EMPLOYER"))).toBe(false);
  });

  it("never lets a form at point 2 hand out the employer's role or change a role set in the setup", async () => {
    const { rep, workspace, discussion } = await running();
    const before = await repos(db).members.list(workspace.id);
    await t.core.record(
      rep,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: { id: "U_REP", name: "Ali Nielsen" }, role: "employer", joinedOn: "2026-11-20" },
      },
      null,
    );
    await t.core.record(
      rep,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: { id: "U_LEADER", name: "Søren Østergaard" }, role: "amo_representative" },
      },
      null,
    );
    expect(await repos(db).members.list(workspace.id)).toEqual(before);
    // The entries themselves are kept in the record.
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.filter((e) => e.kind === "amo_member")).toHaveLength(2);
  });

  it("reminds of the course and the first year's 2 days inside the year, in Danish", async () => {
    const { employer, discussion } = await running();
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: NEW, role: "amo_representative", joinedOn: "2026-11-02" },
      },
      null,
    );
    const chat = t.chat;
    chat.sent = [];
    t.clock.now = new Date("2026-12-02T08:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post")).toContain(
      "Birgitte Holm blev medlem af AMO 2. november 2026. Den obligatoriske arbejdsmiljøuddannelse (3 dage) skal være gennemført senest 2. februar 2027. Er kurset booket?",
    );
    expect(chat.sent.filter((s) => s.op === "direct").map((s) => s.channel)).toContain("U_NEW");
    t.clock.now = new Date("2027-01-04T08:00:00Z");
    await dispatcher(chat).drain();
    chat.sent = [];
    t.clock.now = new Date("2027-05-03T07:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post").filter((x) => x.startsWith("Birgitte"))).toEqual([
      "Birgitte Holm blev medlem af AMO 2. november 2026 og skal tilbydes 2 dages supplerende arbejdsmiljøuddannelse i det første år, altså inden 2. november 2027. Er dagene planlagt?",
    ]);
    t.clock.now = new Date("2027-08-02T07:00:00Z");
    await dispatcher(chat).drain();
    chat.sent = [];
    t.clock.now = new Date("2027-11-02T08:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post").filter((x) => x.startsWith("Birgitte"))).toEqual([
      "Birgitte Holm har nu været medlem af AMO i 1 år og skal tilbydes 1,5 dags supplerende arbejdsmiljøuddannelse i det kommende år. Det skal drøftes på den årlige arbejdsmiljødrøftelse.",
    ]);
    // Sent, the anniversary plans the next one.
    const next = await pending(discussion.workspaceId, "training.supplementary");
    expect(next.filter((r) => r.includes("U_NEW"))).toEqual([
      "training.supplementary member:U_NEW 2028-11-02T08:00:00.000Z",
    ]);
  });

  it("sends nothing for a step whose deadline passed while the reminder was held up", async () => {
    const { employer, discussion } = await running();
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: NEW, role: "amo_representative", joinedOn: "2026-11-02" },
      },
      null,
    );
    const chat = t.chat;
    chat.sent = [];
    // Both course reminders are due, but the course's three months are over.
    t.clock.now = new Date("2027-02-03T08:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post").filter((x) => x.startsWith("Birgitte"))).toEqual([]);
    expect(await pending(discussion.workspaceId, "training.first_course")).toEqual([]);
  });

  it("says the same in English", async () => {
    const { employer, discussion } = await running("en");
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person: NEW, role: "amo_representative", joinedOn: "2026-11-02" },
      },
      null,
    );
    const chat = t.chat;
    t.clock.now = new Date("2027-05-03T07:00:00Z");
    await dispatcher(chat).drain();
    chat.sent = [];
    t.clock.now = new Date("2027-08-02T07:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post").filter((x) => x.startsWith("Birgitte"))).toEqual([
      "Birgitte Holm joined the AMO on 2 November 2026 and must be offered 2 days of supplementary working-environment training in the first year, that is by 2 November 2027. Are the days planned?",
    ]);
    chat.sent = [];
    t.clock.now = new Date("2027-11-02T08:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post").filter((x) => x.startsWith("Birgitte"))).toEqual([
      "Birgitte Holm has now been a member of the AMO for 1 year and must be offered 1.5 days of supplementary working-environment training in the coming year. It must be discussed at the annual discussion.",
    ]);
  });

  it("reminds of the APV 6 and 3 months before its three years are up, not on the day", async () => {
    const { employer, workspace, discussion } = await running();
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 4,
        kind: "apv_status",
        data: { lastApvDate: "2024-09-15", actionPlanStatus: "Støj mangler" },
      },
      null,
    );
    expect(await pending(workspace.id, "apv.")).toEqual([
      `apv.due ${workspace.id} 2027-03-15T08:00:00.000Z`,
      `apv.due ${workspace.id} 2027-06-15T07:00:00.000Z`,
    ]);
    const chat = t.chat;
    chat.sent = [];
    t.clock.now = new Date("2027-03-15T08:00:00Z");
    await dispatcher(chat).drain();
    expect(texts(chat, "post")).toContain(
      "Den seneste APV er fra 15. september 2024, så den næste skal være lavet senest 15. september 2027, om 6 måneder. Det er tid til at planlægge den: hvem står for den, og hvornår?",
    );
  });
  it("makes the APV action plan's items decisions with owner and deadline, followed up, and never twice", async () => {
    const { employer, workspace, discussion } = await running();
    const apv = {
      discussionId: discussion.id,
      point: 4,
      kind: "apv_status",
      data: {
        lastApvDate: "2025-02-01",
        actionPlanStatus: "Støj og lys mangler",
        actions: [
          {
            text: "Lydabsorbenter i storrummet",
            owner: { id: "U_LEADER", name: "Søren Østergaard" },
            deadline: "2027-03-01",
          },
          { text: "Nye lamper ved vinduerne", owner: { name: "Karen Bech" }, deadline: "2027-04-15" },
        ],
      },
    };
    await t.core.record(employer, apv, null);
    await t.core.record(employer, apv, null);
    const decisions = (await repos(db).entries.forDiscussion(workspace.id, discussion.id)).filter(
      (e) => e.kind === "decision",
    );
    expect(decisions.map((e) => [e.point, e.data, e.ownerId, e.deadline, e.status, e.source])).toEqual([
      [4, apv.data.actions[0], "U_LEADER", "2027-03-01", "open", "apv"],
      [4, apv.data.actions[1], null, "2027-04-15", "open", "apv"],
    ]);
    const open = await t.core.listOpen(employer);
    expect(JSON.stringify(open)).toContain("Lydabsorbenter i storrummet");
    expect(await pending(workspace.id, "entry.")).toEqual(
      expect.arrayContaining([
        `entry.week_before ${decisions[0]?.id} 2027-02-22T08:00:00.000Z`,
        `entry.due ${decisions[0]?.id} 2027-03-01T08:00:00.000Z`,
      ]),
    );
    // Point 4 shows them with their status.
    const view = await t.core.pointView(employer, discussion.id, 4);
    expect(JSON.stringify(view)).toContain("Lydabsorbenter i storrummet (Åben)");
    // An item with a past deadline, or without an owner, is refused like a decision, and nothing is stored.
    const refused = {
      ...apv,
      data: { ...apv.data, actions: [{ text: "For sent", owner: { name: "Ali" }, deadline: "2026-01-01" }] },
    };
    await expect(t.core.record(employer, refused, null)).rejects.toMatchObject({
      problems: { "actions.0.deadline": { code: "date_in_past" } },
    });
    const ownerless = {
      ...apv,
      data: { ...apv.data, actions: [{ text: "Uden ejer", deadline: "2027-05-01" }] },
    };
    await expect(t.core.record(employer, ownerless, null)).rejects.toMatchObject({
      problems: { "actions.0.owner": { code: "required" } },
    });
  });
});
