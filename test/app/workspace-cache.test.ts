import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, QueryOptions } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { EMPLOYER, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

/** Whether a statement is the store's read of a workspace by its platform id. */
const isWorkspaceRead = (sql: string) => /^SELECT [^;]+ FROM workspaces WHERE platform/.test(sql);
const KEPT_MS = 2000;

/** Moves a test core's clock on. */
const later = (clock: TestCore["clock"], ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};

/** A database that counts the workspace reads by platform id. */
function counting(db: Db) {
  const counter = { reads: 0, db };
  counter.db = Object.assign(Object.create(db) as Db, {
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      if (isWorkspaceRead(sql)) counter.reads++;
      return db.query<T>(sql, params, options);
    },
  });
  return counter;
}

describe.each(DRIVERS)("the workspace a request names, on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  it("reuses a workspace read for its time, and sees another instance's change after it", async () => {
    const { workspace } = await setUpWorkspace(testCore(db).core);
    const watched = counting(db);
    const { core, clock } = testCore(watched.db, undefined, KEPT_MS);
    const ask = async () => (await core.context("slack", workspace.externalId, EMPLOYER)).workspace.language;
    expect(await ask()).toBe("da");
    // Another instance changes it: this one answers from what it read, for the time it keeps it.
    await db.query("UPDATE workspaces SET language = 'en' WHERE id = $1", [workspace.id]);
    later(clock, KEPT_MS - 1);
    expect(await ask()).toBe("da");
    expect(watched.reads).toBe(1);
    later(clock, 1);
    expect(await ask()).toBe("en");
    expect(watched.reads).toBe(2);
  });

  it("keeps nothing when its time is zero", async () => {
    const { workspace } = await setUpWorkspace(testCore(db).core);
    const watched = counting(db);
    const { core } = testCore(watched.db, undefined, 0);
    await core.context("slack", workspace.externalId, EMPLOYER);
    await core.context("slack", workspace.externalId, EMPLOYER);
    expect(watched.reads).toBe(2);
  });

  it("shows a change made through this instance at once: setup, language, uninstall and reinstall", async () => {
    const { core } = testCore(db, undefined, KEPT_MS);
    const { employer, workspace } = await setUpWorkspace(core);
    const team = workspace.externalId;
    expect((await core.context("slack", team, EMPLOYER)).workspace.language).toBe("da");
    const members = await repos(db).members.list(workspace.id);
    await core.setupWorkspace(
      employer,
      { headcount: 40, timeZone: "Europe/Copenhagen", language: "en", defaultChannel: "C_NEW", members },
      null,
    );
    const changed = (await core.context("slack", team, EMPLOYER)).workspace;
    expect(changed).toMatchObject({ language: "en", headcount: 40, defaultChannel: "C_NEW" });
    await core.markUninstalled("slack", team);
    expect((await core.context("slack", team, EMPLOYER)).workspace.installed).toBe(false);
    await core.markInstalled("slack", team, "Kontoret ApS");
    expect((await core.context("slack", team, EMPLOYER)).workspace.installed).toBe(true);
  });

  /**
   * A request whose workspace read is held after it has read the row, while the workspace is changed through the
   * same instance (to English); `release` lets the read finish.
   */
  async function readHeldAcrossChange() {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holdNext = false;
    const slow: Db = Object.assign(Object.create(db) as Db, {
      async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
        const rows = await db.query<T>(sql, params, options);
        if (holdNext && isWorkspaceRead(sql)) {
          holdNext = false;
          await held;
        }
        return rows;
      },
    });
    const { core, clock } = testCore(slow, undefined, KEPT_MS);
    const { employer, workspace } = await setUpWorkspace(core);
    const team = workspace.externalId;
    later(clock, KEPT_MS); // what setUp read has expired
    holdNext = true;
    const pending = core.context("slack", team, EMPLOYER);
    const members = await repos(db).members.list(workspace.id);
    await core.setupWorkspace(
      employer,
      { headcount: 40, timeZone: "Europe/Copenhagen", language: "en", defaultChannel: "C_NEW", members },
      null,
    );
    return { core, team, pending, release };
  }

  it("does not keep a row read while a change was being made (it may be the row from before the change)", async () => {
    const { core, team, pending, release } = await readHeldAcrossChange();
    release();
    expect((await pending).workspace.language).toBe("da");
    expect((await core.context("slack", team, EMPLOYER)).workspace.language).toBe("en");
  });

  it("does not give a request that came after a change a read begun before it", async () => {
    const { core, team, pending, release } = await readHeldAcrossChange();
    // The read begun before the change is still under way; this request reads anew.
    expect((await core.context("slack", team, EMPLOYER)).workspace.language).toBe("en");
    release();
    expect((await pending).workspace.language).toBe("da");
  });

  it("reads the workspace again when the platform names it differently", async () => {
    const { core } = testCore(db, undefined, KEPT_MS);
    const { workspace } = await setUpWorkspace(core);
    await core.context("slack", workspace.externalId, EMPLOYER);
    const renamed = await core.context("slack", workspace.externalId, EMPLOYER, "Kontoret A/S");
    expect(renamed.workspace.name).toBe("Kontoret A/S");
    expect((await repos(db).workspaces.get(workspace.id))?.name).toBe("Kontoret A/S");
  });
});
