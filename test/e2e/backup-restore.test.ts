import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";
import { startInstance } from "../helpers/instances.ts";
import { waitFor } from "../helpers/slack-app.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const run = promisify(execFile);
const serverUrl = process.env.TEST_DATABASE_URL;

const urlOf = (name: string) => {
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
};

/** The bot as `npm start` runs it, on the given database, against the fake Slack. */
async function startBot(databaseUrl: string, slackUrl: string) {
  const bot = await startInstance({
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: "xoxb-restored",
    SLACK_SIGNING_SECRET: "restore-signing-secret-0123",
    SLACK_API_URL: slackUrl,
    LOG_LEVEL: "error",
  });
  return {
    async stop() {
      bot.child.kill("SIGTERM");
      await bot.exited;
    },
  };
}

// pg_dump and pg_restore work on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
describe.runIf(serverUrl)("a backup taken with pg_dump and restored with pg_restore", () => {
  const suffix = randomUUID().replaceAll("-", "").slice(0, 12);
  const [source, restored] = [`dump_${suffix}`, `restore_${suffix}`];
  let admin: Db;
  let folder: string;
  const slack = new FakeSlack();
  beforeAll(async () => {
    admin = openPg(serverUrl as string, 1);
    await admin.query(`CREATE DATABASE ${source}`);
    await admin.query(`CREATE DATABASE ${restored}`);
    folder = await mkdtemp(join(tmpdir(), "amo-backup-"));
    await slack.start();
  });
  afterAll(async () => {
    await slack.stop();
    for (const name of [source, restored]) await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("holds the referat, its hash, the approvals and the reminders, and the bot carries on", async () => {
    // The bot's own start migrates the database that is backed up, as in production.
    const first = await startBot(urlOf(source), slack.url);
    await first.stop();
    const db = openPg(urlOf(source));
    const { core } = testCore(db, new Date());
    const team = await setUpWorkspace(core);
    const { discussion: started } = await core.start(team.employer, {}, null);
    const held = await holdWholeDiscussion(core, team, started);
    await core.conclude(team.employer, { discussionId: held.id, expectedVersion: held.version }, null);
    for (const p of [team.employer, team.rep])
      await core.approve(p, { discussionId: held.id, version: 1 }, null);
    const r = repos(db);
    await r.credentials.put("slack", `T:${team.team}`, "sealed-bot-token");
    // A reminder that falls due between the backup and the restored bot's start.
    await db.query(
      `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
       VALUES ($1, 'apv.due', 'restore', now() + interval '2 seconds', '{"lastApvDate":"2023-05-01"}')`,
      [team.workspace.id],
    );
    const before = {
      summaries: await r.summaries.list(team.workspace.id, held.id),
      approvals: await r.summaries.approvals(team.workspace.id, held.id, 1),
      entries: await r.entries.forDiscussion(team.workspace.id, held.id),
      reminders: await r.reminders.list(team.workspace.id, "pending"),
    };
    await db.close();
    expect(before.summaries).toHaveLength(1);
    expect(before.approvals).toHaveLength(2);
    expect(before.reminders.length).toBeGreaterThan(1);

    const file = join(folder, "amo.dump");
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${urlOf(source)}`]);
    await run("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${urlOf(restored)}`, file]);

    const back = openPg(urlOf(restored));
    try {
      const rb = repos(back);
      const summaries = await rb.summaries.list(team.workspace.id, held.id);
      expect(summaries.map((s) => [s.version, s.sha256, s.content])).toEqual(
        before.summaries.map((s) => [s.version, s.sha256, s.content]),
      );
      expect(await rb.summaries.approvals(team.workspace.id, held.id, 1)).toEqual(before.approvals);
      expect(await rb.entries.forDiscussion(team.workspace.id, held.id)).toEqual(before.entries);
      expect(await rb.reminders.list(team.workspace.id, "pending")).toEqual(before.reminders);
      expect((await rb.discussions.get(team.workspace.id, held.id))?.status).toBe("approved");
      expect(await rb.credentials.get("slack", `T:${team.team}`)).toBe("sealed-bot-token");

      // Two instances start on the restored database once the reminder is due: it goes out once.
      await waitFor(
        async () => Date.now() > before.reminders.find((x) => x.subjectId === "restore")!.dueAt.getTime(),
        30_000,
      );
      const bots = await Promise.all([
        startBot(urlOf(restored), slack.url),
        startBot(urlOf(restored), slack.url),
      ]);
      try {
        const due = async () =>
          (await rb.reminders.list(team.workspace.id)).find((x) => x.subjectId === "restore")?.status;
        await waitFor(async () => (await due()) === "sent", 30_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const posts = slack.of("chat.postMessage");
        expect(posts).toHaveLength(1);
        expect(posts[0]?.args.channel).toBe("C_AMO");
        // The other reminders wait for their dates, as before the backup.
        expect((await rb.reminders.list(team.workspace.id, "pending")).length).toBe(
          before.reminders.length - 1,
        );
      } finally {
        await Promise.all(bots.map((b) => b.stop()));
      }
    } finally {
      await back.close();
    }
  }, 120_000);
});
