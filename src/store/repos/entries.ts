import type { EntryKind } from "../../domain/entries.ts";
import type { Queryable } from "../db.ts";
import { type Entry, toEntry } from "./rows.ts";

export interface NewEntry {
  discussionId: string;
  point: number;
  kind: EntryKind;
  data: unknown;
  authorId: string;
  ownerId: string | null;
  deadline: string | null;
  status: "open" | "done" | null;
  carriedFrom?: string | null;
  source?: string;
}

/** A timestamp as JSON.stringify writes a Date (milliseconds, UTC, "Z"), which is how results are stored. */
const JSON_TIME = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function entriesRepo(q: Queryable) {
  return {
    async insert(workspaceId: string, e: NewEntry): Promise<Entry> {
      const rows = await q.query(
        `INSERT INTO entries (workspace_id, discussion_id, point, kind, data, author_id, owner_id, deadline, status,
           carried_from, source)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          workspaceId,
          e.discussionId,
          e.point,
          e.kind,
          JSON.stringify(e.data),
          e.authorId,
          e.ownerId,
          e.deadline,
          e.status,
          e.carriedFrom ?? null,
          e.source ?? "form",
        ],
      );
      return toEntry(rows[0] as Record<string, unknown>);
    },
    /**
     * A note on a running discussion in one statement (one round trip instead of seven): the discussion's row lock,
     * the entry, its audit row, and the idempotency key with its result (the entry as `Entry`, as the general path
     * stores it). Nothing, and null, when the discussion is not running or not there. A key used before fails the
     * whole statement (unique violation), so nothing is recorded twice.
     */
    async recordRunningNote(
      workspaceId: string,
      key: string,
      note: { discussionId: string; point: number; data: unknown; authorId: string; source: string },
    ): Promise<Entry | null> {
      const rows = await q.query(
        `WITH discussion AS (
           SELECT id FROM discussions WHERE workspace_id = $1 AND id = $3 AND status = 'running' FOR UPDATE
         ), entry AS (
           INSERT INTO entries (workspace_id, discussion_id, point, kind, data, author_id, source)
           SELECT $1, id, $4, 'note', $5::jsonb, $6, $7 FROM discussion RETURNING *
         ), audit AS (
           INSERT INTO audit_log (workspace_id, actor_id, action, subject_id, details)
           SELECT $1, $6, 'entry.recorded', id, jsonb_build_object('kind', 'note', 'point', point) FROM entry
         ), idempotency AS (
           INSERT INTO idempotency_keys (workspace_id, key, result)
           SELECT $1, $2, jsonb_build_object('id', id, 'discussionId', discussion_id, 'point', point, 'kind', kind,
             'data', data, 'authorId', author_id, 'ownerId', owner_id, 'deadline', deadline, 'status', status,
             'carriedFrom', carried_from, 'source', source, 'createdAt', ${JSON_TIME("created_at")},
             'completedAt', ${JSON_TIME("completed_at")})
           FROM entry
         )
         SELECT * FROM entry`,
        [
          workspaceId,
          key,
          note.discussionId,
          note.point,
          JSON.stringify(note.data),
          note.authorId,
          note.source,
        ],
      );
      return rows[0] ? toEntry(rows[0] as Record<string, unknown>) : null;
    },
    async get(workspaceId: string, entryId: string): Promise<Entry | null> {
      const rows = await q.query(
        "SELECT * FROM entries WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL",
        [workspaceId, entryId],
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },
    async forDiscussion(workspaceId: string, discussionId: string): Promise<Entry[]> {
      const rows = await q.query(
        `SELECT * FROM entries WHERE workspace_id = $1 AND discussion_id = $2 AND deleted_at IS NULL
         ORDER BY point, created_at, seq`,
        [workspaceId, discussionId],
      );
      return rows.map(toEntry);
    },
    async forPoint(workspaceId: string, discussionId: string, point: number): Promise<Entry[]> {
      const rows = await q.query(
        `SELECT * FROM entries WHERE workspace_id = $1 AND discussion_id = $2 AND point = $3 AND deleted_at IS NULL
         ORDER BY created_at, seq`,
        [workspaceId, discussionId, point],
      );
      return rows.map(toEntry);
    },
    /** A point's newest entries (oldest of them first) and how many it holds in all. */
    async latestForPoint(
      workspaceId: string,
      discussionId: string,
      point: number,
      limit: number,
    ): Promise<{ entries: Entry[]; total: number }> {
      const rows = await q.query<Record<string, unknown> & { total: string }>(
        `SELECT *, count(*) OVER () AS total FROM entries
         WHERE workspace_id = $1 AND discussion_id = $2 AND point = $3 AND deleted_at IS NULL
         ORDER BY created_at DESC, seq DESC LIMIT $4`,
        [workspaceId, discussionId, point, limit],
      );
      return { entries: rows.map(toEntry).reverse(), total: Number(rows[0]?.total ?? 0) };
    },
    /** How many entries each point holds (the board shows the counts, not the entries). */
    async countByPoint(workspaceId: string, discussionId: string): Promise<Map<number, number>> {
      const rows = await q.query<{ point: number; n: string }>(
        `SELECT point, count(*) AS n FROM entries WHERE workspace_id = $1 AND discussion_id = $2 AND deleted_at IS NULL
         GROUP BY point`,
        [workspaceId, discussionId],
      );
      return new Map(rows.map((r) => [r.point, Number(r.n)]));
    },
    /** The ids of last year's goals that already have a verdict in this discussion. */
    async judgedGoalIds(workspaceId: string, discussionId: string): Promise<Set<string>> {
      const rows = await q.query<{ id: string | null }>(
        `SELECT data->>'goalId' AS id FROM entries WHERE workspace_id = $1 AND discussion_id = $2
           AND kind = 'goal_verdict' AND deleted_at IS NULL`,
        [workspaceId, discussionId],
      );
      return new Set(rows.map((r) => r.id).filter((id): id is string => Boolean(id)));
    },
    async update(
      workspaceId: string,
      entryId: string,
      e: { data: unknown; ownerId: string | null; deadline: string | null },
    ): Promise<Entry | null> {
      const rows = await q.query(
        `UPDATE entries SET data = $3::jsonb, owner_id = $4, deadline = $5, updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING *`,
        [workspaceId, entryId, JSON.stringify(e.data), e.ownerId, e.deadline],
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },
    /** Soft delete: the record stays for the audit trail but is no longer shown. */
    async remove(workspaceId: string, entryId: string): Promise<boolean> {
      const rows = await q.query(
        "UPDATE entries SET deleted_at = now() WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id",
        [workspaceId, entryId],
      );
      return rows.length > 0;
    },
    /** Removes earlier entries of a kind that a point holds only once (the newest answer replaces them). */
    async removeKind(
      workspaceId: string,
      discussionId: string,
      kind: EntryKind,
      exceptId: string,
    ): Promise<void> {
      await q.query(
        `UPDATE entries SET deleted_at = now()
         WHERE workspace_id = $1 AND discussion_id = $2 AND kind = $3 AND id <> $4 AND deleted_at IS NULL`,
        [workspaceId, discussionId, kind, exceptId],
      );
    },
    async setStatus(
      workspaceId: string,
      entryId: string,
      status: "open" | "done",
      deadline?: string,
    ): Promise<Entry | null> {
      const rows = await q.query(
        `UPDATE entries SET status = $3, completed_at = CASE WHEN $3 = 'done' THEN now() ELSE NULL END,
           deadline = COALESCE($4::date, deadline), updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL AND status IS NOT NULL RETURNING *`,
        [workspaceId, entryId, status, deadline ?? null],
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },
    /** Open decisions and goals of every year, soonest deadline first. */
    async open(workspaceId: string): Promise<(Entry & { year: number })[]> {
      const rows = await q.query(
        `SELECT e.*, d.year FROM entries e JOIN discussions d ON d.id = e.discussion_id AND d.workspace_id = e.workspace_id
         WHERE e.workspace_id = $1 AND e.status = 'open' AND e.deleted_at IS NULL
         ORDER BY e.deadline NULLS LAST, e.created_at, e.seq`,
        [workspaceId],
      );
      return rows.map((r) => ({ ...toEntry(r), year: r.year as number }));
    },
  };
}
