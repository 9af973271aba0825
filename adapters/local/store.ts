import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { AdapterSql as Db } from "../../src/app/index.ts";
import type { AdaptiveCard } from "../cards/draw/card.ts";

/** A file the bot offered, as a message shows it (the content is fetched by its token). */
export interface FileRef {
  token: string;
  name: string;
  title: string;
  mimeType: string;
  size: number;
}

/** What a message holds: plain text, Adaptive Cards (rendered by the Teams renderers), or a file. */
export interface MessageBody {
  text?: string;
  cards: AdaptiveCard[];
  file?: FileRef;
}

export interface LocalMessage {
  id: string;
  channel: string;
  threadId: string | null;
  /** null: the bot. */
  author: { id: string; name: string } | null;
  body: MessageBody;
  pinned: boolean;
  createdAt: string;
  /** The change number: the page asks for everything changed after the last one it saw. */
  seq: number;
}

export interface NewMessage {
  channel: string;
  threadId?: string | null;
  author?: { id: string; name: string } | null;
  body: MessageBody;
  requestId?: string;
}

export interface StoredFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

const toMessage = (r: Record<string, unknown>): LocalMessage => ({
  id: String(r.id),
  channel: r.channel as string,
  threadId: r.thread_id === null || r.thread_id === undefined ? null : String(r.thread_id),
  author: r.author_id ? { id: r.author_id as string, name: r.author_name as string } : null,
  body: (typeof r.body === "string" ? JSON.parse(r.body) : r.body) as MessageBody,
  pinned: Boolean(r.pinned),
  createdAt: new Date(r.created_at as string).toISOString(),
  seq: Number(r.seq),
});

const ID = /^\d{1,18}$/;
export const isMessageId = (id: unknown): id is string => typeof id === "string" && ID.test(id);

/**
 * The local channel's rows. Writes of one process go one at a time, so change numbers are committed in order and a
 * page asking "since N" never skips a change (the local trial runs as one process on one machine).
 */
export function localStore(db: Db) {
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run.finally(() => changes.emit("change"));
  };
  const COLUMNS = "id, channel, thread_id, author_id, author_name, body, pinned, created_at, seq";

  return {
    /** Fires after every write (the long poll waits on it). */
    changes,

    /** Stores a message; with a request id already seen, the earlier message is returned and `created` is false. */
    insert(workspaceId: string, m: NewMessage): Promise<{ message: LocalMessage; created: boolean }> {
      return serial(async () => {
        const rows = await db.query(
          `INSERT INTO local_messages (workspace_id, channel, thread_id, author_id, author_name, body, request_id)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
           ON CONFLICT (workspace_id, request_id) WHERE request_id IS NOT NULL DO NOTHING
           RETURNING ${COLUMNS}`,
          [
            workspaceId,
            m.channel,
            m.threadId ?? null,
            m.author?.id ?? null,
            m.author?.name ?? "",
            JSON.stringify(m.body),
            m.requestId ?? null,
          ],
        );
        if (rows[0]) return { message: toMessage(rows[0]), created: true };
        const earlier = await db.query(
          `SELECT ${COLUMNS} FROM local_messages WHERE workspace_id = $1 AND request_id = $2`,
          [workspaceId, m.requestId],
        );
        return { message: toMessage(earlier[0] as Record<string, unknown>), created: false };
      });
    },

    async get(workspaceId: string, id: string): Promise<LocalMessage | null> {
      if (!isMessageId(id)) return null;
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM local_messages WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      );
      return rows[0] ? toMessage(rows[0]) : null;
    },

    setBody(workspaceId: string, id: string, body: MessageBody): Promise<void> {
      return serial(async () => {
        await db.query(
          `UPDATE local_messages SET body = $3::jsonb, seq = nextval('local_messages_seq')
           WHERE workspace_id = $1 AND id = $2`,
          [workspaceId, id, JSON.stringify(body)],
        );
      });
    },

    /** Replaces one card of a message (the answer to a button on it), keeping the others. */
    replaceCard(workspaceId: string, id: string, index: number, card: AdaptiveCard): Promise<void> {
      return serial(async () => {
        await db.query(
          `UPDATE local_messages SET body = jsonb_set(body, ARRAY['cards', $3::text], $4::jsonb),
             seq = nextval('local_messages_seq')
           WHERE workspace_id = $1 AND id = $2 AND jsonb_array_length(body -> 'cards') > $3::int`,
          [workspaceId, id, String(index), JSON.stringify(card)],
        );
      });
    },

    pin(workspaceId: string, id: string): Promise<void> {
      return serial(async () => {
        await db.query(
          `UPDATE local_messages SET pinned = true, seq = nextval('local_messages_seq')
           WHERE workspace_id = $1 AND id = $2`,
          [workspaceId, id],
        );
      });
    },

    /** The channel's and the reader's direct messages changed after `since`, oldest change first. */
    async changedSince(
      workspaceId: string,
      channels: string[],
      since: number,
      limit = 500,
    ): Promise<LocalMessage[]> {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM local_messages
         WHERE workspace_id = $1 AND channel = ANY($2::text[]) AND seq > $3
         ORDER BY seq LIMIT $4`,
        [workspaceId, channels, since, limit],
      );
      return rows.map(toMessage);
    },

    /** Keeps a file for download for `minutes`; links past their time are deleted as new ones are made. */
    async saveFile(
      workspaceId: string,
      file: { name: string; mimeType: string; content: Uint8Array | string },
      minutes: number,
    ) {
      const token = randomBytes(32).toString("base64url");
      const content =
        typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
      await db.query("DELETE FROM local_files WHERE workspace_id = $1 AND expires_at < now()", [workspaceId]);
      await db.query(
        `INSERT INTO local_files (token, workspace_id, name, mime_type, content, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
        [token, workspaceId, file.name, file.mimeType, content, minutes],
      );
      return { token, size: content.byteLength };
    },

    async file(workspaceId: string, token: string): Promise<StoredFile | null> {
      const rows = await db.query(
        "SELECT name, mime_type, content FROM local_files WHERE workspace_id = $1 AND token = $2 AND expires_at > now()",
        [workspaceId, token],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        name: r.name as string,
        mimeType: r.mime_type as string,
        content: Buffer.from(r.content as Uint8Array),
      };
    },
  };
}
export type LocalStore = ReturnType<typeof localStore>;
