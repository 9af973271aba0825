import type { Queryable } from "../db.ts";
import { type AgendaItem, type Discussion, type Entry, toAgendaItem, toDiscussion, toEntry } from "./rows.ts";

/** A point to read: its newest `limit` entries, and which of `keys` (idempotency keys) were used already. */
export interface PointAsk {
  workspaceId: string;
  discussionId: string;
  point: number;
  limit: number;
  keys: readonly string[];
}

/** A discussion as it is now, its agenda, a point's newest entries with their count, and the keys used. */
export interface PointRead {
  discussion: Discussion;
  agenda: AgendaItem[];
  latest: { entries: Entry[]; total: number };
  usedKeys: Set<string>;
}

type Row = Record<string, unknown> & {
  ask: string;
  agenda: Record<string, unknown>[] | null;
  latest: EntryJson[] | null;
  used_keys: string[] | null;
};

export function pointsRepo(q: Queryable) {
  return {
    /**
     * Many points at once, in one statement and one snapshot (a first request's change and its key are seen together
     * or not at all): for each ask, null when the discussion is not there (or not in that workspace). The entries come
     * as one JSON value per point, which the driver parses natively instead of field by field. Answers in the order
     * asked.
     */
    async now(asks: readonly PointAsk[]): Promise<(PointRead | null)[]> {
      const rows = await q.query<Row>(
        `SELECT i.ask, ${DISCUSSION_COLUMNS}, (
           SELECT json_agg(json_build_object('number', a.number, 'key', a.key, 'status', a.status,
             'message', a.message, 'entry_count', a.entry_count) ORDER BY a.number)
           FROM agenda_items a WHERE a.workspace_id = d.workspace_id AND a.discussion_id = d.id
         ) AS agenda, (
           SELECT json_agg(json_build_array(l.id, l.kind, l.data, l.author_id, l.owner_id, l.deadline, l.status,
             l.carried_from, l.source, l.created_at, l.completed_at) ORDER BY l.created_at, l.seq)
           FROM (
             SELECT e.* FROM entries e
             WHERE e.workspace_id = d.workspace_id AND e.discussion_id = d.id AND e.point = i.point
               AND e.deleted_at IS NULL
             ORDER BY e.created_at DESC, e.seq DESC LIMIT i.lim
           ) l
         ) AS latest, (
           SELECT array_agg(k.key) FROM idempotency_keys k
           WHERE k.workspace_id = d.workspace_id AND k.key IN (SELECT jsonb_array_elements_text(i.keys))
         ) AS used_keys
         FROM (
           SELECT (x->>'workspaceId')::uuid AS workspace_id, (x->>'discussionId')::uuid AS discussion_id,
             (x->>'point')::int AS point, (x->>'limit')::int AS lim, x->'keys' AS keys, n AS ask
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n)
         ) i
         JOIN discussions d ON d.workspace_id = i.workspace_id AND d.id = i.discussion_id`,
        [
          JSON.stringify(
            asks.map(({ workspaceId, discussionId, point, limit, keys }) => ({
              workspaceId,
              discussionId,
              point,
              limit,
              keys,
            })),
          ),
        ],
        { prepare: "points_now" },
      );
      const answers: (PointRead | null)[] = asks.map(() => null);
      for (const row of rows) {
        const at = Number(row.ask) - 1;
        const agenda = (row.agenda ?? []).map(toAgendaItem);
        answers[at] = {
          discussion: toDiscussion(row),
          agenda,
          latest: {
            entries: (row.latest ?? []).map((e) => entryFrom(e, row.id as string, asks[at]?.point ?? 0)),
            total: agenda.find((item) => item.number === asks[at]?.point)?.entryCount ?? 0,
          },
          usedKeys: new Set(row.used_keys ?? []),
        };
      }
      return answers;
    },
  };
}

/** An entry as the statement writes it: positions, not names (a card's thirty entries are most of what is read). */
type EntryJson = [
  id: string,
  kind: string,
  data: Record<string, unknown>,
  authorId: string,
  ownerId: string | null,
  deadline: string | null,
  status: string | null,
  carriedFrom: string | null,
  source: string,
  createdAt: string,
  completedAt: string | null,
];

const entryFrom = (e: EntryJson, discussionId: string, point: number): Entry =>
  toEntry({
    id: e[0],
    discussion_id: discussionId,
    point,
    kind: e[1],
    data: e[2],
    author_id: e[3],
    owner_id: e[4],
    deadline: e[5],
    status: e[6],
    carried_from: e[7],
    source: e[8],
    created_at: new Date(e[9]),
    completed_at: e[10] ? new Date(e[10]) : null,
  });

/** The columns toDiscussion reads, named: a prepared statement's result stays the same when a migration adds one. */
const DISCUSSION_COLUMNS = `d.id, d.workspace_id, d.year, d.status, d.version, d.scheduled_at, d.duration_minutes,
  d.location, d.channel_id, d.participants, d.organiser_id, d.current_point, d.board_message, d.started_at,
  d.concluded_at, d.concluded_by, d.conclude_override_reason`;
