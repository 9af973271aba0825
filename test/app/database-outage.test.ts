import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMigrations, loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import type { Logger } from "../../src/app/context.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { startServer, storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { repos } from "../../src/store/index.ts";
import { migrate } from "../../src/store/migrate.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";
import { SIGNING_SECRET } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

// Needs a real server to take away; CI always sets TEST_DATABASE_URL (see .ci/run).
if (!serverUrl)
  console.warn(
    "database-outage.test.ts skipped: TEST_DATABASE_URL is not set, and an outage needs a real PostgreSQL server " +
      "to take away (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres).",
  );
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
    await migrate(db, await appMigrations());
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

  it("keeps ticking through the outage, answers /healthz 503 then 200, and delivers what fell due once after", async () => {
    const { core } = testCore(db, new Date());
    const team = await setUpWorkspace(core);
    await db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");
    // Five reminders that fall due while the database is gone, each naming its own date.
    await db.query(
      `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
       SELECT $1::uuid, 'apv.due', $1::text, now() + make_interval(secs => 1) + make_interval(secs => n / 100.0),
         jsonb_build_object('lastApvDate', to_char(date '2022-01-01' + n, 'YYYY-MM-DD'))
       FROM generate_series(1, 5) AS n`,
      [team.workspace.id],
    );
    const slack = new FakeSlack();
    await slack.start();
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    const errors: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn() {}, error: (message) => errors.push(message) };
    // Another instance's dispatcher, ticking every second on its timer while the database is gone.
    const ticking = new Dispatcher(
      {
        store: storePort(db),
        chatFor: () => {
          throw new Error("nothing is claimed while the database is gone");
        },
        now: () => new Date(),
        log,
      },
      { cronExpression: "* * * * * *" },
    );
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      await takeAway();
      ticking.start();
      // Started while the database is gone: its first tick (catching up after a restart) fails at once.
      const config = loadConfig({
        PORT: "0",
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        LOG_LEVEL: "error",
      });
      server = await startServer(config, [slackAdapter], { db, scheduler: true });
      const health = () => fetch(`http://127.0.0.1:${server?.port}/healthz`);
      const gone = await health();
      expect(gone.status).toBe(503);
      expect(await gone.json()).toEqual({ status: "unavailable", database: "unreachable" });
      await server.dispatcher.tick();
      for (let i = 0; i < 50 && errors.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(errors.length).toBeGreaterThanOrEqual(3);
      expect(errors.every((e) => e === "reminder tick failed; the next tick tries again")).toBe(true);
      await ticking.stop();
      expect(slack.of("chat.postMessage")).toEqual([]);

      await bringBack();
      let back = await health();
      for (let i = 0; i < 50 && back.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        back = await health();
      }
      expect(back.status).toBe(200);
      expect(await back.json()).toEqual({ status: "ok", database: "ok" });
      expect(await server.dispatcher.drain()).toMatchObject({ claimed: 5, sent: 5 });
      expect(await server.dispatcher.drain()).toMatchObject({ claimed: 0 });
      const posted = slack.of("chat.postMessage").map((c) => String(c.args.text));
      expect(posted).toHaveLength(5);
      expect(new Set(posted).size).toBe(5);
      const rows = await repos(db).reminders.list(team.workspace.id);
      expect(rows.filter((r) => r.kind === "apv.due").map((r) => [r.status, r.attempts])).toEqual(
        Array(5).fill(["sent", 1]),
      );
      expect(unhandled).toEqual([]);
    } finally {
      await ticking.stop();
      await bringBack();
      await server?.stop();
      await slack.stop();
      process.off("unhandledRejection", listener);
    }
  }, 60_000);
});
