import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryDocument } from "../../src/domain/summary.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, plannedDiscussion, uniqueId } from "../helpers/db.ts";

/** What the core asks of the store through its ports beyond plain reads and writes, on every driver. */
describe.each(DRIVERS)("the store behind the core's ports on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  const workspace = () => repos(db).workspaces.ensure("slack", uniqueId(), "Testfirma");
  const document = (version: number) =>
    summaryDocument({
      language: "da",
      command: "/arbejdsmiljø",
      workspaceName: "Kontoret ApS",
      year: 2026,
      status: "concluded",
      heldAt: new Date("2026-12-06T09:00:00Z"),
      concludedAt: new Date("2026-12-06T10:40:00Z"),
      timeZone: "Europe/Copenhagen",
      location: null,
      channelName: "#arbejdsmiljø",
      headcount: 6,
      participants: [{ name: "Mette Hansen", role: "employer" }],
      points: [],
      entries: [
        {
          id: "d1",
          point: 8,
          kind: "decision",
          data: { text: "Nye stole", deadline: "2027-02-01" },
          status: "open",
        },
      ],
      completeness: { complete: true, legal: [], duties: [], goodPractice: [] },
      concludedBy: "Mette Hansen",
      overrideReason: null,
      version,
      lastYearGoals: [],
    });
  const summary = (discussionId: string, version: number) => ({
    discussionId,
    version,
    language: "da",
    content: `# Referat v${version}`,
    sha256: "0".repeat(64),
    createdBy: "U1",
    message: null,
    document: document(version),
  });

  it("keeps what each summary version says as it was written, its times as times", async () => {
    const r = repos(db);
    const ws = await workspace();
    const d = await plannedDiscussion(db, ws.id);
    await r.summaries.insert(ws.id, summary(d.id, 1));
    const read = await r.summaries.latest(ws.id, d.id);
    expect(read?.document).toEqual(document(1));
    expect(read?.document?.heldAt).toBeInstanceOf(Date);
    expect(read?.document?.plannedAt).toBeNull();
  });

  it("runs a port transaction on one connection and rolls it back whole", async () => {
    const ws = await workspace();
    const store = storePort(db);
    await expect(
      store.transaction(async (r) => {
        await r.audit.write(ws.id, "U1", "test.action", null);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await repos(db).audit.list(ws.id)).toEqual([]);
    await store.transaction((r) => r.audit.write(ws.id, "U1", "test.kept", null));
    expect((await repos(db).audit.list(ws.id)).map((a) => a.action)).toEqual(["test.kept"]);
  });

  it("gives the newest audit records of the actions asked for, oldest of them first, of one workspace", async () => {
    const ws = await workspace();
    const other = await workspace();
    const r = repos(db);
    for (const action of ["a.kept", "b.noise", "a.kept", "c.kept", "b.noise", "a.kept"])
      await r.audit.write(ws.id, "U1", action, null, { n: action });
    await r.audit.write(other.id, "U9", "a.kept", null);
    const recent = await r.audit.recent(ws.id, ["a.kept", "c.kept"], 3);
    expect(recent.map((a) => a.action)).toEqual(["a.kept", "c.kept", "a.kept"]);
    expect((await r.audit.recent(ws.id, ["a.kept", "c.kept"], 10)).map((a) => a.action)).toEqual([
      "a.kept",
      "a.kept",
      "c.kept",
      "a.kept",
    ]);
    expect((await r.audit.recent(other.id, ["a.kept"], 10)).map((a) => a.actorId)).toEqual(["U9"]);
  });

  it("gives every row of one workspace, by table, and none of another's", async () => {
    const ws = await workspace();
    const other = await workspace();
    const r = repos(db);
    await r.members.replace(ws.id, [{ userId: "U1", name: "Mette", role: "employer", joinedAmoOn: null }]);
    await r.members.replace(other.id, [{ userId: "U9", name: "Ole", role: "employer", joinedAmoOn: null }]);
    const d = await plannedDiscussion(db, ws.id);
    const rows = await r.workspaces.rowsOf(ws.id);
    expect(Object.keys(rows)).toEqual([
      "members",
      "discussions",
      "agenda_items",
      "entries",
      "summaries",
      "approvals",
      "reminders",
      "audit_log",
      "round_invites",
      "round_answers",
      "person_languages",
    ]);
    expect(rows.members?.map((m) => m.user_id)).toEqual(["U1"]);
    expect(rows.discussions?.map((x) => x.id)).toEqual([d.id]);
    expect(rows.agenda_items).toHaveLength(11);
    expect(rows.entries).toEqual([]);
  });

  it("keeps the preparation round's invites apart from its answers, one named answer each, per workspace", async () => {
    const r = repos(db);
    const ws = await workspace();
    const other = await workspace();
    const d = await plannedDiscussion(db, ws.id);
    expect(await r.round.invite(ws.id, d.id, "U1")).toBe(true);
    expect(await r.round.invite(ws.id, d.id, "U1")).toBe(false);
    expect(await r.round.invite(ws.id, d.id, "U2")).toBe(true);
    await r.round.saveAnswer(ws.id, d.id, "U1", { points: { 4: "Støj" }, accidents: 1, nearMisses: null });
    await r.round.saveAnswer(ws.id, d.id, "U1", { points: { 8: "Lys" }, accidents: null, nearMisses: 2 });
    await r.round.saveAnswer(ws.id, d.id, null, { points: { 5: "A" }, accidents: null, nearMisses: null });
    await r.round.saveAnswer(ws.id, d.id, null, { points: { 5: "B" }, accidents: null, nearMisses: null });
    await r.round.markAnswered(ws.id, d.id, "U1");
    expect(await r.round.invites(ws.id, d.id)).toEqual([
      { userId: "U1", answered: true },
      { userId: "U2", answered: false },
    ]);
    expect(await r.round.answerOf(ws.id, d.id, "U1")).toMatchObject({ points: { 8: "Lys" }, nearMisses: 2 });
    const all = await r.round.answers(ws.id, d.id);
    expect(all.map((a) => a.respondentId).sort()).toEqual(["U1", null, null]);
    expect(await r.round.answers(other.id, d.id)).toEqual([]);
    expect(await r.round.invites(other.id, d.id)).toEqual([]);
    expect(await r.round.lockInvite(other.id, d.id, "U1")).toBeNull();
    // A figure out of range is refused by the database as well.
    await expect(
      r.round.saveAnswer(ws.id, d.id, "U2", { points: {}, accidents: -1, nearMisses: null }),
    ).rejects.toThrow();
  });

  it("deletes only the workspaces uninstalled longer ago than the days given", async () => {
    const r = repos(db);
    const [kept, gone, installed] = [await workspace(), await workspace(), await workspace()];
    await r.workspaces.setInstalled(kept.id, false);
    await r.workspaces.setInstalled(gone.id, false);
    await db.query("UPDATE workspaces SET uninstalled_at = $2 WHERE id = $1", [
      gone.id,
      new Date("2026-01-01"),
    ]);
    await db.query("UPDATE workspaces SET uninstalled_at = $2 WHERE id = $1", [
      kept.id,
      new Date("2026-03-15"),
    ]);
    expect(await r.workspaces.purgeUninstalled(new Date("2026-04-15T00:00:00Z"), 90)).toBe(1);
    expect(await r.workspaces.get(gone.id)).toBeNull();
    expect(await r.workspaces.get(kept.id)).not.toBeNull();
    expect(await r.workspaces.get(installed.id)).not.toBeNull();
  });

  it("lists the discussions with a summary never posted, in installed workspaces only", async () => {
    const r = repos(db);
    const [waiting, posted, uninstalled] = [await workspace(), await workspace(), await workspace()];
    const ids = new Set([waiting.id, posted.id, uninstalled.id]);
    const discussions = new Map<string, string>();
    for (const ws of [waiting, posted, uninstalled]) {
      const d = await plannedDiscussion(db, ws.id);
      discussions.set(ws.id, d.id);
      await r.summaries.insert(ws.id, summary(d.id, 1));
    }
    await r.summaries.setMessage(posted.id, discussions.get(posted.id) as string, 1, {
      channel: "C1",
      id: "1.2",
    });
    await r.workspaces.setInstalled(uninstalled.id, false);
    const unposted = (await r.summaries.unposted()).filter((u) => ids.has(u.workspaceId));
    expect(unposted).toEqual([{ workspaceId: waiting.id, discussionId: discussions.get(waiting.id) }]);
    // A claim just taken is its owner's: not listed until the claim is stale.
    expect(await r.summaries.claimMessage(waiting.id, discussions.get(waiting.id) as string, 1)).toBe(true);
    expect((await r.summaries.unposted()).filter((u) => ids.has(u.workspaceId))).toEqual([]);
  });
});
