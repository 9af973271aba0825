import { randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { entriesRepo, type RunningNote } from "./repos/entries.ts";
import type { Entry } from "./repos/rows.ts";

/** Statements of notes under way at once; a note arriving while all are busy goes with the next one. */
const MAX_STATEMENTS = 4;
/** Notes in one statement at most. */
const MAX_NOTES = 64;

interface Pending {
  note: RunningNote;
  resolve: (entry: Entry | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Notes on running discussions, gathered into shared statements. A note goes to the database at once while fewer
 * than MAX_STATEMENTS of them are under way; otherwise it waits for one to finish and goes together with the notes
 * that arrived meanwhile, in one statement and one commit. An idle database adds no wait; a busy one gets fewer,
 * larger statements. When a shared statement fails on a key used before or a deadlock, each of its notes is tried
 * alone, so one note's outcome is never another's.
 */
class NoteBatches {
  private readonly queue: Pending[] = [];
  private running = 0;

  constructor(private readonly db: Db) {}

  /** The note's entry; null when its discussion is not running (or not in that workspace). */
  record(note: Omit<RunningNote, "id">): Promise<Entry | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ note: { ...note, id: randomUUID() }, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < MAX_STATEMENTS && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_NOTES);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const recorded = await entriesRepo(this.db).recordRunningNotes(batch.map((p) => p.note));
      for (const p of batch) p.resolve(recorded.get(p.note.id) ?? null);
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (batch.length > 1 && (code === "23505" || code === "40P01")) {
        await Promise.all(batch.map((p) => this.run([p])));
        return;
      }
      for (const p of batch) p.reject(error);
    }
  }
}

const byDb = new WeakMap<Db, NoteBatches>();

/** The note gatherer of one database (one per pool, so all requests of a process share it). */
export function noteBatches(db: Db): NoteBatches {
  let batches = byDb.get(db);
  if (!batches) {
    batches = new NoteBatches(db);
    byDb.set(db, batches);
  }
  return batches;
}
