import type { NewReminder, Reminder } from "../../domain/entities.ts";
import type { Queryable } from "../db.ts";

const toReminder = (r: Record<string, unknown>): Reminder => ({
  id: r.id as string,
  workspaceId: r.workspace_id as string,
  kind: r.kind as string,
  subjectId: (r.subject_id as string | null) ?? null,
  dueAt: r.due_at as Date,
  payload: (r.payload as Record<string, unknown>) ?? {},
  status: r.status as Reminder["status"],
  attempts: r.attempts as number,
  lastError: (r.last_error as string | null) ?? null,
  sentAt: (r.sent_at as Date | null) ?? null,
  leaseToken: (r.lease_token as string | null) ?? null,
});

export function remindersRepo(q: Queryable) {
  return {
    /** Adds a reminder unless the same one (kind, subject, time) is already there; a cancelled one comes back. */
    async add(workspaceId: string, r: NewReminder): Promise<void> {
      await q.query(
        `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (workspace_id, kind, subject_id, due_at) DO UPDATE
           SET status = 'pending', attempts = 0, leased_until = NULL, lease_token = NULL, last_error = NULL,
             payload = EXCLUDED.payload
           WHERE reminders.status = 'cancelled'`,
        [workspaceId, r.kind, r.subjectId, r.dueAt, JSON.stringify(r.payload ?? {})],
      );
    },
    /** Cancels a subject's pending reminders whose kind starts with the prefix (e.g. "meeting."). */
    async cancel(workspaceId: string, subjectId: string, kindPrefix: string): Promise<number> {
      const rows = await q.query(
        `UPDATE reminders SET status = 'cancelled' WHERE workspace_id = $1 AND subject_id = $2 AND kind LIKE $3
           AND status = 'pending' RETURNING id`,
        [workspaceId, subjectId, `${kindPrefix}%`],
      );
      return rows.length;
    },
    async cancelKind(workspaceId: string, kind: string): Promise<void> {
      await q.query(
        "UPDATE reminders SET status = 'cancelled' WHERE workspace_id = $1 AND kind = $2 AND status = 'pending'",
        [workspaceId, kind],
      );
    },
    async list(workspaceId: string, status?: Reminder["status"]): Promise<Reminder[]> {
      const rows = await q.query(
        `SELECT * FROM reminders WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY due_at, kind`,
        [workspaceId, status ?? null],
      );
      return rows.map(toReminder);
    },
    /**
     * Leases up to `limit` due reminders to the caller, each with a new fencing token. SKIP LOCKED lets any number of
     * dispatchers claim side by side without taking the same row; a lease that runs out (its process died, or it
     * stopped renewing) makes the row claimable again, and the new claim's token shuts the old holder out.
     */
    async claimDue(now: Date, limit: number, leaseSeconds: number): Promise<Reminder[]> {
      const rows = await q.query(
        `UPDATE reminders SET leased_until = $1::timestamptz + make_interval(secs => $3), attempts = attempts + 1,
           lease_token = gen_random_uuid()
         WHERE id IN (
           SELECT id FROM reminders
           WHERE status = 'pending' AND due_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
           ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, limit, leaseSeconds],
      );
      return rows.map(toReminder);
    },
    /** Extends the leases still held with these tokens; answers the ids among them that are still the caller's. */
    async renew(
      held: readonly { id: string; leaseToken: string }[],
      now: Date,
      leaseSeconds: number,
    ): Promise<Set<string>> {
      if (held.length === 0) return new Set();
      const rows = await q.query<{ id: string }>(
        `UPDATE reminders AS r SET leased_until = $1::timestamptz + make_interval(secs => $2)
         FROM unnest($3::uuid[], $4::uuid[]) AS held (id, token)
         WHERE r.id = held.id AND r.lease_token = held.token AND r.status = 'pending'
         RETURNING r.id`,
        [now, leaseSeconds, held.map((h) => h.id), held.map((h) => h.leaseToken)],
      );
      return new Set(rows.map((r) => r.id));
    },
    /** Sent, if the lease is still the caller's; false when another claim (or a cancellation) came first. */
    async markSent(id: string, leaseToken: string, now: Date): Promise<boolean> {
      const rows = await q.query(
        `UPDATE reminders SET status = 'sent', sent_at = $3, leased_until = NULL, lease_token = NULL, last_error = NULL
         WHERE id = $1 AND lease_token = $2 AND status = 'pending' RETURNING id`,
        [id, leaseToken, now],
      );
      return rows.length > 0;
    },
    /** Nothing to say any more (the subject is gone or done), if the lease is still the caller's. */
    async markCancelled(id: string, leaseToken: string): Promise<boolean> {
      const rows = await q.query(
        `UPDATE reminders SET status = 'cancelled', leased_until = NULL, lease_token = NULL
         WHERE id = $1 AND lease_token = $2 AND status = 'pending' RETURNING id`,
        [id, leaseToken],
      );
      return rows.length > 0;
    },
    /** A failed try: retried after `retryAt`, or given up (failed) when the tries are used up. */
    async markFailed(id: string, leaseToken: string, error: string, retryAt: Date | null): Promise<boolean> {
      const rows = await q.query(
        `UPDATE reminders SET last_error = $3, leased_until = $4, lease_token = NULL,
           status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE status END
         WHERE id = $1 AND lease_token = $2 AND status = 'pending' RETURNING id`,
        [id, leaseToken, error.slice(0, 1000), retryAt],
      );
      return rows.length > 0;
    },
    /**
     * The platform asked to wait (429): tried again after `retryAt`, with the try given back, since being told to
     * wait is not a failure of the reminder and must not use up its tries.
     */
    async markRateLimited(id: string, leaseToken: string, error: string, retryAt: Date): Promise<boolean> {
      const rows = await q.query(
        `UPDATE reminders SET last_error = $3, leased_until = $4, lease_token = NULL,
           attempts = greatest(attempts - 1, 0)
         WHERE id = $1 AND lease_token = $2 AND status = 'pending' RETURNING id`,
        [id, leaseToken, error.slice(0, 1000), retryAt],
      );
      return rows.length > 0;
    },
  };
}
