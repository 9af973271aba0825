import type { MessageRef } from "../../src/app/chat-port.ts";
import type { AdapterSql } from "../../src/app/index.ts";

/**
 * For one workspace: the fallback text of the content whose extra pages were last posted in a message's thread. The
 * pages are posted again only when the content is new (an approval changes the first page alone).
 */
export interface ThreadPages {
  postedFor(ref: MessageRef): Promise<string | null>;
  posted(ref: MessageRef, text: string): Promise<void>;
}

export function threadPages(db: AdapterSql, workspaceId: string): ThreadPages {
  return {
    async postedFor(ref) {
      const rows = await db.query<{ text: string }>(
        "SELECT text FROM slack_thread_pages WHERE workspace_id = $1 AND channel = $2 AND ts = $3",
        [workspaceId, ref.channel, ref.id],
      );
      return rows[0]?.text ?? null;
    },
    async posted(ref, text) {
      await db.query(
        `INSERT INTO slack_thread_pages (workspace_id, channel, ts, text) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id, channel, ts) DO UPDATE SET text = EXCLUDED.text, posted_at = now()`,
        [workspaceId, ref.channel, ref.id, text],
      );
    },
  };
}
