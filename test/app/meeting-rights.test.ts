import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, errorText } from "../../src/app/errors.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { EMPLOYER, LEADER, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { concludedDiscussion } from "../helpers/fixture.ts";
import { refusal } from "../helpers/refusal.ts";

const STRANGER = { userId: "U_STRANGER", name: "Fremmed Person" };

describe.each(DRIVERS)("who may run and change the discussion, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  const strangerIn = async (team: { team: string }) => t.core.context("slack", team.team, STRANGER);

  it("lets only the employer's side plan or cancel the discussion, and choose its channel", async () => {
    const team = await setUpWorkspace(t.core);
    const stranger = await strangerIn(team);
    const plan = { date: "2026-12-10", time: "10:00", channel: "C_ELSEWHERE" };
    for (const ctx of [stranger, team.rep]) {
      await expect(t.core.checkPlanAccess(ctx)).rejects.toThrow(AppError);
      const error = await refusal(t.core.schedule(ctx, plan, null));
      expect(errorText("da", error)).toBe(
        "Det må du ikke: at planlægge eller aflyse drøftelsen kræver rollen arbejdsgiver eller arbejdsgiverens repræsentant.",
      );
    }
    expect(await repos(db).discussions.list(team.workspace.id)).toEqual([]);

    const { discussion } = await t.core.schedule(team.employer, { ...plan, channel: "C_AMO" }, null);
    const cancelled = await refusal(t.core.cancelPlanned(stranger, { discussionId: discussion.id }, null));
    expect(cancelled.code).toBe("forbidden");
    const kept = await repos(db).discussions.get(team.workspace.id, discussion.id);
    expect(kept).toMatchObject({ status: "planned", channelId: "C_AMO", organiserId: EMPLOYER.userId });
  });

  it("lets only the working-environment organisation start it, so no one opens one in a channel of their own", async () => {
    const team = await setUpWorkspace(t.core);
    const stranger = await strangerIn(team);
    const error = await refusal(t.core.start(stranger, { channel: "C_ELSEWHERE" }, null));
    expect(errorText("en", error)).toBe(
      "You may not do that: starting the discussion needs the role employer, employer's representative, working-environment representative, or supervisor.",
    );
    expect(await repos(db).discussions.list(team.workspace.id)).toEqual([]);
    const { discussion } = await t.core.start(team.rep, { channel: "C_AMO" }, null);
    expect(discussion).toMatchObject({ status: "running", channelId: "C_AMO" });
  });

  it("puts someone on the roster from point 2 only when the employer's side records it", async () => {
    const team = await setUpWorkspace(t.core);
    const stranger = await strangerIn(team);
    const { discussion } = await t.core.start(team.employer, {}, null);
    const presented = (ctx: typeof stranger, person: { id?: string; name: string }) =>
      t.core.record(
        ctx,
        {
          discussionId: discussion.id,
          point: 2,
          kind: "amo_member",
          data: { person, role: "amo_representative" },
        },
        null,
      );
    const self = await presented(stranger, { id: STRANGER.userId, name: STRANGER.name });
    const byRep = await presented(team.rep, { id: "U_NEW", name: "Ny Repræsentant" });
    const r = repos(db);
    // Both stay in the record; neither gives anyone a role.
    for (const { entry } of [self, byRep])
      expect(await r.entries.get(team.workspace.id, entry.id)).toBeTruthy();
    expect(await r.members.roleOf(team.workspace.id, STRANGER.userId)).toBeNull();
    expect(await r.members.roleOf(team.workspace.id, "U_NEW")).toBeNull();
    // Each writer is told, with the saved answer, that the setup is as it was and who changes it.
    for (const { notice } of [self, byRep])
      expect(notice).toBe(
        "Gemt i referatet. Opsætningen er ikke ændret, for nye medlemmer sættes på af arbejdsgiveren eller arbejdsgiverens repræsentant.",
      );

    const byEmployer = await presented(team.employer, { id: "U_NEW", name: "Ny Repræsentant" });
    expect(await r.members.roleOf(team.workspace.id, "U_NEW")).toBe("amo_representative");
    expect(byEmployer.notice).toBeUndefined();
    // The employer corrects the entry a month on: the roster follows, and keeps the day they joined. The
    // representative's own entry, edited, still does not.
    const joined = (await r.members.list(team.workspace.id)).find((m) => m.userId === "U_NEW")?.joinedAmoOn;
    t.clock.now = new Date(t.clock.now.getTime() + 30 * 86_400_000);
    await t.core.editEntry(
      team.employer,
      {
        entryId: byEmployer.entry.id,
        data: { person: { id: "U_NEW", name: "Ny Repræsentant" }, role: "work_leader" },
      },
      null,
    );
    expect(await r.members.roleOf(team.workspace.id, "U_NEW")).toBe("work_leader");
    expect((await r.members.list(team.workspace.id)).find((m) => m.userId === "U_NEW")?.joinedAmoOn).toBe(
      joined,
    );
    const edited = await t.core.editEntry(
      team.rep,
      {
        entryId: byRep.entry.id,
        data: { person: { id: "U_NEW", name: "Ny Repræsentant" }, role: "employer" },
      },
      null,
    );
    expect(edited.notice).toMatch(/^Gemt i referatet\. Opsætningen er ikke ændret/);
    expect(await r.members.roleOf(team.workspace.id, "U_NEW")).toBe("work_leader");
    // The employer's entry naming someone by name only cannot reach the roster either, and says what to do.
    const byName = await presented(team.employer, { name: "Kun Et Navn" });
    expect(byName.notice).toMatch(
      /^Gemt i referatet\. Personen er kun skrevet ind med navn.*vælg personen i opsætningen/,
    );
    expect((await r.members.list(team.workspace.id)).some((m) => m.name === "Kun Et Navn")).toBe(false);
  });

  it("tells a writer in English that point 2 left the setup alone, also when the save is repeated", async () => {
    const team = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(team.employer, {}, null);
    const rep = { ...team.rep, actor: { ...team.rep.actor, language: "en" as const } };
    const input = {
      discussionId: discussion.id,
      point: 2,
      kind: "amo_member",
      data: { person: { id: "U_NEW", name: "Ny Leder" }, role: "work_leader" },
    };
    const first = await t.core.record(rep, input, "point2-by-rep");
    const again = await t.core.record(rep, input, "point2-by-rep");
    for (const { notice } of [first, again])
      expect(notice).toBe(
        "Saved in the minutes. The setup has not been changed: new members are added to it by the employer or the employer's representative.",
      );
    expect(again.entry.id).toBe(first.entry.id);
  });

  it("refuses an amendment from someone not on the roster, and the approved record stays as it was", async () => {
    const team = await concludedDiscussion(t.core);
    const r = repos(db);
    const { version } = (await r.summaries.latest(team.workspace.id, team.discussion.id)) as {
      version: number;
    };
    await t.core.approve(team.employer, { discussionId: team.discussion.id, version }, null);
    await t.core.approve(team.rep, { discussionId: team.discussion.id, version }, null);
    expect((await r.discussions.get(team.workspace.id, team.discussion.id))?.status).toBe("approved");

    const stranger = await strangerIn(team);
    const note = { discussionId: team.discussion.id, point: 11, kind: "note", data: { text: "Tilføjet" } };
    const error = await refusal(t.core.record(stranger, { ...note, amend: true }, null));
    expect(errorText("da", error)).toBe(
      "Kun de personer, der står i opsætningen, kan tilføje til eller rette i et afsluttet referat.",
    );
    expect((await r.discussions.get(team.workspace.id, team.discussion.id))?.status).toBe("approved");
    expect((await r.summaries.list(team.workspace.id, team.discussion.id)).length).toBe(1);
    expect((await r.entries.forPoint(team.workspace.id, team.discussion.id, 11)).length).toBe(0);

    await t.core.record(team.rep, { ...note, amend: true }, null);
    expect((await r.summaries.list(team.workspace.id, team.discussion.id)).length).toBe(2);
  });

  it("lets a decision or goal be closed or postponed by its owner, its author or the organisation only", async () => {
    const team = await concludedDiscussion(t.core);
    const r = repos(db);
    const entries = await r.entries.forDiscussion(team.workspace.id, team.discussion.id);
    const goal = entries.find((e) => e.kind === "goal" && e.ownerId === LEADER.userId);
    if (!goal) throw new Error("the fixture's goal is missing");
    const stranger = await strangerIn(team);

    // Each change starts only when awaited, so a refusal is never left unhandled meanwhile.
    for (const work of [
      () => t.core.setEntryStatus(stranger, { entryId: goal.id, status: "done" }, null),
      () => t.core.postpone(stranger, { entryId: goal.id, deadline: "2027-09-01" }, null),
    ]) {
      const error = await refusal(work());
      expect(errorText("da", error)).toBe(
        "Det kan kun den ansvarlige, den der skrev det, eller arbejdsmiljøorganisationen ændre.",
      );
    }
    expect(await r.entries.get(team.workspace.id, goal.id)).toMatchObject({
      status: "open",
      deadline: goal.deadline,
    });

    await t.core.postpone(team.leader, { entryId: goal.id, deadline: "2027-09-01" }, null);
    await t.core.setEntryStatus(team.leader, { entryId: goal.id, status: "done" }, null);
    expect(await r.entries.get(team.workspace.id, goal.id)).toMatchObject({
      status: "done",
      deadline: "2027-09-01",
    });
  });
});
