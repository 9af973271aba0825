import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewEntry } from "../../src/domain/entities.ts";
import type { Db } from "../../src/store/db.ts";
import { openPglite } from "../../src/store/drivers/pglite.ts";
import { repos } from "../../src/store/index.ts";
import { loadMigrations, migrate } from "../../src/store/migrate.ts";
import { DRIVERS, plannedDiscussion, startDiscussion, uniqueId } from "../helpers/db.ts";

type At = { workspaceId: string; discussionId: string };

async function runningDiscussion(db: Db): Promise<At> {
  const ws = await repos(db).workspaces.ensure("slack", uniqueId(), "Testfirma");
  const d = await plannedDiscussion(db, ws.id);
  await startDiscussion(db, ws.id, d);
  return { workspaceId: ws.id, discussionId: d.id };
}

/** The counts as counting every entry would give them. */
async function counted(db: Db, at: At): Promise<Map<number, number>> {
  const rows = await db.query<{ point: number; n: string }>(
    `SELECT point, count(*) AS n FROM entries WHERE workspace_id = $1 AND discussion_id = $2 AND deleted_at IS NULL
     GROUP BY point`,
    [at.workspaceId, at.discussionId],
  );
  return new Map(rows.map((r) => [r.point, Number(r.n)]));
}

/** The counts the database keeps with each point (what cards and the board show), for points that hold any. */
async function keptCounts(db: Db, at: At): Promise<Map<number, number>> {
  const items = await repos(db).discussions.agenda(at.workspaceId, at.discussionId);
  return new Map(items.filter((i) => i.entryCount > 0).map((i) => [i.number, i.entryCount]));
}

const entry = (at: At, point: number, kind: NewEntry["kind"], text: string): NewEntry => ({
  discussionId: at.discussionId,
  point,
  kind,
  data: { text },
  authorId: "U1",
  ownerId: null,
  deadline: null,
  status: kind === "decision" ? "open" : null,
});

describe.each(DRIVERS)("each point's entry count, kept by the database, on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  it("counts notes stored at once and entries stored one by one, replaced, removed, edited and done", async () => {
    const at = await runningDiscussion(db);
    const r = repos(db).entries;
    // Thirty notes arriving at once, on two points.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction((tx) =>
          repos(tx).entries.insert(at.workspaceId, entry(at, i % 2 === 0 ? 1 : 4, "note", `Note ${i}`)),
        ),
      ),
    );
    // A point's single answer replaced (the earlier one removed), an entry removed, a decision edited and done.
    await r.insert(at.workspaceId, entry(at, 2, "minute_taker", "Ali"));
    const replacing = await r.insert(at.workspaceId, entry(at, 2, "minute_taker", "Mette"));
    await r.removeKind(at.workspaceId, at.discussionId, "minute_taker", replacing.id);
    const removed = await r.insert(at.workspaceId, entry(at, 3, "note", "Fortrudt"));
    await r.remove(at.workspaceId, removed.id);
    const decision = await r.insert(at.workspaceId, entry(at, 3, "decision", "Ny stol"));
    await r.update(at.workspaceId, decision.id, {
      data: { text: "To nye stole" },
      ownerId: null,
      deadline: null,
    });
    await r.setStatus(at.workspaceId, decision.id, "done", new Date());

    const expected = new Map([
      [1, 15],
      [2, 1],
      [3, 1],
      [4, 15],
    ]);
    expect(await counted(db, at)).toEqual(expected);
    expect(await keptCounts(db, at)).toEqual(expected);
    const newest = await r.latestForPoint(at.workspaceId, at.discussionId, 1, 10);
    expect(newest).toHaveLength(10);
    expect(await r.latestForPoint(at.workspaceId, at.discussionId, 5, 10)).toEqual([]);
  });

  it("keeps each discussion's counts to itself", async () => {
    const [a, b] = [await runningDiscussion(db), await runningDiscussion(db)];
    const r = repos(db).entries;
    await r.insert(a.workspaceId, entry(a, 1, "note", "Kun i A"));
    expect(await keptCounts(db, a)).toEqual(new Map([[1, 1]]));
    expect(await keptCounts(db, b)).toEqual(new Map());
  });
});

describe("the entry counts of a database from before they were kept", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(async () => db?.close());

  it("are filled in by the migration that starts keeping them", async () => {
    const migrations = await loadMigrations();
    const keeping = migrations.findIndex((m) => m.id === "007_entry_counts");
    // The repositories of today write and read later columns (the installer, the channel's name, the stand-in, the
    // record's people): those come along.
    const laterColumns = [
      "010_installer_and_expiring_files",
      "012_discussion_channel_name",
      "014_employees_and_stand_in",
      "023_discussion_record_people",
    ];
    const later = migrations.filter((m) => laterColumns.includes(m.id));
    await migrate(db, [...migrations.slice(0, keeping), ...later]);
    const at = await runningDiscussion(db);
    const r = repos(db).entries;
    for (const text of ["En", "To", "Tre"]) await r.insert(at.workspaceId, entry(at, 1, "note", text));
    const gone = await r.insert(at.workspaceId, entry(at, 6, "note", "Fjernet"));
    await r.remove(at.workspaceId, gone.id);
    await r.insert(at.workspaceId, entry(at, 6, "note", "Bliver"));

    await migrate(db, migrations);
    expect(await keptCounts(db, at)).toEqual(
      new Map([
        [1, 3],
        [6, 1],
      ]),
    );
  });
});
