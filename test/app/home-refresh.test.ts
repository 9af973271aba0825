import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { EMPLOYER, LEADER, REPRESENTATIVE, setUpWorkspace, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

/** Each person's own page (Slack's App Home) drawn again when what it shows changes, without their opening it. */
describe("own pages redrawn after a change", () => {
  let db: Db;
  beforeAll(async () => {
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
  });
  afterAll(() => db?.close());

  /** Waits until the redraws begun have drawn this many pages (nobody waits for them otherwise). */
  const drawn = (chat: { homes: unknown[] }, count: number) =>
    vi.waitFor(() => expect(chat.homes.length).toBeGreaterThanOrEqual(count), { timeout: 5000 });
  const itemsOn = (
    homes: { userId: string; view: { mine: { described: { text: string } }[] } }[],
    id: string,
  ) =>
    homes
      .filter((h) => h.userId === id)
      .at(-1)
      ?.view.mine.map((m) => m.described.text) ?? null;

  it("redraws everyone's on planning, the owner's on a decision, and both owners' when it changes hands", async () => {
    const { core, chat } = testCore(db);
    const { employer } = await setUpWorkspace(core);
    await core.schedule(employer, { date: "2026-12-14", time: "10:00" }, null);
    await drawn(chat, 3);
    expect(new Set(chat.homes.map((h) => h.userId))).toEqual(
      new Set([EMPLOYER.userId, REPRESENTATIVE.userId, LEADER.userId]),
    );
    expect(chat.homes.every((h) => h.view.next?.scheduledAt)).toBe(true);

    const { discussion } = await core.start(employer, {}, null);
    await drawn(chat, 6);
    chat.homes = [];
    const data = { text: "Nye kontorstole", owner: { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name } };
    const { entry } = await core.record(
      employer,
      { discussionId: discussion.id, point: 8, kind: "decision", data: { ...data, deadline: "2027-01-15" } },
      null,
    );
    await drawn(chat, 1);
    expect(chat.homes.map((h) => h.userId)).toEqual([REPRESENTATIVE.userId]);
    expect(itemsOn(chat.homes, REPRESENTATIVE.userId)?.join()).toContain("Nye kontorstole");

    chat.homes = [];
    await core.editEntry(
      employer,
      {
        entryId: entry.id,
        data: { ...data, owner: { id: LEADER.userId, name: LEADER.name }, deadline: "2027-01-15" },
      },
      null,
    );
    await drawn(chat, 2);
    expect(itemsOn(chat.homes, LEADER.userId)?.join()).toContain("Nye kontorstole");
    expect(itemsOn(chat.homes, REPRESENTATIVE.userId)).toEqual([]);
  });

  it("draws the others' pages when one person's cannot be drawn", async () => {
    const { core, chat } = testCore(db);
    const { employer } = await setUpWorkspace(core);
    chat.refuseHome.add(EMPLOYER.userId);
    await core.schedule(employer, { date: "2026-12-15", time: "10:00" }, null);
    await drawn(chat, 2);
    expect(new Set(chat.homes.map((h) => h.userId))).toEqual(new Set([REPRESENTATIVE.userId, LEADER.userId]));
  });
});
