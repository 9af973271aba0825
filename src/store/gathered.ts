import { randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { Gatherer } from "./gather.ts";
import { entriesRepo, type PointReadAlong, type RunningNote, readKey } from "./repos/entries.ts";
import { pointsRepo } from "./repos/points.ts";
import type { AgendaItem, Discussion, Entry } from "./repos/rows.ts";

/**
 * Statements under way at once per kind; a request arriving while one is busy goes with the next one. One: on a
 * busy database every statement costs both sides a round trip (on a virtual machine's loopback, some 0.3 ms of the
 * app's CPU for the socket write alone), so fewer, larger statements go further. Teams in bench/: at c=128, 4 → 2
 * → 1 at once gave 666 → 800 → 879 requests/s; at c=32, notes two → one at once gave 575 → 667. What a statement
 * may wait for is short: a discussion's row lock is held by transactions that write a few rows, the longest being
 * the conclusion (it writes the summary's Markdown, some 25 ms for 3,300 entries).
 */
const AT_ONCE = 1;
/**
 * Requests in one statement at most. With a busy event loop a statement's round trip grows (41 ms at 5,000 Slack
 * requests/s in bench/), and notes can be stored no faster than this many per round trip: 64 stored some 1,500 a
 * second there while 2,500 came; 128 and 256 both kept up.
 */
const MAX_ITEMS = 128;

// An id from a forged button or form that is no uuid would fail the whole shared statement's cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);

/** Every gatherer of a database, of every kind. */
const gatherersOf = new WeakMap<Db, { backlog: number }[]>();

/** One gatherer per database (so all requests of a process share it) for one kind of statement. */
function perDatabase<I, O>(statement: (db: Db, items: I[]) => Promise<O[]>): (db: Db) => Gatherer<I, O> {
  const byDb = new WeakMap<Db, Gatherer<I, O>>();
  return (db) => {
    let gatherer = byDb.get(db);
    if (!gatherer) {
      gatherer = new Gatherer((items) => statement(db, items), {
        maxStatements: AT_ONCE,
        maxItems: MAX_ITEMS,
      });
      byDb.set(db, gatherer);
      gatherersOf.set(db, [...(gatherersOf.get(db) ?? []), gatherer]);
    }
    return gatherer;
  };
}

/**
 * Statements' worth of requests waiting in this database's gatherers, which the driver's backlog does not see (they
 * wait before they ask for a connection).
 */
export function gatheredBacklog(db: Db): number {
  let waiting = 0;
  for (const gatherer of gatherersOf.get(db) ?? []) waiting += gatherer.backlog;
  return waiting;
}

type Recorded = { entry: Entry; read: PointReadAlong | null } | null;

const notes = perDatabase<RunningNote, Recorded>(async (db, items) => {
  const { entries, reads } = await entriesRepo(db).recordRunningNotes(items);
  return items.map((item) => {
    const entry = entries.get(item.id);
    return entry ? { entry, read: item.readLimit ? (reads.get(readKey(entry)) ?? null) : null } : null;
  });
});

/**
 * Notes on running discussions, the notes of requests arriving at once in one statement and one commit (see
 * Gatherer; a shared statement that fails, on a key used before, a deadlock or anything else, is retried note by
 * note). Each note's answer: its entry, or null when its discussion is not running, not there (an id that is no
 * uuid included) or not in that workspace.
 */
export async function recordRunningNote(db: Db, note: Omit<RunningNote, "id">): Promise<Entry | null> {
  return (await recordRunningNoteAndRead(db, note, 0))?.entry ?? null;
}

/**
 * recordRunningNote, and with it (when `limit` > 0) the point as a card shows it (pointNow), read in the same
 * statement: as that statement found the database, with its own notes in it. What a request answering with the point
 * asks, in one wait instead of two.
 */
export async function recordRunningNoteAndRead(
  db: Db,
  note: Omit<RunningNote, "id" | "readLimit">,
  limit: number,
): Promise<{ entry: Entry; now: PointNow } | null> {
  if (!isUuid(note.workspaceId) || !isUuid(note.discussionId)) return null;
  const recorded = await notes(db).run({
    ...note,
    id: randomUUID(),
    ...(limit > 0 ? { readLimit: limit } : {}),
  });
  return recorded && { entry: recorded.entry, now: recorded.read && { ...recorded.read, keyUsed: false } };
}

type PointAsk = {
  workspaceId: string;
  discussionId: string;
  point: number;
  limit: number;
  /** The asking request's idempotency key: whether it was used already comes with the answer. */
  key?: string | null;
};
export type PointNow = {
  discussion: Discussion;
  agenda: AgendaItem[];
  latest: { entries: Entry[]; total: number };
  keyUsed: boolean;
} | null;

const points = perDatabase<PointAsk, PointNow>(async (db, asks) => {
  // Requests at once mostly ask for the same few points (a meeting's current point): each is read once, with the
  // keys of all who asked for it.
  const distinct = new Map<string, { ask: PointAsk; keys: Set<string> }>();
  for (const ask of asks) {
    const key = pointKey(ask);
    const same = distinct.get(key) ?? { ask, keys: new Set<string>() };
    if (ask.key) same.keys.add(ask.key);
    distinct.set(key, same);
  }
  const list = [...distinct.values()];
  const reads = await pointsRepo(db).now(list.map(({ ask, keys }) => ({ ...ask, keys: [...keys] })));
  const byPoint = new Map(list.map(({ ask }, i) => [pointKey(ask), reads[i] ?? null]));
  return asks.map((ask) => {
    const read = byPoint.get(pointKey(ask));
    if (!read) return null;
    const { usedKeys, ...now } = read;
    return { ...now, keyUsed: ask.key ? usedKeys.has(ask.key) : false };
  });
});
const pointKey = (a: PointAsk) => `${a.workspaceId} ${a.discussionId} ${a.point} ${a.limit}`;

/**
 * A discussion, its agenda and a point's newest `limit` entries with their count, and whether the asking request's
 * key was used already, asked together with others in one statement (each point read once however many ask): what a
 * point's card shows, and what tells a click from a card that is behind. Read after the request's own change was
 * stored, so it shows that change. Null when the discussion is not there (an id that is no uuid included) or not in
 * that workspace.
 */
export async function pointNow(db: Db, ask: PointAsk): Promise<PointNow> {
  if (!isUuid(ask.workspaceId) || !isUuid(ask.discussionId)) return null;
  // Answers are matched to asks by id as PostgreSQL writes it.
  const workspaceId = ask.workspaceId.toLowerCase();
  return points(db).run({ ...ask, workspaceId, discussionId: ask.discussionId.toLowerCase() });
}
