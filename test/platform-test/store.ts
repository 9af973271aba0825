import type { AdapterSql } from "../../src/app/index.ts";

export interface TestchatMessage {
  id: string;
  channel: string;
  threadId: string | null;
  kind: string;
  text: string;
  pinned: boolean;
  updates: number;
}

/** The test platform's channel in its own table (migrations/001_testchat_messages.sql). */
export function testchatStore(db: AdapterSql) {
  return {
    async add(workspaceId: string, channel: string, kind: string, text: string, threadId?: string) {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO testchat_messages (workspace_id, channel, thread_id, kind, text)
         VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
        [workspaceId, channel, threadId ?? null, kind, text],
      );
      return (rows[0] as { id: string }).id;
    },
    async update(workspaceId: string, id: string, kind: string, text: string) {
      await db.query(
        "UPDATE testchat_messages SET kind = $3, text = $4, updates = updates + 1 WHERE workspace_id = $1 AND id = $2",
        [workspaceId, id, kind, text],
      );
    },
    async pin(workspaceId: string, id: string) {
      await db.query("UPDATE testchat_messages SET pinned = true WHERE workspace_id = $1 AND id = $2", [
        workspaceId,
        id,
      ]);
    },
    list(workspaceId: string, channel: string) {
      return db.query<TestchatMessage>(
        `SELECT id::text AS id, channel, thread_id::text AS "threadId", kind, text, pinned, updates
         FROM testchat_messages WHERE workspace_id = $1 AND channel = $2 ORDER BY id`,
        [workspaceId, channel],
      );
    },
  };
}

export type TestchatStore = ReturnType<typeof testchatStore>;
