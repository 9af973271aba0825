import { LogLevel, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackChat } from "../../adapters/slack/chat-port.ts";
import { threadPages } from "../../adapters/slack/thread-pages.ts";
import type { Logger } from "../../src/app/context.ts";
import type { Workspace } from "../../src/app/index.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

/**
 * Reminders go out exactly once with the real clock and the real Slack chat port over HTTP: three dispatchers on one
 * database, a lease of a second, every post slower than that, some posts answered 429 with Retry-After, and one
 * dispatcher dying in the middle of its sends (it stops renewing and never finishes, as a killed process).
 */
const LEASE_SECONDS = 1;
const SLOW_MS = 1500;
const WORKSPACES = 8;
const PER_WORKSPACE = 3;
const REMINDERS = WORKSPACES * PER_WORKSPACE;

/** The database as one instance sees it; after kill() every statement fails, as for a process that is gone. */
function mortal(db: Db) {
  let dead = false;
  const gone = () => Promise.reject(new Error("the process is gone"));
  const view: Db = {
    driver: db.driver,
    query: (sql, params, options) => (dead ? gone() : db.query(sql, params, options)),
    transaction: (fn) => (dead ? gone() : db.transaction(fn)),
    close: () => db.close(),
    backlog: () => db.backlog(),
  };
  return { db: view, kill: () => (dead = true) };
}

/** A logger that keeps what it is told, for a failing test to show. */
const keeping = (lines: string[]): Logger => {
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { debug() {}, info: keep("info"), warn: keep("warn"), error: keep("error") };
};

describe.each(DRIVERS)("reminders exactly once with a real clock on $name", ({ open }) => {
  let db: Db;
  const slack = new FakeSlack();
  /** Slack as the dying instance reaches it: its last posts get no answer (the process died waiting). */
  const unanswered = new FakeSlack();
  const started: Dispatcher[] = [];

  beforeAll(async () => {
    db = await open();
    await slack.start();
    await unanswered.start();
  });
  afterAll(async () => {
    // The dead instance's posts are cut off with its connections, so its batch ends and it can be closed.
    const stopped = Promise.all(started.map((d) => d.stop()));
    await unanswered.stop();
    await stopped;
    await slack.stop();
    await db?.close();
  });

  it("delivers each due reminder once: posts slower than the lease, 429s, one dispatcher killed mid-send", async () => {
    const t = testCore(db);
    const teams = await Promise.all(Array.from({ length: WORKSPACES }, () => setUpWorkspace(t.core)));
    await db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");
    // Each reminder names its own date, so every post says which reminder it came from.
    for (const [w, { workspace }] of teams.entries()) {
      await db.query(
        `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
         SELECT $1::uuid, 'apv.due', $1::text, now() - make_interval(secs => n),
           jsonb_build_object('lastApvDate', to_char(date '2020-01-01' + ($2::int * 100 + n), 'YYYY-MM-DD'))
         FROM generate_series(1, $3::int) AS n`,
        [workspace.id, w, PER_WORKSPACE],
      );
    }

    // Every post takes longer than a lease; every fifth is answered 429 with Retry-After: 1.
    slack.failNext(
      "chat.postMessage",
      ...Array.from({ length: 3 * REMINDERS }, (_, i) =>
        i % 5 === 2
          ? { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } }
          : { delayMs: SLOW_MS },
      ),
    );
    // The instance that dies: two slow posts go through, then it dies while Slack has its next ones.
    const never = new Promise<never>(() => {});
    unanswered.failNext(
      "chat.postMessage",
      { delayMs: SLOW_MS },
      { delayMs: SLOW_MS },
      ...Array.from({ length: REMINDERS }, () => ({ until: never })),
    );

    // Each instance has its own Slack client, its retries off so that each 429 reaches the dispatcher.
    const chatOn = (fake: FakeSlack) => {
      const client = new WebClient("xoxb-test", {
        slackApiUrl: fake.url,
        retryConfig: { retries: 0 },
        logLevel: LogLevel.ERROR,
      });
      return (workspace: Workspace) => new SlackChat(async () => client, threadPages(db, workspace.id));
    };
    const lines: string[] = [];
    const options = {
      leaseSeconds: LEASE_SECONDS,
      batchSize: 4,
      concurrency: 4,
      channelSpacingMs: 0,
      backoffSeconds: () => 1,
      cronExpression: "* * * * * *",
    };
    const live = [1, 2].map(
      (i) =>
        new Dispatcher(
          { store: storePort(db), chatFor: chatOn(slack), now: () => new Date(), log: keeping(lines) },
          { ...options, concurrency: 3 + i },
        ),
    );
    const dying = mortal(db);
    const dead = new Dispatcher(
      { store: storePort(dying.db), chatFor: chatOn(unanswered), now: () => new Date(), log: keeping(lines) },
      { ...options, concurrency: 2 },
    );
    for (const d of [...live, dead]) {
      started.push(d);
      d.start();
    }

    const sent = async () =>
      Number(
        (await db.query<{ n: string }>("SELECT count(*) AS n FROM reminders WHERE status = 'sent'"))[0]?.n,
      );
    const deadline = Date.now() + 60_000;
    let killed = false;
    while ((await sent()) < REMINDERS && Date.now() < deadline) {
      if (!killed && unanswered.calls.some((c) => c.method === "chat.postMessage!held")) {
        dying.kill();
        killed = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The live dispatchers finish what they have in hand, so a second send under way would be seen too.
    await Promise.all(live.map((d) => d.stop()));

    expect(killed).toBe(true);
    const posts = [...slack.of("chat.postMessage"), ...unanswered.of("chat.postMessage")].map((c) =>
      String(c.args.text),
    );
    const times = new Map<string, number>();
    for (const text of posts) times.set(text, (times.get(text) ?? 0) + 1);
    const twice = [...times].filter(([, n]) => n > 1);
    expect({ twice, lines: twice.length ? lines : [] }).toEqual({ twice: [], lines: [] });
    expect(times.size).toBe(REMINDERS);
    expect(unanswered.of("chat.postMessage")).toHaveLength(2);
    expect(slack.calls.filter((c) => c.method === "chat.postMessage!429").length).toBeGreaterThan(0);
    const rows = await db.query<{ status: string; n: string }>(
      "SELECT status, count(*) AS n FROM reminders WHERE kind = 'apv.due' GROUP BY status",
    );
    expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([["sent", REMINDERS]]);
  }, 90_000);
});
