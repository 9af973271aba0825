import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { pointNow, recordRunningNote, recordRunningNoteAndRead } from "../../src/store/gathered.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, plannedDiscussion, startDiscussion, uniqueId } from "../helpers/db.ts";

describe.each(DRIVERS)("requests arriving at once, gathered into shared statements, on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  async function runningDiscussion() {
    const ws = await repos(db).workspaces.ensure("slack", uniqueId(), "Testfirma");
    const d = await plannedDiscussion(db, ws.id);
    await startDiscussion(db, ws.id, d);
    return { workspaceId: ws.id, discussionId: d.id };
  }

  const note = (at: { workspaceId: string; discussionId: string }, key: string, text: string) => ({
    ...at,
    key,
    point: 1,
    data: { text },
    authorId: "U1",
    source: "form",
  });

  it("records each of many notes arriving at once, once, answering each with its own entry, in few commits", async () => {
    const at = await runningDiscussion();
    const texts = Array.from({ length: 50 }, (_, i) => `Note ${i + 1}`);
    const entries = await Promise.all(
      texts.map((text, i) => recordRunningNote(db, note(at, `b-${i}`, text))),
    );
    expect(entries.map((e) => (e?.data as { text: string } | undefined)?.text)).toEqual(texts);
    const stored = await repos(db).entries.forDiscussion(at.workspaceId, at.discussionId);
    expect(stored.map((e) => e.id).sort()).toEqual(entries.map((e) => e?.id).sort());
    for (const [i, entry] of entries.entries())
      expect(await repos(db).idempotency.result(at.workspaceId, `b-${i}`)).toMatchObject({ id: entry?.id });
    // Notes sent in one statement share its transaction's time: 50 notes took far fewer than 50 commits.
    const commits = new Set(stored.map((e) => e.createdAt.getTime()));
    expect(commits.size).toBeLessThan(10);
    // The first goes at once, alone; the rest wait and go together, stored in the order they came.
    const together = stored
      .map((e) => (e.data as { text: string }).text)
      .filter((t) => Number(t.slice(5)) > 1);
    expect(together).toEqual(texts.slice(1));
  });

  it("reads a note's point along with it, as stored with the note in it, for notes arriving at once", async () => {
    const at = await runningDiscussion();
    const other = await runningDiscussion();
    for (let i = 1; i <= 4; i++) await recordRunningNote(db, note(at, `early-${i}`, `Tidlig ${i}`));
    const texts = Array.from({ length: 8 }, (_, i) => `Samtidig ${i + 1}`);
    const answers = await Promise.all([
      ...texts.map((text, i) => recordRunningNoteAndRead(db, note(at, `along-${i}`, text), 10)),
      recordRunningNoteAndRead(db, { ...note(other, "along-other", "Andet sted"), point: 3 }, 5),
      recordRunningNoteAndRead(db, note(at, "along-none", "Uden læsning"), 0),
    ]);
    const text = (e: { data: unknown }) => (e.data as { text: string }).text;
    // Each answer holds its own note, in its point's newest ten (the first went alone, when there were five).
    for (const [i, answer] of answers.slice(0, 8).entries()) {
      expect(answer?.entry.data).toEqual({ text: texts[i] });
      expect(answer?.now?.latest.entries.map((e) => e.id)).toContain(answer?.entry.id);
      expect(answer?.now?.latest.entries).toHaveLength(i === 0 ? 5 : 10);
      expect(answer?.now?.latest.total).toBe(i === 0 ? 5 : 4 + 8 + 1);
    }
    expect(answers[8]?.now?.latest).toEqual({ entries: [answers[8]?.entry], total: 1 });
    expect(answers[8]?.now?.agenda.find((i) => i.number === 3)?.entryCount).toBe(1);
    expect(answers[9]?.now).toBeNull();
    // The last note's read is the point as stored once all were recorded (nothing else wrote meanwhile).
    const last = await recordRunningNoteAndRead(db, note(at, "along-last", "Sidst"), 5);
    const fresh = await pointNow(db, { ...at, point: 1, limit: 5 });
    expect(last?.now).toEqual(fresh);
    expect(last?.now?.latest.total).toBe(4 + 8 + 1 + 1);
    expect(last?.now?.latest.entries.map(text).at(-1)).toBe("Sidst");
    expect(last?.now?.agenda).toEqual(await repos(db).discussions.agenda(at.workspaceId, at.discussionId));
  });

  it("leaves a note's point unread when an entry was committed while the note waited for the discussion", async () => {
    const at = await runningDiscussion();
    await recordRunningNote(db, note(at, "held-0", "Før"));
    let waiting: Promise<Awaited<ReturnType<typeof recordRunningNoteAndRead>>> | undefined;
    await db.transaction(async (tx) => {
      // Another writer holds the discussion and records an entry; the note comes meanwhile and waits for it.
      await tx.query("SELECT id FROM discussions WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [
        at.workspaceId,
        at.discussionId,
      ]);
      await repos(tx).entries.insert(at.workspaceId, {
        discussionId: at.discussionId,
        point: 1,
        kind: "note",
        data: { text: "Imens" },
        authorId: "U2",
        ownerId: null,
        deadline: null,
        status: null,
      });
      waiting = recordRunningNoteAndRead(db, note(at, "held-1", "Efter"), 10);
      // On PostgreSQL, until the note's statement is seen waiting for the lock (PGlite runs one thing at a time).
      if (db.driver === "pg")
        for (let seen = 0; seen === 0; ) {
          const rows = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO entries%'`,
          );
          seen = rows[0]?.n ?? 0;
        }
    });
    const answer = await waiting;
    expect(answer?.entry.data).toEqual({ text: "Efter" });
    const texts = await repos(db).entries.forDiscussion(at.workspaceId, at.discussionId);
    expect(texts.map((e) => e.data)).toEqual([{ text: "Før" }, { text: "Imens" }, { text: "Efter" }]);
    // Never a card without the entry committed meanwhile: on PostgreSQL the statement's snapshot missed it, so the
    // point is left to a fresh read; PGlite ran the note after the writer, and its read holds all three.
    if (db.driver === "pg") expect(answer?.now).toBeNull();
    else expect(answer?.now?.latest.entries.map((e) => e.data)).toEqual(texts.map((e) => e.data));
  });

  it("still reads and records after a migration adds columns to the tables its kept statements read", async () => {
    const at = await runningDiscussion();
    const read = async () => {
      const now = await pointNow(db, { ...at, point: 1, limit: 5 });
      return now && { version: now.discussion.version, texts: now.latest.entries.map((e) => e.data) };
    };
    // One at a time, so each runs on the connection the one before used, where it is kept prepared (PostgreSQL).
    expect(await recordRunningNote(db, note(at, "before-1", "Før"))).not.toBeNull();
    const before = await read();
    await db.query("ALTER TABLE discussions ADD COLUMN later_column text");
    await db.query("ALTER TABLE entries ADD COLUMN later_column text");
    try {
      expect(await read()).toEqual(before);
      expect(await recordRunningNote(db, note(at, "after-1", "Efter"))).toMatchObject({
        data: { text: "Efter" },
      });
      expect((await read())?.texts).toEqual([{ text: "Før" }, { text: "Efter" }]);
    } finally {
      await db.query("ALTER TABLE discussions DROP COLUMN later_column");
      await db.query("ALTER TABLE entries DROP COLUMN later_column");
    }
  });

  it("fails only the note that is wrong when notes share a statement, whatever the error", async () => {
    const at = await runningDiscussion();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        recordRunningNote(db, {
          ...note(at, `mixed-${i}`, `Note ${i}`),
          // Point 99 breaks a check constraint; an id that is no uuid would break the whole statement's cast.
          ...(i === 7 ? { point: 99 } : {}),
          ...(i === 9 ? { discussionId: "not-a-uuid" } : {}),
        }),
      ),
    );
    expect(outcomes[7]).toMatchObject({ status: "rejected", reason: { code: "23514" } });
    expect(outcomes[9]).toEqual({ status: "fulfilled", value: null });
    const others = outcomes.filter((_, i) => i !== 7 && i !== 9);
    expect(others.every((o) => o.status === "fulfilled" && o.value !== null)).toBe(true);
    const stored = await repos(db).entries.forDiscussion(at.workspaceId, at.discussionId);
    expect(stored).toHaveLength(10);
  });

  it("gives each note its own outcome when a shared statement meets a key used before", async () => {
    const at = await runningDiscussion();
    await recordRunningNote(db, note(at, "used", "Først"));
    // Many at once, so they share statements; one of them repeats the used key.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        recordRunningNote(db, note(at, i === 12 ? "used" : `fresh-${i}`, `Note ${i}`)),
      ),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([
      { status: "rejected", reason: expect.objectContaining({ code: "23505" }) },
    ]);
    expect(outcomes[12]?.status).toBe("rejected");
    const stored = await repos(db).entries.forDiscussion(at.workspaceId, at.discussionId);
    expect(stored).toHaveLength(20);
  });

  it("answers null for a note whose discussion is not running, and records the others with it", async () => {
    const at = await runningDiscussion();
    const gone = { ...at, discussionId: crypto.randomUUID() };
    const [kept, refused] = await Promise.all([
      recordRunningNote(db, note(at, "k-kept", "Bliver")),
      recordRunningNote(db, note(gone, "k-gone", "Forsvinder")),
    ]);
    expect(kept?.discussionId).toBe(at.discussionId);
    expect(refused).toBeNull();
  });

  it("answers many version checks at once, each for its own discussion, workspace and key", async () => {
    const a = await runningDiscussion();
    const b = await runningDiscussion();
    await recordRunningNote(db, note(a, "seen-key", "Med nøgle"));
    const version = async (at: { workspaceId: string; discussionId: string }) =>
      (await repos(db).discussions.get(at.workspaceId, at.discussionId))?.version;
    const [va, vb] = [await version(a), await version(b)];
    const asks = [
      { ...a, key: null },
      { ...b, key: "seen-key" },
      { ...a, key: "seen-key" },
      { workspaceId: a.workspaceId, discussionId: b.discussionId, key: null },
      { ...a, discussionId: crypto.randomUUID(), key: null },
    ];
    // Asked together (more than the statements under way at once), answered each in turn: no point (0) and no
    // entries, as a click with nothing to show asks.
    const answers = await Promise.all(
      [...asks, ...asks].map(async (ask) => {
        const now = await pointNow(db, { ...ask, point: 0, limit: 0 });
        return now && { version: now.discussion.version, keyUsed: now.keyUsed, entries: now.latest.entries };
      }),
    );
    const expected = [
      { version: va, keyUsed: false, entries: [] },
      { version: vb, keyUsed: false, entries: [] },
      { version: va, keyUsed: true, entries: [] },
      null,
      null,
    ];
    expect(answers).toEqual([...expected, ...expected]);
  });

  it("reads the points many ask for at once, each once, and answers each with its own point, limit and workspace", async () => {
    const a = await runningDiscussion();
    const b = await runningDiscussion();
    for (let i = 1; i <= 5; i++) await recordRunningNote(db, note(a, `a-${i}`, `A ${i}`));
    await recordRunningNote(db, { ...note(b, "b-1", "B 1"), point: 2 });
    const asks = [
      { ...a, point: 1, limit: 3 },
      { ...a, point: 1, limit: 30 },
      { ...b, point: 2, limit: 30 },
      { ...b, point: 1, limit: 30 },
      { workspaceId: a.workspaceId, discussionId: b.discussionId, point: 1, limit: 30 },
      { ...a, discussionId: "not-a-uuid", point: 1, limit: 30 },
    ];
    const text = (e: { data: unknown }) => (e.data as { text: string }).text;
    // Asked together, each several times (more than the statements under way at once), through a database that
    // counts its statements.
    const statements: string[] = [];
    const counting: Db = {
      driver: db.driver,
      backlog: () => db.backlog(),
      close: () => db.close(),
      transaction: (fn) => db.transaction(fn),
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
    };
    const answers = await Promise.all([...asks, ...asks, ...asks].map((ask) => pointNow(counting, ask)));
    // Read alone, the 15 asks with valid ids would take 15 statements; the first goes at once, alone, and the
    // fourteen that came meanwhile go together, in one.
    expect(statements).toHaveLength(2);
    const shown = answers.map((n) =>
      n === null
        ? null
        : {
            discussion: n.discussion.id,
            agenda: n.agenda.map((i) => i.number),
            texts: n.latest.entries.map(text),
            total: n.latest.total,
          },
    );
    const agenda = Array.from({ length: 11 }, (_, i) => i + 1);
    const expected = [
      { discussion: a.discussionId, agenda, texts: ["A 3", "A 4", "A 5"], total: 5 },
      { discussion: a.discussionId, agenda, texts: ["A 1", "A 2", "A 3", "A 4", "A 5"], total: 5 },
      { discussion: b.discussionId, agenda, texts: ["B 1"], total: 1 },
      { discussion: b.discussionId, agenda, texts: [], total: 0 },
      null,
      null,
    ];
    expect(shown).toEqual([...expected, ...expected, ...expected]);
    // The discussion and agenda as read alone; the entries whole, as stored.
    const r = repos(db);
    expect(answers[0]?.discussion).toEqual(await r.discussions.get(a.workspaceId, a.discussionId));
    expect(answers[0]?.agenda).toEqual(await r.discussions.agenda(a.workspaceId, a.discussionId));
    const stored = await r.entries.forDiscussion(a.workspaceId, a.discussionId);
    expect(answers[1]?.latest.entries).toEqual(stored);
    // An id written in capitals is the same discussion.
    const shouted = await pointNow(db, {
      ...a,
      discussionId: a.discussionId.toUpperCase(),
      point: 1,
      limit: 3,
    });
    expect(shouted?.latest.entries.map(text)).toEqual(["A 3", "A 4", "A 5"]);
  });
});
