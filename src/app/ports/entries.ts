import type { Entry, EntryChanges, NewEntry } from "../../domain/entities.ts";
import type { EntryKind } from "../../domain/entries.ts";

/** Entries removed are kept for the audit trail but no longer read. */
export interface EntriesRepo {
  insert(workspaceId: string, e: NewEntry): Promise<Entry>;
  get(workspaceId: string, entryId: string): Promise<Entry | null>;
  /** By point, oldest first. */
  forDiscussion(workspaceId: string, discussionId: string): Promise<Entry[]>;
  /** A point's entries (not removed), oldest first. */
  forPoint(workspaceId: string, discussionId: string, point: number): Promise<Entry[]>;
  /** A point's newest entries, oldest of them first (how many it holds is kept with its agenda item). */
  latestForPoint(workspaceId: string, discussionId: string, point: number, limit: number): Promise<Entry[]>;
  /** The ids of last year's goals that already have a verdict in this discussion. */
  judgedGoalIds(workspaceId: string, discussionId: string): Promise<Set<string>>;
  update(workspaceId: string, entryId: string, e: EntryChanges): Promise<Entry | null>;
  remove(workspaceId: string, entryId: string): Promise<boolean>;
  /** Removes the discussion's other entries of a kind it holds only once. */
  removeKind(workspaceId: string, discussionId: string, kind: EntryKind, exceptId: string): Promise<void>;
  /** Only decisions and goals have a status; a deadline given moves theirs. */
  /** `at`: when, on the core's clock (done on time is judged by it). */
  setStatus(workspaceId: string, entryId: string, status: "open" | "done", at: Date): Promise<Entry | null>;
  /** Point 2 entries of every year (not removed) that present this person, oldest first. */
  presenting(workspaceId: string, userId: string): Promise<Entry[]>;
  /** Open decisions and goals of every year, soonest deadline first. */
  open(workspaceId: string): Promise<(Entry & { year: number })[]>;
}
