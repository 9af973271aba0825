import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reminder } from "../../src/domain/entities.ts";
import type { RunningServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { SlackApp } from "../helpers/slack-app.ts";
import { teamsApp } from "../helpers/teams-app.ts";
import { contentText } from "../helpers/teams-connector.ts";

/**
 * A platform that keeps answering 429 after its client has waited out every Retry-After it was given: the chat port
 * says so (RateLimited), and the reminder goes out once after the platform's delay, its tries not used up.
 */
const APV = "Den seneste APV er fra 1. januar 2023";

/** Waits until the setup's own messages have gone out (no new call for half a second), so the 429s meet the reminder. */
async function settled(calls: () => number) {
  for (let seen = -1; seen !== calls(); ) {
    seen = calls();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function dueNow(db: Db, workspaceId: string, now: Date) {
  await db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");
  await db.query(
    `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
     VALUES ($1::uuid, 'apv.due', $1::text, $2, '{"lastApvDate":"2023-01-01"}')`,
    [workspaceId, now],
  );
}

async function waitsOutAndSendsOnce(
  server: RunningServer,
  db: Db,
  workspaceId: string,
  clock: { now: Date },
  posted: () => number,
) {
  const row = async () =>
    (await repos(db).reminders.list(workspaceId)).find((r) => r.kind === "apv.due") as Reminder;
  expect(await server.dispatcher.drain()).toMatchObject({ claimed: 1, retried: 1 });
  const [held] = await db.query<{ leased_until: Date }>(
    "SELECT leased_until FROM reminders WHERE workspace_id = $1 AND kind = 'apv.due'",
    [workspaceId],
  );
  // Rescheduled for the platform's second, with the try given back.
  expect(held?.leased_until.getTime()).toBe(clock.now.getTime() + 1000);
  expect(await row()).toMatchObject({ status: "pending", attempts: 0 });
  expect((await row()).lastError).toContain("429");
  expect(await server.dispatcher.drain()).toMatchObject({ claimed: 0 });
  expect(posted()).toBe(0);
  clock.now = new Date(clock.now.getTime() + 1000);
  expect(await server.dispatcher.drain()).toMatchObject({ claimed: 1, sent: 1 });
  expect(await row()).toMatchObject({ status: "sent", attempts: 1 });
  expect(posted()).toBe(1);
}

describe("Slack: a reminder answered 429 past the client's retries", () => {
  const clock = { now: new Date("2026-11-24T09:00:00Z") };
  const app = new SlackApp();
  beforeAll(() => app.start(() => clock.now));
  afterAll(() => app.stop());

  it("goes out once after Slack's Retry-After", async () => {
    const { workspace } = await app.setUp();
    await dueNow(app.db, workspace.id, clock.now);
    const limited = {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    };
    // The client's own tries: the first and three retries, each answered 429.
    await settled(() => app.fake.calls.length);
    app.fake.failNext("chat.postMessage", limited, limited, limited, limited);
    const posted = () =>
      app.fake.of("chat.postMessage").filter((c) => String(c.args.text).startsWith(APV)).length;
    await waitsOutAndSendsOnce(app.server, app.db, workspace.id, clock, posted);
    expect(app.fake.calls.filter((c) => c.method === "chat.postMessage!429")).toHaveLength(4);
  }, 30_000);
});

describe("Teams: a reminder answered 429 past the client's retries", () => {
  const clock = { now: new Date("2026-11-24T09:00:00Z") };
  const app = teamsApp({ now: () => clock.now });

  it("goes out once after the Bot Connector's Retry-After", async () => {
    const { teams, workspace } = await app.setUp();
    await dueNow(app.db, workspace.id, clock.now);
    const limited = { status: 429, headers: { "retry-after": "1" } };
    await settled(() => app.connector.calls.length);
    // botbuilder's own tries: the first and three retries, each answered 429.
    app.connector.failNext("reply", limited, limited, limited, limited);
    const posted = () =>
      app.connector.in(teams.channel).filter((m) => contentText(m.activity).includes(APV)).length;
    await waitsOutAndSendsOnce(app.server, app.db, workspace.id, clock, posted);
    expect(app.connector.calls.filter((c) => c.fault === 429)).toHaveLength(4);
  }, 30_000);
});
