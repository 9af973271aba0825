import type { Queryable } from "../db.ts";

export interface Reminder {
  id: string;
  workspaceId: string;
  kind: string;
  subjectId: string | null;
  dueAt: Date;
  payload: Record<string, unknown>;
  status: "pending" | "sent" | "failed" | "cancelled";
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

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
});

export function remindersRepo(q: Queryable) {
  return {
    /** Adds a reminder unless the same one (kind, subject, time) is already there; a cancelled one comes back. */
    async add(
      workspaceId: string,
      r: { kind: string; subjectId: string | null; dueAt: Date; payload?: Record<string, unknown> },
    ): Promise<void> {
      await q.query(
        `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (workspace_id, kind, subject_id, due_at) DO UPDATE
           SET status = 'pending', attempts = 0, leased_until = NULL, last_error = NULL, payload = EXCLUDED.payload
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
     * Leases up to `limit` due reminders to the caller. SKIP LOCKED lets any number of dispatchers claim side by
     * side without taking the same row; a lease that runs out (its process died) makes the row claimable again.
     */
    async claimDue(now: Date, limit: number, leaseSeconds: number): Promise<Reminder[]> {
      const rows = await q.query(
        `UPDATE reminders SET leased_until = $1::timestamptz + make_interval(secs => $3), attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM reminders
           WHERE status = 'pending' AND due_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
           ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, limit, leaseSeconds],
      );
      return rows.map(toReminder);
    },
    async markSent(id: string, now: Date): Promise<void> {
      await q.query(
        "UPDATE reminders SET status = 'sent', sent_at = $2, leased_until = NULL, last_error = NULL WHERE id = $1",
        [id, now],
      );
    },
    async markCancelled(id: string): Promise<void> {
      await q.query("UPDATE reminders SET status = 'cancelled', leased_until = NULL WHERE id = $1", [id]);
    },
    /** A failed try: retried after `retryAt`, or given up (failed) when the tries are used up. */
    async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
      await q.query(
        `UPDATE reminders SET last_error = $2, leased_until = $3,
           status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE status END
         WHERE id = $1`,
        [id, error.slice(0, 1000), retryAt],
      );
    },
  };
}
