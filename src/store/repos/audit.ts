import type { AuditRecord } from "../../domain/entities.ts";
import type { Queryable } from "../db.ts";

export function auditRepo(q: Queryable) {
  return {
    async write(
      workspaceId: string,
      actorId: string,
      action: string,
      subjectId: string | null,
      details: Record<string, unknown> = {},
    ): Promise<void> {
      await q.query(
        "INSERT INTO audit_log (workspace_id, actor_id, action, subject_id, details) VALUES ($1, $2, $3, $4, $5::jsonb)",
        [workspaceId, actorId, action, subjectId, JSON.stringify(details)],
        { prepare: "audit_write" },
      );
    },
    async list(workspaceId: string, limit = 1000): Promise<AuditRecord[]> {
      const rows = await q.query(
        "SELECT actor_id, action, subject_id, details, at FROM audit_log WHERE workspace_id = $1 ORDER BY id LIMIT $2",
        [workspaceId, limit],
      );
      return rows.map(auditRecord);
    },
    /** The newest `limit` records of the given actions, oldest of them first. */
    async recent(workspaceId: string, actions: readonly string[], limit: number): Promise<AuditRecord[]> {
      const rows = await q.query(
        `SELECT * FROM (
           SELECT id, actor_id, action, subject_id, details, at FROM audit_log
            WHERE workspace_id = $1 AND action = ANY($2::text[]) ORDER BY id DESC LIMIT $3
         ) newest ORDER BY id`,
        [workspaceId, [...actions], limit],
      );
      return rows.map(auditRecord);
    },
    async about(workspaceId: string, action: string, subjectId: string): Promise<AuditRecord[]> {
      const rows = await q.query(
        `SELECT id, actor_id, action, subject_id, details, at FROM audit_log
          WHERE workspace_id = $1 AND action = $2 AND subject_id = $3 ORDER BY id`,
        [workspaceId, action, subjectId],
      );
      return rows.map(auditRecord);
    },
  };
}

const auditRecord = (r: Record<string, unknown>): AuditRecord => ({
  actorId: r.actor_id as string,
  action: r.action as string,
  subjectId: (r.subject_id as string | null) ?? null,
  details: r.details as Record<string, unknown>,
  at: r.at as Date,
});

export function idempotencyRepo(q: Queryable) {
  return {
    /**
     * Claims a key inside the caller's transaction. Returns null when the key is new (the caller does the work
     * and stores its result with `complete`), or the stored result of the earlier call. A concurrent claim of the
     * same key waits on the primary key until the first transaction ends.
     */
    async claim(workspaceId: string, key: string): Promise<{ result: unknown } | null> {
      const inserted = await q.query(
        "INSERT INTO idempotency_keys (workspace_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key",
        [workspaceId, key],
        { prepare: "key_claim" },
      );
      if (inserted.length > 0) return null;
      const rows = await q.query("SELECT result FROM idempotency_keys WHERE workspace_id = $1 AND key = $2", [
        workspaceId,
        key,
      ]);
      return { result: rows[0]?.result ?? null };
    },
    /** The stored result of a completed key, or null. */
    async result(workspaceId: string, key: string): Promise<unknown> {
      const rows = await q.query<{ result: unknown }>(
        "SELECT result FROM idempotency_keys WHERE workspace_id = $1 AND key = $2",
        [workspaceId, key],
      );
      return rows[0]?.result ?? null;
    },
    async complete(workspaceId: string, key: string, result: unknown): Promise<void> {
      await q.query(
        "UPDATE idempotency_keys SET result = $3::jsonb WHERE workspace_id = $1 AND key = $2",
        [workspaceId, key, JSON.stringify(result ?? null)],
        { prepare: "key_complete" },
      );
    },
  };
}
