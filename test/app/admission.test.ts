import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admission } from "../../src/app/admission.ts";
import type { Db } from "../../src/store/db.ts";
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
});
