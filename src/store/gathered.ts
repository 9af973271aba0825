import { randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { Gatherer } from "./gather.ts";
import { discussionsRepo } from "./repos/discussions.ts";
import { entriesRepo, type RunningNote } from "./repos/entries.ts";
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
/** Requests in one statement at most. */
const MAX_ITEMS = 64;

// An id from a forged button or form that is no uuid would fail the whole shared statement's cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);

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
    }
    return gatherer;
  };
}

const notes = perDatabase<RunningNote, Entry | null>(async (db, items) => {
  const recorded = await entriesRepo(db).recordRunningNotes(items);
  return items.map((item) => recorded.get(item.id) ?? null);
});

/**
 * Notes on running discussions, the notes of requests arriving at once in one statement and one commit (see
 * Gatherer; a shared statement that fails, on a key used before, a deadlock or anything else, is retried note by
 * note). Each note's answer: its entry, or null when its discussion is not running, not there (an id that is no
 * uuid included) or not in that workspace.
 */
export async function recordRunningNote(db: Db, note: Omit<RunningNote, "id">): Promise<Entry | null> {
  if (!isUuid(note.workspaceId) || !isUuid(note.discussionId)) return null;
  return notes(db).run({ ...note, id: randomUUID() });
}

type VersionAsk = { workspaceId: string; discussionId: string; key: string | null };
type VersionSeen = { version: number; keyUsed: boolean } | null;
const versions = perDatabase<VersionAsk, VersionSeen>((db, items) => discussionsRepo(db).versionsFor(items));

/**
 * A discussion's version and whether a key was used (discussions.versionsFor), asked together with others; null
 * when it is not there (an id that is no uuid included).
 */
export async function versionFor(db: Db, ask: VersionAsk): Promise<VersionSeen> {
  if (!isUuid(ask.workspaceId) || !isUuid(ask.discussionId)) return null;
  return versions(db).run(ask);
}

type PointAsk = { workspaceId: string; discussionId: string; point: number; limit: number };
export type PointNow = {
  discussion: Discussion;
  agenda: AgendaItem[];
  latest: { entries: Entry[]; total: number };
} | null;

const points = perDatabase<PointAsk, PointNow>(async (db, asks) => {
  // Requests at once mostly ask for the same few points (a meeting's current point): each is read once.
  const distinct = [...new Map(asks.map((a) => [pointKey(a), a])).values()];
  const [found, latest] = await Promise.all([
    discussionsRepo(db).withAgendas(distinct),
    Promise.all(
      [...new Set(distinct.map((a) => a.limit))].map(async (limit) => {
        const same = distinct.filter((a) => a.limit === limit);
        const answers = await entriesRepo(db).latestForPoints(same, limit);
        return same.map((a, i) => [pointKey(a), answers[i]] as const);
      }),
    ).then((lists) => new Map(lists.flat())),
  ]);
  return asks.map((a) => {
    const here = found.get(a.discussionId);
    if (!here || here.discussion.workspaceId !== a.workspaceId) return null;
    return { ...here, latest: latest.get(pointKey(a)) ?? { entries: [], total: 0 } };
  });
});
const pointKey = (a: PointAsk) => `${a.workspaceId} ${a.discussionId} ${a.point} ${a.limit}`;

/**
 * A discussion, its agenda and a point's newest `limit` entries with their count, asked together with others (each
 * point read once however many ask): what a point's card shows. Read after the request's own change was stored, so
 * it shows that change. Null when the discussion is not there (an id that is no uuid included).
 */
export async function pointNow(db: Db, ask: PointAsk): Promise<PointNow> {
  if (!isUuid(ask.workspaceId) || !isUuid(ask.discussionId)) return null;
  // Answers are matched to asks by id as PostgreSQL writes it.
  const workspaceId = ask.workspaceId.toLowerCase();
  return points(db).run({ ...ask, workspaceId, discussionId: ask.discussionId.toLowerCase() });
}
