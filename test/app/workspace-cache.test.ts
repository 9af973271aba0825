import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkspaceCache } from "../../src/app/workspace-cache.ts";
import type { Db } from "../../src/store/db.ts";
import { repos, type Workspace } from "../../src/store/index.ts";
import { EMPLOYER, setUpWorkspace, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

/** How the store reads a workspace by its platform id. */
const WORKSPACE_READ = "SELECT * FROM workspaces WHERE platform";

describe.each(DRIVERS)("the workspace a request names, on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  it("shows a change made through this instance at once: setup, language, uninstall and reinstall", async () => {
    const { core } = testCore(db);
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
      async query<T>(sql: string, params?: readonly unknown[]) {
        const rows = await db.query<T>(sql, params);
        if (holdNext && sql.startsWith(WORKSPACE_READ)) {
          holdNext = false;
          await held;
        }
        return rows;
      },
    });
    const { core } = testCore(slow);
    const { employer, workspace } = await setUpWorkspace(core);
    const team = workspace.externalId;
    await new Promise((resolve) => setTimeout(resolve, 2100)); // what setUp read has expired
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

  it("reads a workspace once for all the requests that ask while it is being read", async () => {
    let reads = 0;
    const counting: Db = Object.assign(Object.create(db) as Db, {
      async query<T>(sql: string, params?: readonly unknown[]) {
        if (sql.startsWith(WORKSPACE_READ)) reads++;
        return db.query<T>(sql, params);
      },
    });
    const { workspace } = await setUpWorkspace(testCore(db).core);
    // A second instance, which has not read it yet: a busy meeting's requests come to it at once.
    const { core } = testCore(counting);
    const asked = await Promise.all(
      Array.from({ length: 8 }, () => core.context("slack", workspace.externalId, EMPLOYER)),
    );
    expect(reads).toBe(1);
    expect(new Set(asked.map((c) => c.workspace.id))).toEqual(new Set([workspace.id]));
    // A name the platform gives differently is a read of its own (it may write the new name).
    await Promise.all([
      core.context("slack", workspace.externalId, EMPLOYER, "Kontoret A/S"),
      core.context("slack", workspace.externalId, EMPLOYER, "Kontoret A/S"),
    ]);
    expect(reads).toBe(2);
  });

  it("does not give a request that came after a change a read begun before it", async () => {
    const { core, team, pending, release } = await readHeldAcrossChange();
    // The read begun before the change is still under way; this request reads anew.
    expect((await core.context("slack", team, EMPLOYER)).workspace.language).toBe("en");
    release();
    expect((await pending).workspace.language).toBe("da");
  });

  it("reads a workspace in use again before its time runs out, while its requests are answered from what is kept", async () => {
    // Every read after the first waits until let go.
    let reads = 0;
    const waiting: (() => void)[] = [];
    const counting: Db = Object.assign(Object.create(db) as Db, {
      async query<T>(sql: string, params?: readonly unknown[]) {
        if (sql.startsWith(WORKSPACE_READ) && ++reads > 1)
          await new Promise<void>((resolve) => waiting.push(resolve));
        return db.query<T>(sql, params);
      },
    });
    const letGo = () => {
      for (const resolve of waiting.splice(0)) resolve();
    };
    const { workspace } = await setUpWorkspace(testCore(db).core);
    const { core } = testCore(counting);
    const ask = async () => (await core.context("slack", workspace.externalId, EMPLOYER)).workspace.language;
    expect(await ask()).toBe("da");
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past half of its two seconds, not past them
    // Another instance changes it.
    await db.query("UPDATE workspaces SET language = 'en' WHERE id = $1", [workspace.id]);
    // Read again, and held: the requests meanwhile are answered from what is kept, and start no read of their own.
    expect(await Promise.all(Array.from({ length: 4 }, ask))).toEqual(["da", "da", "da", "da"]);
    expect(reads).toBe(2);
    letGo();
    // Once that read is in, the change is seen without another read.
    let seen = "da";
    for (let waited = 0; seen === "da" && waited < 2000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await ask();
    }
    expect(seen).toBe("en");
    expect(reads).toBe(2);
    letGo();
  });

  it("reads the workspace again when the platform names it differently", async () => {
    const { core } = testCore(db);
    const { workspace } = await setUpWorkspace(core);
    await core.context("slack", workspace.externalId, EMPLOYER);
    const renamed = await core.context("slack", workspace.externalId, EMPLOYER, "Kontoret A/S");
    expect(renamed.workspace.name).toBe("Kontoret A/S");
    expect((await repos(db).workspaces.get(workspace.id))?.name).toBe("Kontoret A/S");
  });
});

describe("WorkspaceCache", () => {
  const workspace = (id: string, externalId: string): Workspace => ({
    id,
    platform: "slack",
    externalId,
    name: "",
    headcount: 25,
    timeZone: "Europe/Copenhagen",
    language: "da",
    defaultChannel: null,
    settings: {},
    installed: true,
    installedBy: null,
  });

  it("keeps a workspace for its time, so another instance's change is seen after it at the latest", () => {
    const clock = { now: 0 };
    const cache = new WorkspaceCache(2000, () => clock.now);
    cache.put(workspace("w1", "T1"));
    expect(cache.get("slack", "T1")?.id).toBe("w1");
    expect(cache.get("teams", "T1")).toBeNull();
    expect(cache.due("slack", "T1")).toBe(false);
    clock.now = 1000;
    expect(cache.due("slack", "T1")).toBe(true);
    expect(cache.get("slack", "T1")?.id).toBe("w1");
    clock.now = 1999;
    expect(cache.get("slack", "T1")?.id).toBe("w1");
    clock.now = 2000;
    expect(cache.get("slack", "T1")).toBeNull();
  });

  it("forgets everything at once, and keeps nothing when its time is zero", () => {
    const cache = new WorkspaceCache(2000, () => 0);
    cache.put(workspace("w1", "T1"));
    cache.put(workspace("w2", "T2"));
    expect(cache.get("slack", "T2")?.id).toBe("w2");
    cache.forgetAll();
    expect(cache.get("slack", "T1")).toBeNull();
    expect(cache.get("slack", "T2")).toBeNull();
    const off = new WorkspaceCache(0, () => 0);
    off.put(workspace("w1", "T1"));
    expect(off.get("slack", "T1")).toBeNull();
  });
});
