import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../src/app/context.ts";
import { errorText } from "../../src/app/errors.ts";
import type { SetupInput } from "../../src/app/setup.ts";
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
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";
import { refusal } from "../helpers/refusal.ts";

const STRANGER = { userId: "U_STRANGER", name: "Fremmed Person" };

const setupOf = (members: SetupInput["members"]): SetupInput => ({
  headcount: 25,
  timeZone: "Europe/Copenhagen",
  language: "da",
  defaultChannel: "C_AMO",
  members,
});

describe.each(DRIVERS)("roles that cannot be seized, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  const freshWorkspace = async (installer: string | null) => {
    const team = uniqueId();
    if (installer) await t.core.markInstalled("slack", team, "Kontoret ApS", installer);
    return team;
  };

  it("refuses a first setup by someone who neither installed the app nor administers the workspace", async () => {
    const team = await freshWorkspace(EMPLOYER.userId);
    const ctx = await t.core.context("slack", team, STRANGER);
    const members = [
      { userId: STRANGER.userId, name: STRANGER.name, role: "employer" as const, joinedAmoOn: null },
    ];

    const early = await refusal(t.core.checkSetupAccess(ctx));
    expect(errorText("da", early)).toMatch(/den, der installerede appen, eller af en administrator/);
    const error = await refusal(t.core.setupWorkspace(ctx, setupOf(members), null));
    expect(error.code).toBe("forbidden");

    const r = repos(db);
    expect(await r.members.list(ctx.workspace.id)).toEqual([]);
    expect((await r.workspaces.get(ctx.workspace.id))?.headcount).toBeNull();
  });

  it("lets the installer name someone else as employer, who alone changes roles after that", async () => {
    const installer = { userId: "U_IT", name: "It-afdelingen" };
    const team = await freshWorkspace(installer.userId);
    const asInstaller = await t.core.context("slack", team, installer);
    await t.core.setupWorkspace(
      asInstaller,
      setupOf([{ userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer", joinedAmoOn: null }]),
      null,
    );
    const r = repos(db);
    expect(await r.members.roleOf(asInstaller.workspace.id, EMPLOYER.userId)).toBe("employer");

    // The installer has handed over: from now on only the employer may change the setup.
    const again = await refusal(t.core.checkSetupAccess(asInstaller));
    expect(errorText("da", again)).toBe(
      "Kun arbejdsgiveren kan ændre opsætningen og rollerne. Spørg Mette Hansen, hvis noget skal rettes.",
    );
    const seized = await refusal(
      t.core.setupWorkspace(
        asInstaller,
        setupOf([{ userId: installer.userId, name: installer.name, role: "employer", joinedAmoOn: null }]),
        null,
      ),
    );
    expect(seized.code).toBe("forbidden");
    expect(await r.members.roleOf(asInstaller.workspace.id, installer.userId)).toBeNull();
    expect(await r.members.roleOf(asInstaller.workspace.id, EMPLOYER.userId)).toBe("employer");

    const asEmployer = await t.core.context("slack", team, EMPLOYER);
    await expect(t.core.checkSetupAccess(asEmployer)).resolves.toBeUndefined();
  });

  it("keeps the first installer where asked to until the app is removed; otherwise the newest counts", async () => {
    const installerOf = async (team: string) =>
      (await repos(db).workspaces.find("slack", team))?.installedBy ?? null;
    const kept = uniqueId();
    await t.core.markInstalled("slack", kept, "", EMPLOYER.userId, { keepInstaller: true });
    await t.core.markInstalled("slack", kept, "", STRANGER.userId, { keepInstaller: true });
    expect(await installerOf(kept)).toBe(EMPLOYER.userId);
    await t.core.markUninstalled("slack", kept);
    const again = await t.core.markInstalled("slack", kept, "", STRANGER.userId, { keepInstaller: true });
    expect(again).toMatchObject({ installed: true, installedBy: STRANGER.userId });

    const newest = uniqueId();
    await t.core.markInstalled("slack", newest, "", EMPLOYER.userId);
    await t.core.markInstalled("slack", newest, "", LEADER.userId);
    await t.core.markInstalled("slack", newest, "");
    expect(await installerOf(newest)).toBe(LEADER.userId);
  });

  it("lets a workspace admin do the first setup where no installer is known", async () => {
    const team = await freshWorkspace(null);
    const admin = { ...STRANGER, isWorkspaceAdmin: async () => true };
    const notAdmin = { ...LEADER, isWorkspaceAdmin: async () => false };
    const members = [
      { userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer" as const, joinedAmoOn: null },
    ];
    await refusal(
      t.core.setupWorkspace(await t.core.context("slack", team, notAdmin), setupOf(members), null),
    );
    await t.core.setupWorkspace(await t.core.context("slack", team, admin), setupOf(members), null);
    const ctx = await t.core.context("slack", team, EMPLOYER);
    expect(await repos(db).members.roleOf(ctx.workspace.id, EMPLOYER.userId)).toBe("employer");
  });

  it("always keeps an employer: a setup without one is refused on the members field, nothing changed", async () => {
    const team = await setUpWorkspace(t.core);
    const error = await refusal(
      t.core.setupWorkspace(
        team.employer,
        setupOf([{ userId: LEADER.userId, name: LEADER.name, role: "work_leader", joinedAmoOn: null }]),
        null,
      ),
    );
    expect(error.problems).toEqual({ members: { code: "employer_required" } });
    const kept = await repos(db).members.list(team.workspace.id);
    expect(kept.map((m) => `${m.userId}:${m.role}`).sort()).toEqual([
      "U_EMPLOYER:employer",
      "U_LEADER:work_leader",
      "U_REP:amo_representative",
    ]);
  });

  it("writes every role change to the audit log and says it in the channel", async () => {
    const team = await setUpWorkspace(t.core);
    t.chat.sent = [];
    await t.core.setupWorkspace(
      team.employer,
      setupOf([
        { userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer", joinedAmoOn: null },
        {
          userId: REPRESENTATIVE.userId,
          name: REPRESENTATIVE.name,
          role: "employer_representative",
          joinedAmoOn: null,
        },
        { userId: "U_NEW", name: "Fatima Jensen", role: "amo_representative", joinedAmoOn: "2026-11-01" },
      ]),
      "roles-1",
    );
    const audit = (await repos(db).audit.list(team.workspace.id)).filter((a) => a.action === "member.role");
    // The first setup gave three roles; this one changes three.
    expect(audit.slice(0, 3).map((a) => a.details.from)).toEqual([null, null, null]);
    expect(audit.slice(3).map((a) => [a.actorId, a.subjectId, a.details])).toEqual([
      [EMPLOYER.userId, REPRESENTATIVE.userId, { from: "amo_representative", to: "employer_representative" }],
      [EMPLOYER.userId, "U_NEW", { from: null, to: "amo_representative" }],
      [EMPLOYER.userId, LEADER.userId, { from: "work_leader", to: null }],
    ]);
    const posts = t.chat.sent.filter((s) => s.op === "post");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe("C_AMO");
    const message = posts[0]?.message;
    expect(message?.kind === "text" && message.view.text).toBe(
      [
        "Mette Hansen har ændret rollerne i arbejdsmiljøarbejdet:",
        "• Ali Nielsen: arbejdsmiljørepræsentant → arbejdsgiverens repræsentant",
        "• Fatima Jensen: ingen rolle → arbejdsmiljørepræsentant",
        "• Søren Østergaard: arbejdsleder → ingen rolle",
      ].join("\n"),
    );

    // A retried submission is one change: no second announcement, no second audit line.
    await t.core.setupWorkspace(
      team.employer,
      setupOf([{ userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer", joinedAmoOn: null }]),
      "roles-1",
    );
    expect(t.chat.sent.filter((s) => s.op === "post")).toHaveLength(1);
  });

  it("names the action refused: the data export is not called deleting", async () => {
    const team = await setUpWorkspace(t.core);
    const error = await refusal(t.core.exportWorkspaceData(team.rep));
    expect(errorText("da", error)).toBe(
      "Det må du ikke: at hente alle arbejdspladsens data kræver rollen arbejdsgiver eller arbejdsgiverens repræsentant.",
    );
    const deleting = await refusal(t.core.requestDeletion(team.rep));
    expect(errorText("en", deleting)).toContain("deleting the workplace's data");
  });
});

describe.each(DRIVERS)("who may read the record, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("answers in the discussion's channel and privately to the roster, and refuses anywhere else", async () => {
    const team = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(team.employer, { channel: "C_MEETING" }, null);
    const held = await holdWholeDiscussion(t.core, team, discussion);
    await t.core.conclude(team.employer, { discussionId: held.id, expectedVersion: held.version }, null);

    const stranger = await t.core.context("slack", team.team, STRANGER);
    const at = (ctx: Ctx, conversation: string | null, isPrivate: boolean): Ctx => ({
      ...ctx,
      place: { conversation, private: isPrivate },
    });
    // Each read starts only when awaited, so a refusal is never left unhandled meanwhile.
    const reads = (ctx: Ctx): (() => Promise<unknown>)[] => [
      () => t.core.getSummary(ctx),
      () => t.core.exportYear(ctx),
      () => t.core.status(ctx),
      () => t.core.listOpen(ctx),
    ];

    // Anyone in the workplace's channel, or in the channel the discussion was held in.
    for (const channel of ["C_AMO", "C_MEETING"])
      for (const work of reads(at(stranger, channel, false))) await expect(work()).resolves.toBeTruthy();
    // A person on the roster, privately, from anywhere (a direct message, an answer only they see).
    for (const work of reads(at(team.rep, "D_ALI", true))) await expect(work()).resolves.toBeTruthy();

    // Elsewhere: a stranger privately, or even the employer in another channel where everyone would see it.
    for (const ctx of [at(stranger, "D_STRANGER", true), at(team.employer, "C_RANDOM", false)]) {
      for (const work of reads(ctx)) {
        const error = await refusal(work());
        expect(error.code).toBe("forbidden");
        expect(errorText("da", error)).toBe(
          "Det kan jeg kun vise i arbejdspladsens arbejdsmiljøkanal, eller privat til dem, der står i opsætningen. Spørg i kanalen.",
        );
      }
    }
    await expect(t.core.readAccess(at(team.rep, "D_ALI", true))).resolves.toBe("private");
    await expect(t.core.readAccess(at(stranger, "C_AMO", false))).resolves.toBe("channel");
  });

  it("lets an earlier year's channel read that year's record and nothing newer", async () => {
    const team = await setUpWorkspace(t.core);
    t.clock.now = new Date("2025-11-24T09:00:00Z");
    const first = await t.core.start(team.employer, { channel: "C_2025" }, null);
    const held = await holdWholeDiscussion(t.core, team, first.discussion);
    await t.core.conclude(team.employer, { discussionId: held.id, expectedVersion: held.version }, null);
    // In January, before this year's is planned, an export without a year is of the newest record, and says so.
    t.clock.now = new Date("2026-01-10T09:00:00Z");
    const privately: Ctx = { ...team.rep, place: { conversation: "D_ALI", private: true } };
    expect((await t.core.exportYear(privately)).year).toBe(2025);
    t.clock.now = new Date("2026-11-24T09:00:00Z");
    const { discussion: now } = await t.core.start(team.employer, { channel: "C_MEETING" }, null);
    const decision = { text: "Nyt lys", owner: { name: "Mette Hansen" }, deadline: "2027-03-01" };
    await t.core.record(
      team.employer,
      { discussionId: now.id, point: 1, kind: "decision", data: decision },
      null,
    );

    const stranger = await t.core.context("slack", team.team, STRANGER);
    const inOld: Ctx = { ...stranger, place: { conversation: "C_2025", private: false } };
    // 2025's own record stays readable where it was held and pinned.
    expect((await t.core.getSummary(inOld, 2025)).document.year).toBe(2025);
    expect((await t.core.exportYear(inOld, 2025)).year).toBe(2025);
    // Its open items are that year's: a decision and a goal, not this year's new decision.
    expect(await t.core.status(inOld, 2025)).toMatchObject({ year: 2025, openItems: 2 });
    expect((await t.core.discussionFollowUp(inOld, held.id)).map((i) => i.text)).toEqual([
      "Indkøb af lydabsorbenter",
      "Mindre støj i storrummet",
    ]);
    await expect(t.core.readAccess(inOld, 2025)).resolves.toBe("channel");
    // This year's, and what is open across the years, only in the workplace's channels or privately to the roster.
    const newer: (() => Promise<unknown>)[] = [
      () => t.core.getSummary(inOld),
      () => t.core.exportYear(inOld, 2026),
      () => t.core.status(inOld),
      () => t.core.listOpen(inOld),
      () => t.core.discussionFollowUp(inOld, now.id),
      () => t.core.readAccess(inOld),
    ];
    for (const work of newer) expect((await refusal(work())).code).toBe("forbidden");
    for (const channel of ["C_AMO", "C_MEETING"]) {
      const there: Ctx = { ...stranger, place: { conversation: channel, private: false } };
      expect((await t.core.listOpen(there)).map((i) => i.year).sort()).toEqual([2025, 2025, 2026]);
      expect(await t.core.status(there)).toMatchObject({ year: 2026, openItems: 3 });
    }
  });
});
