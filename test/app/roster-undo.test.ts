import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../src/app/context.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { LEADER, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

const BIRGITTE = { id: "U_BIRGITTE", name: "Birgitte Holm" };
const JONAS = { id: "U_JONAS", name: "Jonas Friis" };

/** A point 2 entry corrected or taken back takes back what it did to the roster, and no more. */
describe.each(DRIVERS)("point 2 entries undone on the roster on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db, new Date("2026-11-24T09:00:00Z"));
  });
  afterAll(async () => db?.close());

  /** A point 2 entry by `ctx` presenting `person` as a representative who joined on 2 November. */
  const present = (ctx: Ctx, discussionId: string, person: { id: string; name: string }) =>
    t.core.record(
      ctx,
      {
        discussionId,
        point: 2,
        kind: "amo_member",
        data: { person, role: "amo_representative", joinedOn: "2026-11-02" },
      },
      null,
    );

  async function presenting(person: { id: string; name: string }) {
    const team = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(team.employer, {}, null);
    const { entry } = await present(team.employer, discussion.id, person);
    return { ...team, entry };
  }
  const roster = async (workspaceId: string) =>
    (await repos(db).members.list(workspaceId)).map((m) => `${m.name}: ${m.role} ${m.joinedAmoOn}`).sort();
  const training = async (workspaceId: string) =>
    (await repos(db).reminders.list(workspaceId, "pending"))
      .filter((r) => r.kind.startsWith("training."))
      .map((r) => r.subjectId);
  const told = () =>
    t.chat.sent
      .filter((s) => s.op === "post")
      .map((s) => (s.message?.kind === "text" ? s.message.view.text : ""))
      .join("\n");

  it("takes the person first named off again when the entry is corrected to another, and its second when removed", async () => {
    const { employer, workspace, entry } = await presenting(BIRGITTE);
    expect(await training(workspace.id)).toContain(`member:${BIRGITTE.id}`);

    await t.core.editEntry(
      employer,
      { entryId: entry.id, data: { person: JONAS, role: "amo_representative", joinedOn: "2026-11-02" } },
      "edit-1",
    );
    expect(await roster(workspace.id)).toEqual([
      "Ali Nielsen: amo_representative 2026-03-01",
      "Jonas Friis: amo_representative 2026-11-02",
      "Mette Hansen: employer null",
      "Søren Østergaard: work_leader null",
    ]);
    const reminded = await training(workspace.id);
    expect(reminded).toContain(`member:${JONAS.id}`);
    expect(reminded).not.toContain(`member:${BIRGITTE.id}`);
    expect(told()).toContain("• Birgitte Holm: arbejdsmiljørepræsentant → ingen rolle");
    expect(told()).toContain("• Jonas Friis: ingen rolle → arbejdsmiljørepræsentant");

    // The same removal twice (a retry) changes the roster once.
    await t.core.removeEntry(employer, { entryId: entry.id }, "remove-1");
    await t.core.removeEntry(employer, { entryId: entry.id }, "remove-1");
    expect(await roster(workspace.id)).toEqual([
      "Ali Nielsen: amo_representative 2026-03-01",
      "Mette Hansen: employer null",
      "Søren Østergaard: work_leader null",
    ]);
    expect(await training(workspace.id)).not.toContain(`member:${JONAS.id}`);
    expect(told()).toContain("• Jonas Friis: arbejdsmiljørepræsentant → ingen rolle");
    const undone = (await repos(db).audit.list(workspace.id)).filter(
      (a) => a.action === "member.role" && a.subjectId === JONAS.id && a.details.undone === true,
    );
    expect(undone).toHaveLength(1);
  });

  it("gives someone already on the roster back the role and joining date they had", async () => {
    const { employer, workspace, entry } = await presenting({ id: LEADER.userId, name: LEADER.name });
    expect(await roster(workspace.id)).toContain("Søren Østergaard: amo_representative 2026-11-02");
    expect(await training(workspace.id)).toContain(`member:${LEADER.userId}`);
    await t.core.removeEntry(employer, { entryId: entry.id }, null);
    expect(await roster(workspace.id)).toContain("Søren Østergaard: work_leader null");
    expect(await training(workspace.id)).not.toContain(`member:${LEADER.userId}`);
  });

  it("leaves the roster alone when the role was changed since, in the setup", async () => {
    const { employer, workspace, entry } = await presenting(BIRGITTE);
    const members = await repos(db).members.list(workspace.id);
    await t.core.setupWorkspace(
      employer,
      {
        headcount: 25,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: "C_AMO",
        members: members.map((m) => (m.userId === BIRGITTE.id ? { ...m, role: "work_leader" as const } : m)),
      },
      null,
    );
    await t.core.removeEntry(employer, { entryId: entry.id }, null);
    expect(await roster(workspace.id)).toContain("Birgitte Holm: work_leader 2026-11-02");
  });

  it("keeps someone another entry still presents", async () => {
    const { employer, workspace, entry } = await presenting(BIRGITTE);
    await present(employer, entry.discussionId, BIRGITTE);
    await t.core.removeEntry(employer, { entryId: entry.id }, null);
    expect(await roster(workspace.id)).toContain("Birgitte Holm: amo_representative 2026-11-02");
  });

  it("follows a correction to another person and back", async () => {
    const { employer, workspace, entry } = await presenting(BIRGITTE);
    const edit = (person: typeof BIRGITTE) =>
      t.core.editEntry(
        employer,
        { entryId: entry.id, data: { person, role: "amo_representative", joinedOn: "2026-11-02" } },
        null,
      );
    await edit(JONAS);
    await edit(BIRGITTE);
    const names = (await roster(workspace.id)).join("\n");
    expect(names).toContain("Birgitte Holm: amo_representative 2026-11-02");
    expect(names).not.toContain("Jonas Friis");
    await t.core.removeEntry(employer, { entryId: entry.id }, null);
    expect((await roster(workspace.id)).join("\n")).not.toContain("Birgitte Holm");
  });

  it("leaves one person on the roster when two corrections of one entry come at once", async () => {
    const { employer, workspace, entry } = await presenting(BIRGITTE);
    const CARL = { id: "U_CARL", name: "Carl Dahl" };
    const edit = (person: typeof BIRGITTE) =>
      t.core.editEntry(
        employer,
        { entryId: entry.id, data: { person, role: "amo_representative", joinedOn: "2026-11-02" } },
        null,
      );
    await Promise.all([edit(JONAS), edit(CARL)]);
    const named = (await repos(db).entries.get(workspace.id, entry.id))?.data as { person: { name: string } };
    const newcomers = (await roster(workspace.id)).filter((m) => /Birgitte|Jonas|Carl/.test(m));
    expect(newcomers).toEqual([`${named.person.name}: amo_representative 2026-11-02`]);
  });
});
