import type { NewReminder, Reminder } from "../../domain/entities.ts";

/**
 * Reminder jobs. A claim leases a reminder with a fresh token; an outcome counts only while that token is still the
 * reminder's, so each `mark` answers false when another dispatcher took it over.
 */
export interface RemindersRepo {
  /** Adds a reminder unless the same one (kind, subject, time) is there; a cancelled one comes back. */
  add(workspaceId: string, r: NewReminder): Promise<void>;
  /** Cancels a subject's pending reminders whose kind starts with the prefix; answers how many. */
  cancel(workspaceId: string, subjectId: string, kindPrefix: string): Promise<number>;
  cancelKind(workspaceId: string, kind: string): Promise<void>;
  /** Leases up to `limit` due reminders; dispatchers claiming side by side never get the same one. */
  claimDue(now: Date, limit: number, leaseSeconds: number): Promise<Reminder[]>;
  /** Extends the leases still held with these tokens; answers the ids that are still the caller's. */
  renew(
    held: readonly { id: string; leaseToken: string }[],
    now: Date,
    leaseSeconds: number,
  ): Promise<Set<string>>;
  markSent(id: string, leaseToken: string, now: Date): Promise<boolean>;
  markCancelled(id: string, leaseToken: string): Promise<boolean>;
  /** Tried again after `retryAt`; null gives up (failed). */
  markFailed(id: string, leaseToken: string, error: string, retryAt: Date | null): Promise<boolean>;
  /** The platform asked to wait: tried again after `retryAt` without using up a try. */
  markRateLimited(id: string, leaseToken: string, error: string, retryAt: Date): Promise<boolean>;
}
