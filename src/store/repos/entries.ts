import type { EntryKind } from "../../domain/entries.ts";
import type { Queryable } from "../db.ts";
import {
  agendaJson,
  DISCUSSION_COLUMNS,
  discussionFromJson,
  type EntryJson,
  latestJson,
  type PointRead,
  readOf,
} from "./points.ts";
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

/** A note for `recordRunningNotes`: the entry's id is chosen by the caller, to find it in the result. */
export interface RunningNote {
  id: string;
  workspaceId: string;
  key: string;
  discussionId: string;
  point: number;
  data: unknown;
  authorId: string;
  source: string;
  /** Read the point along, with this many of its newest entries (none when 0 or not given). */
  readLimit?: number;
}

/** A point read along with the notes written to it (points.ts PointRead, without keys). */
export type PointReadAlong = Omit<PointRead, "usedKeys">;

/** What recordRunningNotes stored, by entry id, and the points it read along, by readKey. */
export interface RecordedNotes {
  entries: Map<string, Entry>;
  reads: Map<string, PointReadAlong>;
}

/** A point read along, keyed by its discussion and number as PostgreSQL writes the id. */
export const readKey = (at: { discussionId: string; point: number }) => `${at.discussionId} ${at.point}`;

type ReadColumns = {
  read_discussion: Record<string, unknown> | null;
  read_agenda: Record<string, unknown>[] | null;
  read_latest: EntryJson[] | null;
};

/** A timestamp as JSON.stringify writes a Date (milliseconds, UTC, "Z"), which is how results are stored. */
const JSON_TIME = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function entriesRepo(q: Queryable) {
  /** latestForPoint for several points at once, in one statement; answers in the order asked. */
  async function latestForPoints(
    asks: readonly { workspaceId: string; discussionId: string; point: number }[],
    limit: number,
  ): Promise<{ entries: Entry[]; total: number }[]> {
    const rows = await q.query<Record<string, unknown> & { ask: string; total: string }>(
      // The count is kept with the agenda item (migrations/007_entry_counts.sql), not counted here.
      `SELECT i.ask, a.entry_count AS total, l.* FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY
         AS i(workspace_id, discussion_id, point, ask)
       JOIN agenda_items a ON a.workspace_id = i.workspace_id AND a.discussion_id = i.discussion_id
         AND a.number = i.point
       CROSS JOIN LATERAL (
         SELECT e.* FROM entries e
         WHERE e.workspace_id = i.workspace_id AND e.discussion_id = i.discussion_id AND e.point = i.point
           AND e.deleted_at IS NULL
         ORDER BY e.created_at DESC, e.seq DESC LIMIT $4
       ) l
       ORDER BY i.ask, l.created_at DESC, l.seq DESC`,
      [asks.map((a) => a.workspaceId), asks.map((a) => a.discussionId), asks.map((a) => a.point), limit],
    );
    const answers = asks.map(() => ({ entries: [] as Entry[], total: 0 }));
    for (const row of rows) {
      const answer = answers[Number(row.ask) - 1];
      if (!answer) continue;
      answer.entries.push(toEntry(row));
      answer.total = Number(row.total);
    }
    for (const answer of answers) answer.entries.reverse();
    return answers;
  }

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
     * Notes on running discussions in one statement (one round trip for any number of them, where the general path
     * takes seven each): the discussions' row locks (in id order, so two such statements never deadlock), the
     * entries in the order given, their audit rows, and each idempotency key with its result (the entry as `Entry`,
     * as the general path stores it). A note whose discussion is not running, not there or not in its workspace is
     * left out of the result. A key used before fails the whole statement (unique violation), so nothing is recorded
     * twice.
     *
     * For notes that ask (`readLimit`), each point they were written to is read along, as a card shows it (see
     * points.ts): as the statement found the database, with its own notes in it. Not when a move or another entry
     * of that point was committed while the statement waited for the discussion (its reads would miss it): the
     * caller then reads the point afresh. An entry edited meanwhile (same version, same count) is shown as before.
     */
    async recordRunningNotes(notes: readonly RunningNote[]): Promise<RecordedNotes> {
      const rows = await q.query<Record<string, unknown> & ReadColumns>(
        `WITH input AS (
           SELECT (x->>'id')::uuid AS id, (x->>'workspaceId')::uuid AS workspace_id, x->>'key' AS key,
             (x->>'discussionId')::uuid AS discussion_id, (x->>'point')::int AS point, x->'data' AS data,
             x->>'authorId' AS author_id, x->>'source' AS source, coalesce((x->>'readLimit')::int, 0) AS read_limit, n
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n)
         ), discussion AS (
           -- The ids as an array first: as a join alone, planned for a hundred notes, it read every discussion.
           SELECT id, workspace_id, version FROM discussions
           WHERE id = ANY (ARRAY(SELECT discussion_id FROM input))
             AND (workspace_id, id) IN (SELECT workspace_id, discussion_id FROM input) AND status = 'running'
           ORDER BY id FOR UPDATE
         ), entry AS (
           INSERT INTO entries (id, workspace_id, discussion_id, point, kind, data, author_id, source)
           SELECT i.id, i.workspace_id, i.discussion_id, i.point, 'note', i.data, i.author_id, i.source
           FROM input i JOIN discussion d ON d.workspace_id = i.workspace_id AND d.id = i.discussion_id
           ORDER BY i.n
           RETURNING *
         ), audit AS (
           INSERT INTO audit_log (workspace_id, actor_id, action, subject_id, details)
           SELECT workspace_id, author_id, 'entry.recorded', id, jsonb_build_object('kind', 'note', 'point', point)
           FROM entry
         ), idempotency AS (
           INSERT INTO idempotency_keys (workspace_id, key, result)
           SELECT e.workspace_id, i.key, jsonb_build_object('id', e.id, 'discussionId', e.discussion_id,
             'point', e.point, 'kind', e.kind, 'data', e.data, 'authorId', e.author_id, 'ownerId', e.owner_id,
             'deadline', e.deadline, 'status', e.status, 'carriedFrom', e.carried_from, 'source', e.source,
             'createdAt', ${JSON_TIME("e.created_at")}, 'completedAt', ${JSON_TIME("e.completed_at")})
           FROM entry e JOIN input i ON i.id = e.id
         ), asked AS (
           SELECT i.workspace_id, i.discussion_id, i.point, max(i.read_limit) AS lim, min(i.n) AS first,
             d.version AS locked_version
           FROM input i JOIN discussion d ON d.workspace_id = i.workspace_id AND d.id = i.discussion_id
           WHERE i.read_limit > 0
           GROUP BY i.workspace_id, i.discussion_id, i.point, d.version
         ), held AS (
           -- The asked points' counts as committed once the discussion is held (a locking read sees the newest).
           SELECT ai.workspace_id, ai.discussion_id, ai.number, ai.entry_count
           FROM agenda_items ai JOIN asked a ON ai.workspace_id = a.workspace_id AND ai.discussion_id = a.discussion_id
             AND ai.number = a.point
           FOR UPDATE OF ai
         )
         SELECT e.id, e.discussion_id, e.point, e.kind, e.data, e.author_id, e.owner_id, e.deadline, e.status,
           e.carried_from, e.source, e.created_at, e.completed_at, r.read_discussion, r.read_agenda, r.read_latest
         FROM entry e JOIN input i ON i.id = e.id
         LEFT JOIN asked a ON a.workspace_id = e.workspace_id AND a.discussion_id = e.discussion_id
           AND a.point = e.point AND a.first = i.n
         LEFT JOIN LATERAL (
           SELECT (SELECT row_to_json(x) FROM (SELECT ${DISCUSSION_COLUMNS} FROM discussions d
               WHERE d.workspace_id = a.workspace_id AND d.id = a.discussion_id) x) AS read_discussion,
             ${agendaJson("dd", (number) => `(SELECT count(*) FROM entry n WHERE n.workspace_id = dd.workspace_id AND n.discussion_id = dd.id AND n.point = ${number})`)} AS read_agenda,
             ${latestJson({ workspace: "a.workspace_id", discussion: "a.discussion_id", point: "a.point", limit: "a.lim" }, "entry")} AS read_latest
           FROM discussions dd
           JOIN held h ON h.workspace_id = dd.workspace_id AND h.discussion_id = dd.id AND h.number = a.point
           JOIN agenda_items seen ON seen.workspace_id = dd.workspace_id AND seen.discussion_id = dd.id
             AND seen.number = a.point
           -- The statement's snapshot was taken before it waited for the discussion: a move or an entry committed
           -- meanwhile (another version, another count) leaves the point unread, for a fresh read after.
           WHERE dd.workspace_id = a.workspace_id AND dd.id = a.discussion_id AND dd.version = a.locked_version
             AND seen.entry_count = h.entry_count
         ) r ON true
         ORDER BY i.n`,
        [JSON.stringify(notes)],
        { prepare: "running_notes" },
      );
      const entries = new Map<string, Entry>();
      const reads = new Map<string, PointReadAlong>();
      for (const row of rows) {
        const entry = toEntry(row);
        entries.set(entry.id, entry);
        if (row.read_discussion) {
          const discussion = discussionFromJson(row.read_discussion);
          reads.set(readKey(entry), readOf(discussion, row.read_agenda, row.read_latest, entry.point));
        }
      }
      return { entries, reads };
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
      const [latest] = await latestForPoints([{ workspaceId, discussionId, point }], limit);
      return latest ?? { entries: [], total: 0 };
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
