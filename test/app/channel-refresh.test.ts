import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PointView } from "../../src/app/chat-port.ts";
import { StaleError } from "../../src/app/errors.ts";
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

  it("refuses a click from a screen that is behind, sends an up-to-date channel nothing, and brings one that is behind up to date", async () => {
    const { core, chat } = t;
    const { employer, rep, old, moved } = await startedAndMovedOnce(core);
    expect(moved.synced).toBe(true);
    // The channel shows what is stored already: the refused click sends nothing to it.
    const shownBefore = chat.sent.length;
    await expect(core.move(rep, old, null)).rejects.toBeInstanceOf(StaleError);
    expect(chat.sent.slice(shownBefore)).toEqual([]);
    expect((await core.status(employer)).discussion?.currentPoint).toBe(2);

    // A refresh that failed leaves the channel behind: the next out-of-date click refreshes it.
    chat.failNext = 1;
    const current = { ...old, expectedVersion: moved.discussion.version };
    const failed = await core.move(employer, current, null);
    expect(failed.synced).toBe(false);
    const before = chat.sent.length;
    await expect(core.move(rep, current, null)).rejects.toMatchObject({ code: "stale" });
    const refreshed = chat.sent.slice(before).filter((s) => s.op === "update");
    const board = refreshed.find((s) => s.message?.kind === "board")?.message;
    expect(board?.kind === "board" ? board.view.currentPoint : null).toBe(3);
    // A button from the version stored still moves.
    const next = await core.move(rep, { ...old, expectedVersion: failed.discussion.version }, null);
    expect(next.discussion.currentPoint).toBe(4);
  });

  it("does not take another workspace's ids for this workspace's discussion", async () => {
    const { core } = t;
    const { old } = await startedAndMovedOnce(core);
    const other = await setUpWorkspace(core);
    await expect(core.move(other.rep, old, null)).rejects.toMatchObject({ code: "not_found" });
    expect(await core.pointView(other.rep, old.discussionId, 1)).toBeNull();
  });

  it("keeps a note whose refresh failed, says so, and shows it with the next refresh", async () => {
    const { core, chat } = t;
    const { employer } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const note = (text: string, options = {}) =>
      core.record(
        employer,
        { discussionId: discussion.id, point: 1, kind: "note", data: { text } },
        `${discussion.id}-${text}`,
        options,
      );
    expect((await note("En")).synced).toBe(true);
    chat.failNext = 1;
    expect((await note("To")).synced).toBe(false);
    // As a Teams card's answer asks: after the refresh, or after a while with the refresh still to tell.
    const release = chat.holdUpdates();
    const third = await note("Tre", { waitForChannelMs: 50 });
    expect(third.synced).toBeNull();
    release();
    expect(await third.shown).toBe(true);
    expect(await core.sync(employer, discussion.id)).toBe(true);
    const shown = chat.sent.filter((s) => s.op === "update" && s.message?.kind === "point").at(-1)?.message;
    expect(shown?.kind === "point" ? shown.view.entryCount : 0).toBe(3);
  });

  it("gives a note asked with its view the point as it is, and a refused click the point its view showed", async () => {
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

  it("answers a point asked for with what is stored, and a later ask with what changed since", async () => {
    const { core } = t;
    const { employer, rep } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const note = (text: string, key: string) =>
      core.record(employer, { discussionId: discussion.id, point: 1, kind: "note", data: { text } }, key);
    await note("Første", `${discussion.id}-1`);
    const first = await core.pointView(rep, discussion.id, 1);
    expect(first?.entries.map((e) => e.described.text)).toEqual(["Første"]);
    await note("Anden", `${discussion.id}-2`);
    const later = await core.pointView(rep, discussion.id, 1);
    expect(later?.entries.map((e) => e.described.text)).toEqual(["Første", "Anden"]);
  });

  it("shows every one of many notes arriving at once", async () => {
    const { core, chat } = t;
    const { employer } = await setUpWorkspace(core);
    const { discussion } = await core.start(employer, {}, null);
    const recorded = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        core.record(
          employer,
          { discussionId: discussion.id, point: 1, kind: "note", data: { text: `Note ${i + 1}` } },
          `busy-${discussion.id}-${i}`,
        ),
      ),
    );
    expect(recorded.every((r) => r.synced)).toBe(true);
    await core.sync(employer, discussion.id);
    const last = chat.sent.filter((s) => s.op === "update" && s.message?.kind === "point").at(-1)?.message;
    const shown = last?.kind === "point" ? last.view : null;
    expect(shown?.entryCount).toBe(12);
    expect(shown?.entries).toHaveLength(12);
  });
});
