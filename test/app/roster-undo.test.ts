import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  async function presenting(person: { id: string; name: string }, role = "amo_representative") {
    const team = await setUpWorkspace(t.core);
    const { discussion } = await t.core.start(team.employer, {}, null);
    const { entry } = await t.core.record(
      team.employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person, role, joinedOn: "2026-11-02" },
      },
      null,
    );
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
});
