import { randomBytes } from "node:crypto";
import type { AdapterSql as Db } from "../../src/app/index.ts";
import type { ConversationKind } from "../cards/inbound.ts";

/** A conversation reference as the Bot Framework gives it (kept as JSON; only the adapter reads it). */
export type StoredReference = Record<string, unknown> & {
  serviceUrl?: string;
  /** The channel's (or chat's) name as the activity that was kept gave it. */
  channelName?: string;
  conversation?: Record<string, unknown> & { id?: string };
};

export interface ConversationRow {
  conversationId: string;
  kind: ConversationKind;
  userId: string | null;
  reference: StoredReference;
  publicUrl: string | null;
}

export interface PageRef {
  id: string;
  conversation: string;
}

/** The Teams adapter's own rows: conversation references, extra card pages, files to download. */
export function teamsStore(db: Db) {
  const toRow = (r: Record<string, unknown>): ConversationRow => ({
    conversationId: r.conversation_id as string,
    kind: r.kind as ConversationKind,
    userId: (r.user_id as string | null) ?? null,
    reference: r.reference as StoredReference,
    publicUrl: (r.public_url as string | null) ?? null,
  });
  return {
    /**
     * Keeps a conversation's reference. An existing row is rewritten only where what proactive sends use differs
     * (the kind, the person of a personal chat, the Bot Connector's address, the bot, the tenant, our address), so
     * the many activities of a meeting do not each rewrite it.
     */
    async saveConversation(workspaceId: string, row: ConversationRow): Promise<void> {
      await db.query(
        `INSERT INTO teams_conversations AS c (workspace_id, conversation_id, kind, user_id, reference, public_url)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET kind = EXCLUDED.kind,
           user_id = COALESCE(EXCLUDED.user_id, c.user_id), reference = EXCLUDED.reference,
           public_url = COALESCE(EXCLUDED.public_url, c.public_url), updated_at = now()
         WHERE (c.kind, c.user_id, c.public_url, c.reference ->> 'serviceUrl', c.reference -> 'bot' ->> 'id',
             c.reference -> 'conversation' ->> 'tenantId')
           IS DISTINCT FROM (EXCLUDED.kind, COALESCE(EXCLUDED.user_id, c.user_id),
             COALESCE(EXCLUDED.public_url, c.public_url), EXCLUDED.reference ->> 'serviceUrl',
             EXCLUDED.reference -> 'bot' ->> 'id', EXCLUDED.reference -> 'conversation' ->> 'tenantId')`,
        [workspaceId, row.conversationId, row.kind, row.userId, JSON.stringify(row.reference), row.publicUrl],
        { prepare: "teams_conversation_save" },
      );
    },
    async conversation(workspaceId: string, conversationId: string): Promise<ConversationRow | null> {
      const rows = await db.query(
        "SELECT * FROM teams_conversations WHERE workspace_id = $1 AND conversation_id = $2",
        [workspaceId, conversationId],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },
    /** The conversation and the further pages of one of its messages, in one read (what an update needs). */
    async conversationWithPages(
      workspaceId: string,
      conversationId: string,
      activityId: string,
    ): Promise<{ row: ConversationRow; pages: PageRef[] } | null> {
      const rows = await db.query<Record<string, unknown> & { pages: PageRef[] | null }>(
        `SELECT c.conversation_id, c.kind, c.user_id, c.reference, c.public_url, p.pages FROM teams_conversations c
         LEFT JOIN teams_card_pages p ON p.workspace_id = c.workspace_id AND p.conversation_id = c.conversation_id
           AND p.activity_id = $3
         WHERE c.workspace_id = $1 AND c.conversation_id = $2`,
        [workspaceId, conversationId, activityId],
        { prepare: "teams_conversation_pages" },
      );
      return rows[0] ? { row: toRow(rows[0]), pages: rows[0].pages ?? [] } : null;
    },
    async personal(workspaceId: string, userId: string): Promise<ConversationRow | null> {
      const rows = await db.query(
        `SELECT * FROM teams_conversations WHERE workspace_id = $1 AND kind = 'personal' AND user_id = $2
         ORDER BY updated_at DESC LIMIT 1`,
        [workspaceId, userId],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },
    /**
     * Forgets where the bot can no longer write: a group chat it left, or a team's channels (the team's id is kept in
     * each channel's reference). Answers how many team channels and group chats are still known.
     */
    async forgetPlace(workspaceId: string, place: { id: string; teamId: string | null }): Promise<number> {
      const rows = await db.query<{ left: number }>(
        `WITH gone AS (
           DELETE FROM teams_conversations WHERE workspace_id = $1
             AND (conversation_id = $2 OR reference ->> 'teamId' = $3) RETURNING conversation_id)
         SELECT count(*)::int AS left FROM teams_conversations WHERE workspace_id = $1 AND kind <> 'personal'
           AND conversation_id NOT IN (SELECT conversation_id FROM gone)`,
        [workspaceId, place.id, place.teamId],
      );
      return rows[0]?.left ?? 0;
    },
    /** Any conversation of the workspace, for its service URL and tenant (to open a personal chat). */
    async any(workspaceId: string): Promise<ConversationRow | null> {
      const rows = await db.query(
        "SELECT * FROM teams_conversations WHERE workspace_id = $1 ORDER BY updated_at DESC LIMIT 1",
        [workspaceId],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },
    async publicUrl(workspaceId: string): Promise<string | null> {
      const rows = await db.query<{ public_url: string }>(
        `SELECT public_url FROM teams_conversations WHERE workspace_id = $1 AND public_url IS NOT NULL
         ORDER BY updated_at DESC LIMIT 1`,
        [workspaceId],
      );
      return rows[0]?.public_url ?? null;
    },
    async setPages(
      workspaceId: string,
      conversationId: string,
      activityId: string,
      pages: PageRef[],
    ): Promise<void> {
      await db.query(
        `INSERT INTO teams_card_pages (workspace_id, conversation_id, activity_id, pages) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (workspace_id, conversation_id, activity_id) DO UPDATE SET pages = EXCLUDED.pages`,
        [workspaceId, conversationId, activityId, JSON.stringify(pages)],
      );
    },
    /**
     * Keeps a file for download for `minutes`; the link names the workspace and an unguessable token, and both must
     * match. Links past their time are deleted as new ones are made.
     */
    async saveFile(
      workspaceId: string,
      file: { name: string; mimeType: string; content: Uint8Array | string },
      minutes: number,
    ): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const content =
        typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
      await db.query("DELETE FROM teams_files WHERE workspace_id = $1 AND expires_at < now()", [workspaceId]);
      await db.query(
        `INSERT INTO teams_files (token, workspace_id, name, mime_type, content, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
        [token, workspaceId, file.name, file.mimeType, content.toString("base64"), minutes],
      );
      return token;
    },
    async file(
      workspaceId: string,
      token: string,
    ): Promise<{ name: string; mimeType: string; content: Buffer } | null> {
      const rows = await db.query<{ name: string; mime_type: string; content: string }>(
        `SELECT name, mime_type, content FROM teams_files
         WHERE token = $1 AND workspace_id = $2 AND expires_at > now()`,
        [token, workspaceId],
      );
      const row = rows[0];
      return row
        ? { name: row.name, mimeType: row.mime_type, content: Buffer.from(row.content, "base64") }
        : null;
    },
    /**
     * Takes a file offered in a personal chat out of keeping, once: the first accept or decline of its consent card
     * gets it, a retry or second click finds nothing.
     */
    async takeFile(
      workspaceId: string,
      token: string,
    ): Promise<{ name: string; mimeType: string; content: Buffer } | null> {
      const rows = await db.query<{ name: string; mime_type: string; content: string }>(
        `DELETE FROM teams_files WHERE token = $1 AND workspace_id = $2 AND expires_at > now()
         RETURNING name, mime_type, content`,
        [token, workspaceId],
      );
      const row = rows[0];
      return row
        ? { name: row.name, mimeType: row.mime_type, content: Buffer.from(row.content, "base64") }
        : null;
    },
  };
}
export type TeamsStore = ReturnType<typeof teamsStore>;
