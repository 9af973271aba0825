import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { repos } from "../../src/store/index.ts";
import { migrate } from "../../src/store/migrate.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

// Needs a real server to take away; CI always sets TEST_DATABASE_URL (see .ci/run).
describe.runIf(serverUrl)("PostgreSQL going away mid-discussion and coming back", () => {
  const name = `outage_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let admin: Db;
  let db: Db;
  beforeAll(async () => {
    admin = openPg(serverUrl as string, 1);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    db = openPg(url.toString());
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  const takeAway = async () => {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  };
  const bringBack = () => admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);

  it("tells users to try again while it is gone, and carries on without a restart when it is back", async () => {
    const { core } = testCore(db);
    const team = await setUpWorkspace(core);
    const { discussion } = await core.start(team.employer, {}, null);
    await core.record(
      team.employer,
      { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Før" } },
      null,
    );

    await takeAway();
    for (let i = 0; i < 3; i++) {
      await expect(
        core.record(
          team.employer,
          { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Under" } },
          `k${i}`,
        ),
      ).rejects.toMatchObject({ code: "temporary", retryable: true, messageKey: "error.temporary" });
    }
    await expect(core.status(team.employer)).rejects.toMatchObject({ code: "temporary" });

    await bringBack();
    await core.record(
      team.employer,
      { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Efter" } },
      "k0",
    );
    const { discussion: moved } = await core.move(
      team.employer,
      { discussionId: discussion.id, expectedVersion: discussion.version, move: { type: "next" } },
      null,
    );
    expect(moved.currentPoint).toBe(2);
    const notes = (await repos(db).entries.forDiscussion(team.workspace.id, discussion.id)).map(
      (e) => (e.data as { text: string }).text,
    );
    expect(notes).toEqual(["Før", "Efter"]);
  });
});
