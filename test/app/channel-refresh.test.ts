import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PointView } from "../../src/app/chat-port.ts";
import { type AppError, StaleError } from "../../src/app/errors.ts";
import { channelBusy } from "../../src/app/sync.ts";
import type { Db } from "../../src/store/db.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

/** A discussion started and moved to point 2, with the "next" button of the view before the move kept. */
async function startedAndMovedOnce(core: TestCore["core"]) {
  const { employer, rep } = await setUpWorkspace(core);
  const { discussion } = await core.start(employer, {}, null);
  const old = {
    discussionId: discussion.id,
    expectedVersion: discussion.version,
    move: { type: "next" },
  } as const;
  const moved = await core.move(employer, old, null);
  return { employer, rep, discussion, old, moved };
}

describe.each(DRIVERS)("the channel kept in step with what is stored, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  it("refuses a click from a screen that is behind at once when the channel is up to date, and refreshes a channel that is not", async () => {
    const { core, chat } = t;
    const { employer, rep, discussion, old, moved } = await startedAndMovedOnce(core);
    expect(moved.synced).toBe(true);
    // The channel shows the move; a click from a screen that had not caught up changes nothing and sends nothing.
    const sent = chat.sent.length;
    await expect(core.move(rep, old, null)).rejects.toMatchObject({ code: "stale" });
    expect(chat.sent.length).toBe(sent);

    // A refresh that failed leaves the channel behind: the next out-of-date click refreshes it.
    chat.failNext = 1;
    const current = { ...old, expectedVersion: moved.discussion.version };
    const failed = await core.move(employer, current, null);
    expect(failed.synced).toBe(false);
    const before = chat.sent.length;
    await expect(core.move(rep, current, null)).rejects.toMatchObject({ code: "stale" });
    const refreshed = chat.sent.slice(before).filter((s) => s.op === "update");
    expect(refreshed.map((s) => s.message?.kind)).toContain("board");
    const board = refreshed.find((s) => s.message?.kind === "board")?.message;
    expect(board?.kind === "board" ? board.view.currentPoint : null).toBe(3);

    // While a refresh is under way, a click from a view that is behind is refused at once (not after the refresh),
    // and a round after it is asked for, which shows the channel as stored now.
    const release = chat.holdUpdates();
    const underWay = core.sync(employer, discussion.id);
    try {
      const refused = core.move(rep, current, null).then(
        () => "moved",
        (error: AppError) => error.code,
      );
      const waited = new Promise<string>((r) => setTimeout(() => r("still waiting"), 2_000));
      expect(await Promise.race([refused, waited])).toBe("stale");
    } finally {
      release();
    }
    await underWay;
    // The round after is waiting its turn (a busy channel's rounds start a second apart).
    expect(channelBusy(discussion.id).busy).toBe(true);
    await core.sync(employer, discussion.id);

    // A refresh is trusted for two seconds (another instance's older drawing may reach the channel after it): a
    // click from a view that is behind after that refreshes the channel again. (The faked clock is PGlite's too;
    // nothing is written meanwhile.)
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 2_500);
      const sentBefore = chat.sent.length;
      await expect(core.move(rep, current, null)).rejects.toMatchObject({ code: "stale" });
      expect(chat.sent.slice(sentBefore).map((s) => s.message?.kind)).toContain("board");
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses an old button in a busy meeting without asking the database, and still tells other workspaces and current buttons apart", async () => {
    let statements = 0;
    const counted: Db = Object.assign(Object.create(db) as Db, {
      query: (...args: Parameters<Db["query"]>) => {
        statements++;
        return db.query(...args);
      },
      transaction: (...args: Parameters<Db["transaction"]>) => {
        statements++;
        return db.transaction(...args);
      },
    });
    const { core, chat } = testCore(counted);
    const { employer, rep, discussion, old, moved } = await startedAndMovedOnce(core);

    const release = chat.holdUpdates();
    const underWay = core.sync(employer, discussion.id); // a refresh under way: the channel is busy
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const before = statements;
      await expect(core.move(rep, old, null)).rejects.toBeInstanceOf(StaleError);
      expect(statements).toBe(before);

      // The same ids from another workspace are not this workspace's discussion, whatever this process knows of it.
      const other = await setUpWorkspace(core);
      await expect(core.move(other.rep, old, null)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      release();
    }
    await underWay;
    // A button from the version the channel shows still moves.
    const next = await core.move(rep, { ...old, expectedVersion: moved.discussion.version }, null);
    expect(next.discussion.currentPoint).toBe(3);
  });

  it("answers a note in a busy channel without waiting for the refresh, saying so when the last refresh failed", async () => {
    const { core, chat } = t;
    const { employer } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const note = (text: string) =>
      core.record(
        employer,
        { discussionId: discussion.id, point: 1, kind: "note", data: { text } },
        `${discussion.id}-${text}`,
        // As a Teams card's answer asks: at once in a busy channel, otherwise after the refresh (or a minute).
        { answerInBusyChannel: true, waitForChannelMs: 60_000 },
      );
    // In a quiet channel the refresh starts at once, and the answer waits for it.
    expect((await note("En")).synced).toBe(true);
    // While a refresh is under way, the round after it (a second later) will show the note: the answer comes at once.
    let release = chat.holdUpdates();
    const underWay = core.sync(employer, discussion.id);
    const second = await note("To");
    expect(second.synced).toBeNull();
    release();
    await underWay;
    // The answer carries the round that shows the note: it worked.
    expect(await second.shown).toBe(true);
    await core.sync(employer, discussion.id);

    // The channel's refresh fails: a note in a quiet channel waits for it and hears so; then, while the next
    // refresh is under way, a note hears that the channel was behind at the last try.
    chat.failNext = 1;
    expect((await note("Tre")).synced).toBe(false);
    release = chat.holdUpdates();
    const retried = core.sync(employer, discussion.id);
    const fourth = await note("Fire");
    expect(fourth.synced).toBe(false);
    release();
    expect(await fourth.shown).toBe(true);
    expect(await retried).toBe(true);
    expect(await core.sync(employer, discussion.id)).toBe(true);
    const shown = chat.sent.filter((s) => s.op === "update" && s.message?.kind === "point").at(-1)?.message;
    expect(shown?.kind === "point" ? shown.view.entryCount : 0).toBe(4);
  });

  it("gives a note asked with its view the point read along, and a refused click the point its view showed", async () => {
    const { core } = t;
    const { employer, rep } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const text = (view: PointView | null | undefined) => view?.entries.map((e) => e.described.text);
    const input = { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Læst med" } };
    const noted = await core.record(rep, input, "along-1", { withView: true });
    expect(noted.view?.number).toBe(1);
    expect(text(noted.view)).toEqual(["Læst med"]);
    expect((await core.record(rep, input, "along-2")).view).toBeUndefined();

    const old = {
      discussionId: discussion.id,
      expectedVersion: discussion.version,
      move: { type: "next" },
    } as const;
    await core.move(employer, old, null);
    const refused = await core.move(rep, { ...old, showing: 1 }, null).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StaleError);
    const view = (refused as StaleError).view;
    expect(view?.number).toBe(1);
    expect(view?.isCurrent).toBe(false);
    expect(text(view)).toEqual(["Læst med", "Læst med"]);
    // Without a point shown, the refusal carries none.
    const bare = await core.move(rep, old, null).catch((error: unknown) => error);
    expect((bare as StaleError).view).toBeNull();
  });

  it("answers a point asked for by several at once from one read, and a later ask with what changed since", async () => {
    const { core } = t;
    const { employer, rep } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const note = (text: string, key: string) =>
      core.record(employer, { discussionId: discussion.id, point: 1, kind: "note", data: { text } }, key);
    await note("Første", `${discussion.id}-1`);
    // The first ask goes at once; the two that came meanwhile are answered from one read, with one view.
    const views = await Promise.all(
      [employer, rep, employer].map((who) => core.pointView(who, discussion.id, 1)),
    );
    expect(views.map((v) => v?.entries.map((e) => e.described.text))).toEqual([
      ["Første"],
      ["Første"],
      ["Første"],
    ]);
    expect(views[1]).toBe(views[2]);
    await note("Anden", `${discussion.id}-2`);
    const later = await core.pointView(rep, discussion.id, 1);
    expect(later?.entries.map((e) => e.described.text)).toEqual(["Første", "Anden"]);
  });

  /** `count` notes on point 1 of a new running discussion, all at once: the point's updates sent meanwhile. */
  async function busyPoint(count: number, keyPrefix: string) {
    const { core, chat } = t;
    const { employer } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const before = chat.sent.length;
    const began = Date.now();
    const recorded = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        core.record(
          employer,
          { discussionId: discussion.id, point: 1, kind: "note", data: { text: `Note ${i + 1}` } },
          `${keyPrefix}-${discussion.id}-${i}`,
        ),
      ),
    );
    const updates = chat.sent
      .slice(before)
      .filter((s) => s.op === "update" && s.message?.kind === "point" && s.ref?.id !== undefined);
    return { began, recorded, updates };
  }

  it("refreshes a busy channel about once a second, not once per change, and shows every change", async () => {
    const { began, recorded, updates } = await busyPoint(12, "busy");
    expect(recorded.every((r) => r.synced)).toBe(true);
    // The first change is shown at once; the eleven that came while it was shown, together, a second later.
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.length).toBeLessThanOrEqual(3);
    // Rounds start a second apart, the first after `began`, so the last update goes out at least a second after it
    // (the updates themselves go out after each round's reads, which a busy machine slows by different amounts).
    // Without the gap all would be out within milliseconds.
    expect((updates.at(-1)?.at ?? 0) - began).toBeGreaterThanOrEqual(1000);
    const last = updates.at(-1)?.message;
    const shown = last?.kind === "point" ? last.view : null;
    expect(shown?.entryCount).toBe(12);
    expect(shown?.entries).toHaveLength(12);
  });

  it("waits a drawn gap, up to a quarter of a second more, before a busy channel's next round", async () => {
    // The longest gap drawn (Math.random is the platform's; only the draw is fixed here).
    const draw = vi.spyOn(Math, "random").mockReturnValue(0.99);
    const { began, updates } = await busyPoint(4, "gap").finally(() => draw.mockRestore());
    // The first round at once, the second 1,247.5 ms after the first began.
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect((updates.at(-1)?.at ?? 0) - began).toBeGreaterThanOrEqual(1240);
  });
});
