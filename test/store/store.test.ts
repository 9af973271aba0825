import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMigrations } from "../../adapters/index.ts";
import { initialState, transition } from "../../src/domain/discussion.ts";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { repos } from "../../src/store/index.ts";
import { loadMigrations, migrate } from "../../src/store/migrate.ts";
import { DRIVERS, plannedDiscussion, uniqueId } from "../helpers/db.ts";

describe.each(DRIVERS)("the store on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  const workspace = () => repos(db).workspaces.ensure("slack", uniqueId(), "Testfirma");
  it("has applied every migration once, and applying again does nothing", async () => {
    const all = await appMigrations();
    const recorded = await db.query<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id");
    expect(recorded.map((r) => r.id)).toEqual(all.map((m) => m.id).sort());
    expect(await migrate(db, all)).toEqual([]);
    expect(await migrate(db, await loadMigrations())).toEqual([]);
  });

  it("runs concurrent migrations without applying one twice", async () => {
    const id = `999_concurrency_${Date.now()}`;
    const extra = [{ id, sql: `CREATE TABLE t_${id} (x int);` }];
    const results = await Promise.all([migrate(db, extra), migrate(db, extra), migrate(db, extra)]);
    expect(results.flat()).toEqual([id]);
    await db.query(`DROP TABLE t_${id}`);
    await db.query("DELETE FROM schema_migrations WHERE id = $1", [id]);
  });

  it("tries a migration again when PostgreSQL ends it to break a deadlock, and no other failure", async () => {
    const id = `999_deadlock_${Date.now()}`;
    // A sequence is not rolled back with the transaction: it counts the tries.
    await db.query(`CREATE SEQUENCE tries_${id}`);
    const failingFirst = (code: string) => ({
      id,
      sql: `DO $$ BEGIN IF nextval('tries_${id}') = 1 THEN RAISE EXCEPTION 'ended' USING ERRCODE = '${code}'; END IF; END $$;`,
    });
    expect(await migrate(db, [failingFirst("40P01")])).toEqual([id]);
    const tries = async () =>
      Number((await db.query<{ n: string }>(`SELECT last_value AS n FROM tries_${id}`))[0]?.n);
    expect(await tries()).toBe(2);
    await db.query("DELETE FROM schema_migrations WHERE id = $1", [id]);

    await db.query(`ALTER SEQUENCE tries_${id} RESTART`);
    await expect(migrate(db, [failingFirst("23505")])).rejects.toMatchObject({ code: "23505" });
    expect(await tries()).toBe(1);
    expect(await db.query("SELECT 1 FROM schema_migrations WHERE id = $1", [id])).toEqual([]);
    await db.query(`DROP SEQUENCE tries_${id}`);
  });

  it("rolls a failed transaction back whole", async () => {
    const ws = await workspace();
    await expect(
      db.transaction(async (tx) => {
        await repos(tx).audit.write(ws.id, "U1", "test.action", null);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await repos(db).audit.list(ws.id)).toEqual([]);
  });

  it("creates a workspace once per platform and external id", async () => {
    const r = repos(db);
    const external = uniqueId();
    const a = await r.workspaces.ensure("slack", external, "A");
    const b = await r.workspaces.ensure("slack", external);
    const c = await r.workspaces.ensure("teams", external);
    expect(b.id).toBe(a.id);
    expect(b.name).toBe("A");
    expect(c.id).not.toBe(a.id);
    expect(a.timeZone).toBe("Europe/Copenhagen");
    expect(a.language).toBe("da");
  });

  it("keeps one discussion per workspace and year, with eleven agenda items", async () => {
    const ws = await workspace();
    const r = repos(db);
    const fields = {
      organiserId: "U1",
      channelId: "C1",
      scheduledAt: null,
      durationMinutes: null,
      location: null,
      participants: [],
    };
    const d = await r.discussions.create(ws.id, { year: 2026, ...fields });
    expect(d?.status).toBe("planned");
    expect(await r.discussions.create(ws.id, { year: 2026, ...fields })).toBeNull();
    expect((await r.discussions.agenda(ws.id, d!.id)).map((i) => i.key)).toEqual([
      "minute_taker",
      "new_amo_members",
      "management_announcements",
      "apv",
      "instruction",
      "accidents",
      "past_year",
      "coming_year",
      "cooperation",
      "competences",
      "any_other_business",
    ]);
  });

  it("applies a state only from the version it was computed on", async () => {
    const ws = await workspace();
    const r = repos(db);
    const d = await plannedDiscussion(db, ws.id);
    const started = transition(initialState(), { type: "start" });
    if (!started.ok) throw new Error("start refused");
    const first = await r.discussions.applyState(ws.id, d.id, d.version, started.state);
    const second = await r.discussions.applyState(ws.id, d.id, d.version, started.state);
    expect(first?.version).toBe(d.version + 1);
    expect(second).toBeNull();
    expect((await r.discussions.agenda(ws.id, d.id))[0]?.status).toBe("active");
  });

  it("scopes every read to the workspace", async () => {
    const a = await workspace();
    const b = await workspace();
    const r = repos(db);
    const d = await plannedDiscussion(db, a.id);
    const e = await r.entries.insert(a.id, {
      discussionId: d.id,
      point: 1,
      kind: "note",
      data: { text: "hej" },
      authorId: "U1",
      ownerId: null,
      deadline: null,
      status: null,
    });
    expect(await r.discussions.get(b.id, d.id)).toBeNull();
    expect(await r.entries.get(b.id, e.id)).toBeNull();
    expect(await r.entries.remove(b.id, e.id)).toBe(false);
    expect(await r.entries.forDiscussion(b.id, d.id)).toEqual([]);
    await expect(
      r.entries.insert(b.id, {
        discussionId: d.id,
        point: 1,
        kind: "note",
        data: {},
        authorId: "U2",
        ownerId: null,
        deadline: null,
        status: null,
      }),
    ).rejects.toThrow();
  });

  it("stores dates as plain calendar dates and entries as JSON", async () => {
    const ws = await workspace();
    const r = repos(db);
    const d = (await r.discussions.create(ws.id, {
      year: 2027,
      organiserId: "U1",
      channelId: null,
      scheduledAt: new Date("2027-01-05T09:00:00Z"),
      durationMinutes: 60,
      location: "Kantinen",
      participants: [{ name: "Åse Ørsted", role: "employer" }],
    }))!;
    const e = await r.entries.insert(ws.id, {
      discussionId: d.id,
      point: 8,
      kind: "goal",
      data: { text: "Mål æøå", successCriterion: "Målt" },
      authorId: "U1",
      ownerId: "U2",
      deadline: "2027-12-31",
      status: "open",
    });
    expect(e.deadline).toBe("2027-12-31");
    expect(e.data).toEqual({ text: "Mål æøå", successCriterion: "Målt" });
    const again = await r.discussions.get(ws.id, d.id);
    expect(again?.scheduledAt?.toISOString()).toBe("2027-01-05T09:00:00.000Z");
    expect(again?.participants).toEqual([{ name: "Åse Ørsted", role: "employer" }]);
    const open = await r.entries.open(ws.id);
    expect(open.map((o) => [o.id, o.year])).toEqual([[e.id, 2027]]);
  });

  it("gives a point's newest entries oldest first, with the count of all, leaving out removed ones", async () => {
    const ws = await workspace();
    const r = repos(db);
    const d = await plannedDiscussion(db, ws.id);
    // In one transaction every entry has the same created_at: the order recorded must still hold.
    const note = (point: number, text: string, into = r) =>
      into.entries.insert(ws.id, {
        discussionId: d.id,
        point,
        kind: "note",
        data: { text },
        authorId: "U1",
        ownerId: null,
        deadline: null,
        status: null,
      });
    const made = await db.transaction(async (tx) => {
      const inOne = [];
      for (let i = 1; i <= 7; i++) inOne.push(await note(3, `n${i}`, repos(tx)));
      return inOne;
    });
    await note(4, "other point");
    await r.entries.remove(ws.id, made[6]!.id);
    const latest = await r.entries.latestForPoint(ws.id, d.id, 3, 4);
    expect(latest.map((e) => (e.data as { text: string }).text)).toEqual(["n3", "n4", "n5", "n6"]);
    expect(await r.entries.latestForPoint(ws.id, d.id, 5, 4)).toEqual([]);
    const kept = await r.discussions.agenda(ws.id, d.id);
    expect(kept.find((i) => i.number === 3)?.entryCount).toBe(6);
  });

  it("hands a message slot to one claimer only", async () => {
    const ws = await workspace();
    const r = repos(db);
    const d = await plannedDiscussion(db, ws.id);
    const claims = await Promise.all([1, 2, 3].map(() => r.discussions.claimMessage(ws.id, d.id, 1)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await r.discussions.setMessage(ws.id, d.id, 1, { channel: "C1", id: "111.222" });
    expect(await r.discussions.pointByMessage(ws.id, "C1", "111.222")).toEqual({
      discussionId: d.id,
      point: 1,
    });
    expect(await r.discussions.claimMessage(ws.id, d.id, 1)).toBe(false);
  });

  it("returns the first result for a repeated idempotency key", async () => {
    const ws = await workspace();
    const first = await db.transaction(async (tx) => {
      const r = repos(tx);
      const claimed = await r.idempotency.claim(ws.id, "k1");
      await r.idempotency.complete(ws.id, "k1", { n: 1 });
      return claimed;
    });
    expect(first).toBeNull();
    const second = await db.transaction((tx) => repos(tx).idempotency.claim(ws.id, "k1"));
    expect(second).toEqual({ result: { n: 1 } });
  });
});

// PGlite has no pool: this runs where the suite has a PostgreSQL server (TEST_DATABASE_URL), as in CI.
if (process.env.TEST_DATABASE_URL)
  describe("the PostgreSQL pool", () => {
    it("keeps an idle connection past node-postgres's 10 s, so the first clicks after a quiet spell find one open", async () => {
      const db = openPg(process.env.TEST_DATABASE_URL as string, 2);
      try {
        const backend = async () =>
          (await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))[0]?.pid;
        const first = await backend();
        await new Promise((resolve) => setTimeout(resolve, 10_500));
        expect(await backend()).toBe(first);
      } finally {
        await db.close();
      }
    }, 20_000);
  });
