import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admission } from "../../src/app/admission.ts";
import type { Db } from "../../src/store/db.ts";
import { recordRunningNote } from "../../src/store/gathered.ts";
import { DRIVERS } from "../helpers/db.ts";

/** Connections each driver opens (PGlite has one; the pg pool's default is ten). */
const CONNECTIONS = { pglite: 1, pg: 10 } as const;

describe.each(DRIVERS)("admission of requests answered before their work, on $name", ({ name, open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  /** Holds every connection in a transaction, with `queued` more waiting for one, until `release` is called. */
  async function behind(queued: number) {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = Array.from({ length: CONNECTIONS[name] + queued }, () => db.transaction(() => gate));
    while (db.backlog() < queued) await new Promise((resolve) => setTimeout(resolve, 1));
    return {
      release: async () => {
        release();
        await Promise.all(holding);
      },
    };
  }

  it("lets a request in at once while the database keeps up", async () => {
    const admit = admission(db, { limit: 3 });
    expect(db.backlog()).toBe(0);
    expect(admit()).toBeUndefined();
  });

  it("holds requests while queries queue up, then lets them in first come first served", async () => {
    const admit = admission(db, { limit: 3, maxWaitMs: 30_000 });
    const database = await behind(6);
    const order: string[] = [];
    const backlogWhenLetIn: number[] = [];
    const held = ["first", "second"].map((who) =>
      Promise.resolve(admit()).then(() => {
        order.push(who);
        backlogWhenLetIn.push(db.backlog());
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    await database.release();
    await Promise.all(held);
    expect(order).toEqual(["first", "second"]);
    for (const backlog of backlogWhenLetIn) expect(backlog).toBeLessThan(3);
  });

  it("never holds a request longer than its bound, however far behind the database is", async () => {
    const admit = admission(db, { limit: 1, maxWaitMs: 20 });
    const database = await behind(4);
    const held = admit();
    expect(held).toBeInstanceOf(Promise);
    await held;
    expect(db.backlog()).toBe(4);
    await database.release();
  });

  it("counts the notes waiting to go together in one statement, which no connection sees yet", async () => {
    const admit = admission(db, { limit: 3, maxWaitMs: 30_000 });
    const database = await behind(1);
    // Every connection is held once the pool is done connecting: one transaction waits.
    while (db.backlog() !== 1) await new Promise((resolve) => setTimeout(resolve, 1));
    // The first note's statement waits for a connection too; the notes after it wait for that statement, to go
    // together: two statements wait for a connection, fewer than the limit.
    const note = () =>
      recordRunningNote(db, {
        workspaceId: randomUUID(),
        discussionId: randomUUID(),
        key: randomUUID(),
        point: 1,
        data: { text: "Støj i kantinen" },
        authorId: "U1",
        source: "form",
      });
    const first = note();
    while (db.backlog() < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    const waiting = Array.from({ length: 500 }, note);
    expect(db.backlog()).toBe(2);
    let letIn = false;
    const held = Promise.resolve(admit()).then(() => {
      letIn = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(letIn).toBe(false);
    await database.release();
    // Those notes' discussions are not there: nothing is recorded, and each is answered.
    expect(await Promise.all([first, ...waiting])).toEqual(Array(501).fill(null));
    await held;
    expect(letIn).toBe(true);
  });
});
