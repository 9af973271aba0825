import type { EntryChanges, NewEntry } from "../../domain/entities.ts";
import type { EntryKind } from "../../domain/entries.ts";
import type { Queryable } from "../db.ts";
import { ENTRY_COLUMNS, type Entry, toEntry } from "./rows.ts";

export function entriesRepo(q: Queryable) {
  return {
    async insert(workspaceId: string, e: NewEntry): Promise<Entry> {
      const rows = await q.query(
        `INSERT INTO entries (workspace_id, discussion_id, point, kind, data, author_id, owner_id, deadline, status,
           carried_from, source)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) RETURNING ${ENTRY_COLUMNS}`,
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
        { prepare: "entry_insert" },
      );
      return toEntry(rows[0] as Record<string, unknown>);
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
    /** A point's newest entries (not removed), oldest first; how many it has is kept with its agenda item. */
    async latestForPoint(
      workspaceId: string,
      discussionId: string,
      point: number,
      limit: number,
    ): Promise<Entry[]> {
      const newest = await q.query(
        `SELECT ${ENTRY_COLUMNS} FROM entries
         WHERE workspace_id = $1 AND discussion_id = $2 AND point = $3 AND deleted_at IS NULL
         ORDER BY created_at DESC, seq DESC LIMIT $4`,
        [workspaceId, discussionId, point, limit],
        { prepare: "point_newest" },
      );
      return newest.map(toEntry).reverse();
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
    async update(workspaceId: string, entryId: string, e: EntryChanges): Promise<Entry | null> {
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
      at: Date,
    ): Promise<Entry | null> {
      const rows = await q.query(
        `UPDATE entries SET status = $3, completed_at = CASE WHEN $3 = 'done' THEN $4::timestamptz ELSE NULL END,
           updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL AND status IS NOT NULL RETURNING *`,
        [workspaceId, entryId, status, at],
      );
      return rows[0] ? toEntry(rows[0]) : null;
    },
    async presenting(workspaceId: string, userId: string): Promise<Entry[]> {
      const rows = await q.query(
        `SELECT * FROM entries WHERE workspace_id = $1 AND kind = 'amo_member' AND deleted_at IS NULL
           AND data->'person'->>'id' = $2 ORDER BY created_at, seq`,
        [workspaceId, userId],
      );
      return rows.map(toEntry);
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
