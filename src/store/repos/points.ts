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
     *
     * The discussions are found by their ids as an array (their primary key, so always through it), and each asked
     * key alone, by its whole key (a scalar subquery, which PostgreSQL neither joins nor hashes). As a join alone, or
     * the keys as `IN` or `= ANY` over a subquery, the planner, which takes the asks to be a hundred and a workspace
     * to hold the average number of keys, read every discussion of every workspace, or all of the workspace's keys,
     * on every click: with a busy workspace's 2,800 keys a point this statement took 23-39 ms where it takes 1-2
     * (Teams benchmark, 2026-11-30; test/store/plans.test.ts). Each discussion read alone (a lateral subquery with a
     * limit) made it take about 200 ms under the Slack benchmark's load.
     */
    async now(asks: readonly PointAsk[]): Promise<(PointRead | null)[]> {
      const rows = await q.query<Row>(
        `SELECT i.ask, ${DISCUSSION_COLUMNS}, ${agendaJson("d")} AS agenda,
           ${latestJson({ workspace: "d.workspace_id", discussion: "d.id", point: "i.point", limit: "i.lim" })}
             AS latest, (
           SELECT array_agg(asked.key) FROM jsonb_array_elements_text(i.keys) AS asked(key)
           WHERE (SELECT true FROM idempotency_keys k WHERE k.workspace_id = d.workspace_id AND k.key = asked.key)
         ) AS used_keys
         FROM (
           SELECT (x->>'workspaceId')::uuid AS workspace_id, (x->>'discussionId')::uuid AS discussion_id,
             (x->>'point')::int AS point, (x->>'limit')::int AS lim, x->'keys' AS keys, n AS ask
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n)
         ) i
         JOIN discussions d ON d.workspace_id = i.workspace_id AND d.id = i.discussion_id
         WHERE d.id = ANY (ARRAY(SELECT (x->>'discussionId')::uuid FROM jsonb_array_elements($1::jsonb) AS x))`,
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
        const read = readOf(toDiscussion(row), row.agenda, row.latest, asks[at]?.point ?? 0);
        answers[at] = { ...read, usedKeys: new Set(row.used_keys ?? []) };
      }
      return answers;
    },
  };
}

/** A point as read: the agenda and entries as the SQL below writes them. */
export function readOf(
  discussion: Discussion,
  agenda: Record<string, unknown>[] | null,
  latest: EntryJson[] | null,
  point: number,
): Omit<PointRead, "usedKeys"> {
  const items = (agenda ?? []).map(toAgendaItem);
  return {
    discussion,
    agenda: items,
    latest: {
      entries: (latest ?? []).map((e) => entryFrom(e, discussion.id, point)),
      total: items.find((item) => item.number === point)?.entryCount ?? 0,
    },
  };
}

/**
 * SQL: a discussion's agenda as JSON, `d` naming its discussions row. `added(number)`, when given, is SQL for entries
 * to count in a point beside those stored (a statement's own, which its snapshot does not see yet).
 */
export const agendaJson = (d: string, added?: (number: string) => string) => `(
  SELECT json_agg(json_build_object('number', a.number, 'key', a.key, 'status', a.status, 'message', a.message,
    'entry_count', a.entry_count${added ? ` + ${added("a.number")}` : ""}) ORDER BY a.number)
  FROM agenda_items a WHERE a.workspace_id = ${d}.workspace_id AND a.discussion_id = ${d}.id
)`;

/**
 * SQL: a point's newest entries, oldest of them first, as JSON arrays (EntryJson). `also`, when given, names rows of
 * entries to take with those stored (a statement's own, which its snapshot does not see yet).
 */
export function latestJson(
  at: { workspace: string; discussion: string; point: string; limit: string },
  also?: string,
) {
  const columns = (e: string) =>
    `${e}.id, ${e}.kind, ${e}.data, ${e}.author_id, ${e}.owner_id, ${e}.deadline, ${e}.status, ${e}.carried_from,
     ${e}.source, ${e}.created_at, ${e}.completed_at, ${e}.seq`;
  const of = (e: string) =>
    `${e}.workspace_id = ${at.workspace} AND ${e}.discussion_id = ${at.discussion} AND ${e}.point = ${at.point}`;
  const stored = `SELECT ${columns("e")} FROM entries e WHERE ${of("e")} AND e.deleted_at IS NULL
    ORDER BY e.created_at DESC, e.seq DESC LIMIT ${at.limit}`;
  const newest = also
    ? `SELECT * FROM ((${stored}) UNION ALL (SELECT ${columns("n")} FROM ${also} n WHERE ${of("n")})) u
       ORDER BY u.created_at DESC, u.seq DESC LIMIT ${at.limit}`
    : stored;
  return `(
    SELECT json_agg(json_build_array(l.id, l.kind, l.data, l.author_id, l.owner_id, l.deadline, l.status,
      l.carried_from, l.source, l.created_at, l.completed_at) ORDER BY l.created_at, l.seq)
    FROM (${newest}) l
  )`;
}

/** The columns toDiscussion reads, named: a prepared statement's result stays the same when a migration adds one. */
export const DISCUSSION_COLUMNS = `d.id, d.workspace_id, d.year, d.status, d.version, d.scheduled_at, d.duration_minutes,
  d.location, d.channel_id, d.participants, d.organiser_id, d.current_point, d.board_message, d.started_at,
  d.concluded_at, d.concluded_by, d.conclude_override_reason`;

/** A discussion as row_to_json writes DISCUSSION_COLUMNS: timestamps as ISO text. */
export const discussionFromJson = (o: Record<string, unknown>): Discussion =>
  toDiscussion({
    ...o,
    scheduled_at: dateOrNull(o.scheduled_at),
    started_at: dateOrNull(o.started_at),
    concluded_at: dateOrNull(o.concluded_at),
  });

const dateOrNull = (value: unknown) => (typeof value === "string" ? new Date(value) : null);

/** An entry as latestJson writes it: positions, not names (a card's thirty entries are most of what is read). */
export type EntryJson = [
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
    completed_at: dateOrNull(e[10]),
  });
