import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, realpath, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { throwawayDatabase } from "../helpers/db.ts";
import { startInstance } from "../helpers/instances.ts";
import { PROJECT_ROOT } from "../helpers/npm-start.ts";
import { released } from "../helpers/released.ts";
import { EMPLOYER, LEADER, REP, setUpInSlack, waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const run = promisify(execFile);
const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * The previous release's source from git (git archive, so the repository is left as it is), its bundle built with
 * this checkout's node_modules: the release's dependencies are a subset of today's at the same ranges.
 */
async function buildRelease(commit: string, into: string): Promise<void> {
  await mkdir(into, { recursive: true });
  const archive = join(into, "..", "release.tar");
  await run("git", ["archive", "--format=tar", `--output=${archive}`, commit], { cwd: PROJECT_ROOT });
  await run("tar", ["-xf", archive, "-C", into]);
  await symlink(await realpath(join(PROJECT_ROOT, "node_modules")), join(into, "node_modules"));
  await run(process.execPath, ["scripts/build.mjs"], { cwd: into });
}

/** A project's bot started as its own `npm start` runs it, with a way to ask its health and to stop it. */
async function startAsNpmStart(root: string, env: Record<string, string>) {
  const bot = await startInstance(env, root);
  return {
    url: bot.url,
    healthy: () => fetch(`${bot.url}/healthz`).then((r) => r.ok),
    async stop() {
      bot.child.kill("SIGTERM");
      await bot.exited;
    },
  };
}

// Needs a PostgreSQL server both processes share (CI always sets TEST_DATABASE_URL), and the release's commit in
// this clone's history: a shallow clone fails here rather than passing without the old version.
describe.runIf(serverUrl)("a rolling deploy: the previous release beside today's on one database", () => {
  let db: Db;
  let databaseUrl = "";
  let drop: () => Promise<void> = async () => {};
  let folder: string;
  const slack = new FakeSlack();
  const bots: { stop(): Promise<void> }[] = [];
  beforeAll(async () => {
    const database = await throwawayDatabase(serverUrl as string, "rolling");
    ({ db, drop, url: databaseUrl } = database);
    folder = await mkdtemp(join(tmpdir(), "amo-release-"));
    await slack.start();
    for (const u of [EMPLOYER, REP, LEADER]) slack.names.set(u.id, u.name);
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await slack.stop();
    await drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("both serve one discussion while today's migrations run under the old one", async () => {
    const { versions } = await released();
    const previous = versions.at(-1);
    if (!previous) throw new Error("migrations/released.json names no release");
    const oldRoot = join(folder, "release");
    await buildRelease(previous.commit, oldRoot);

    const env = {
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-rolling",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: "error",
    };
    const old = await startAsNpmStart(oldRoot, env);
    bots.push(old);
    const applied = async () =>
      (await db.query<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id")).map((r) => r.id);
    expect((await applied()).sort()).toEqual([...previous.migrations].sort());
    const today = await startAsNpmStart(PROJECT_ROOT, env);
    bots.push(today);
    expect((await applied()).length).toBeGreaterThan(previous.migrations.length);

    // Set up through today's instance, started through the old one, notes through each.
    const toToday = new SlackDriver(today.url, slack, `T${randomUUID().slice(0, 8).toUpperCase()}`);
    const toOld = new SlackDriver(old.url, slack, toToday.team);
    await setUpInSlack(slack, toToday);
    const r = repos(db);
    const workspace = await r.workspaces.find("slack", toToday.team);
    expect(workspace).not.toBeNull();
    const wsId = workspace?.id as string;
    await slack.after("respond", () => toOld.command(EMPLOYER, "start"));
    const discussion = await r.discussions.latest(wsId);
    expect(discussion?.status).toBe("running");
    const agenda = await r.discussions.agenda(wsId, discussion?.id as string);
    const thread = agenda[0]?.message?.id as string;
    expect(thread).toBeTruthy();
    await toOld.message(REP, "Ali tager referat (den gamle udgave)", thread);
    await toToday.message(LEADER, "Enig (den nye udgave)", thread);
    await waitFor(
      async () => (await r.entries.forDiscussion(wsId, discussion?.id as string)).length === 2,
      30_000,
    );
    const texts = (await r.entries.forDiscussion(wsId, discussion?.id as string)).map((e) => e.data.text);
    expect(texts.sort()).toEqual(["Ali tager referat (den gamle udgave)", "Enig (den nye udgave)"]);
    expect(await old.healthy()).toBe(true);
    expect(await today.healthy()).toBe(true);
  }, 180_000);
});
