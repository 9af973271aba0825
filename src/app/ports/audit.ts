import type { AuditRecord } from "../../domain/entities.ts";

export interface AuditRepo {
  write(
    workspaceId: string,
    actorId: string,
    action: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
  /** The newest `limit` records of the given actions, oldest of them first. */
  recent(workspaceId: string, actions: readonly string[], limit: number): Promise<AuditRecord[]>;
  /** Every record of one action about one subject (a person, an entry), oldest first. */
  about(workspaceId: string, action: string, subjectId: string): Promise<AuditRecord[]>;
}

/** Keys that make a retried request give the first one's result; claimed and completed in one transaction. */
export interface IdempotencyRepo {
  /** Null when the key is new (do the work, then `complete`); else the earlier call's result. */
  claim(workspaceId: string, key: string): Promise<{ result: unknown } | null>;
  /** The stored result of a completed key, or null. */
  result(workspaceId: string, key: string): Promise<unknown>;
  complete(workspaceId: string, key: string, result: unknown): Promise<void>;
}
