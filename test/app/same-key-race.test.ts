import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

// Two connections at once: PGlite has one, so this runs on the real PostgreSQL (CI always sets TEST_DATABASE_URL).
const pg = DRIVERS.find((d) => d.name === "pg");

describe.runIf(pg)("two requests with the same key at once (PostgreSQL)", () => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await (pg as (typeof DRIVERS)[number]).open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("records the note once, and answers the second with the first one's entry", async () => {
    const { core } = t;
    const team = await setUpWorkspace(core);
    const { discussion } = await core.start(team.employer, {}, null);
    const key = `race-${discussion.id}`;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimed = () => {};
    const hasClaimed = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    // The first request, by hand: its key claimed, its discussion locked and its note stored once let go.
    const general = db.transaction(async (tx) => {
      const r = repos(tx);
      expect(await r.idempotency.claim(team.workspace.id, key)).toBeNull();
      claimed();
      await held;
      await r.discussions.get(team.workspace.id, discussion.id, true);
      const entry = await r.entries.insert(team.workspace.id, {
        discussionId: discussion.id,
        point: 1,
        kind: "note",
        data: { text: "Samme nøgle" },
        authorId: team.employer.actor.userId,
        ownerId: null,
        deadline: null,
        status: null,
      });
      await r.idempotency.complete(team.workspace.id, key, entry);
      return entry;
    });
    // The second request starts only once the first holds the key, however busy the machine.
    await hasClaimed;
    const note = core.record(
      team.employer,
      { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Samme nøgle" } },
      key,
    );
    // Once the second request waits for the first one's key, the first goes on.
    for (let i = 0; i < 100; i++) {
      const waiting = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (Number(waiting[0]?.n) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    const [first, recorded] = await Promise.all([general, note]);
    expect(recorded.entry.id).toBe(first.id);
    const notes = (await repos(db).entries.forDiscussion(team.workspace.id, discussion.id)).filter(
      (e) => e.kind === "note",
    );
    expect(notes.map((e) => e.id)).toEqual([first.id]);
  });
});
