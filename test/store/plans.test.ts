import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, plannedDiscussion, startDiscussion, uniqueId } from "../helpers/db.ts";
import { explaining, mostRowsRead } from "../helpers/plans.ts";

/**
 * What the frequent statements read once there are many customers: 3,000 small workspaces, each with a running
 * discussion, its agenda and a pending reminder, and one busy workspace with 3,000 used idempotency keys and 3,000
 * sent reminders; analysed, so PostgreSQL plans on what the statistics say (a workspace holds the average). Each
 * statement must read the rows it needs, not every workspace's, nor every row of the busy one.
 */
describe.each(DRIVERS)("the store's lookups among many workspaces, on $name", ({ open }) => {
  let db: Db;
  let busy: { workspaceId: string; discussionId: string };
  beforeAll(async () => {
    db = await open();
    const ws = await repos(db).workspaces.ensure("slack", uniqueId(), "Travl virksomhed");
    const d = await plannedDiscussion(db, ws.id);
    await startDiscussion(db, ws.id, d);
    busy = { workspaceId: ws.id, discussionId: d.id };
    await db.query(
      `WITH w AS (
         INSERT INTO workspaces (platform, external_id) SELECT 'slack', 'many-' || g || '-' || $2
         FROM generate_series(1, 3000) g RETURNING id
       ), d AS (
         INSERT INTO discussions (workspace_id, year, status, organiser_id) SELECT id, 2026, 'running', 'U1' FROM w
         RETURNING workspace_id, id
       ), a AS (
         INSERT INTO agenda_items (workspace_id, discussion_id, number, key, message)
         SELECT d.workspace_id, d.id, n, 'p' || n, jsonb_build_object('channel', 'C1', 'id', d.id || '/' || n)
         FROM d, generate_series(1, 11) n
       ), r AS (
         INSERT INTO reminders (workspace_id, kind, subject_id, due_at)
         SELECT workspace_id, 'entry.deadline', 'subject', now() + interval '30 days' FROM d
       ), k AS (INSERT INTO idempotency_keys (workspace_id, key) SELECT id, 'k' FROM w
       ), sent AS (
         INSERT INTO reminders (workspace_id, kind, subject_id, due_at, status, sent_at)
         SELECT $1::uuid, 'entry.deadline', 'done-' || g, now() - g * interval '1 hour', 'sent', now()
         FROM generate_series(1, 3000) g
       ), pending AS (
         INSERT INTO reminders (workspace_id, kind, subject_id, due_at)
         VALUES ($1::uuid, 'entry.deadline', 'subject', now() + interval '7 days')
       )
       INSERT INTO idempotency_keys (workspace_id, key) SELECT $1::uuid, 'used-' || g FROM generate_series(1, 3000) g`,
      [busy.workspaceId, uniqueId()],
    );
    // These tables only: on PostgreSQL the schemas of the test files running beside this one are left alone.
    await db.query("ANALYZE workspaces, discussions, agenda_items, reminders, idempotency_keys");
  });
  afterAll(async () => db?.close());

  it("looks up a request's key by itself, never reading every key a busy workspace has used", async () => {
    const { db: watched, plans } = explaining(db);
    const keys = repos(watched).idempotency;
    expect(await keys.claim(busy.workspaceId, "used-17")).toEqual({ result: null });
    expect(mostRowsRead(plans, "idempotency_keys")).toBeLessThanOrEqual(1);
  });

  it("reads a point's newest entries from that point alone", async () => {
    const { db: watched, plans } = explaining(db);
    const latest = await repos(watched).entries.latestForPoint(busy.workspaceId, busy.discussionId, 1, 30);
    expect(latest).toEqual([]);
    expect(mostRowsRead(plans, "entries")).toBeLessThanOrEqual(1);
  });

  it("finds a thread's point by its message among every workspace's agenda", async () => {
    const [item] = await db.query<{ workspace_id: string; discussion_id: string; id: string }>(
      "SELECT workspace_id, discussion_id, message->>'id' AS id FROM agenda_items WHERE number = 4 AND message IS NOT NULL LIMIT 1",
    );
    if (!item) throw new Error("no agenda");
    const { db: watched, plans } = explaining(db);
    expect(await repos(watched).discussions.pointByMessage(item.workspace_id, "C1", item.id)).toEqual({
      discussionId: item.discussion_id,
      point: 4,
    });
    expect(mostRowsRead(plans, "agenda_items")).toBeLessThanOrEqual(1);
  });

  it("cancels a subject's pending reminders, reading neither every workspace's nor all the busy one has sent", async () => {
    const { db: watched, plans } = explaining(db);
    expect(await repos(watched).reminders.cancel(busy.workspaceId, "subject", "entry.")).toBe(1);
    expect(mostRowsRead(plans, "reminders")).toBeLessThanOrEqual(1);
    const left = await db.query(
      "SELECT status FROM reminders WHERE workspace_id = $1 AND subject_id = 'subject'",
      [busy.workspaceId],
    );
    expect(left).toEqual([{ status: "cancelled" }]);
  });
});
