import type { Approval, MessageRef, NewApproval, NewSummary } from "../../domain/entities.ts";
import type { Role } from "../../domain/types.ts";
import type { Queryable } from "../db.ts";
import { STALE_CLAIM } from "./claims.ts";
import { type Summary, toSummary } from "./rows.ts";

export function summariesRepo(q: Queryable) {
  return {
    async latest(workspaceId: string, discussionId: string): Promise<Summary | null> {
      const rows = await q.query(
        "SELECT * FROM summaries WHERE workspace_id = $1 AND discussion_id = $2 ORDER BY version DESC LIMIT 1",
        [workspaceId, discussionId],
      );
      return rows[0] ? toSummary(rows[0]) : null;
    },
    async list(workspaceId: string, discussionId: string): Promise<Summary[]> {
      const rows = await q.query(
        "SELECT * FROM summaries WHERE workspace_id = $1 AND discussion_id = $2 ORDER BY version",
        [workspaceId, discussionId],
      );
      return rows.map(toSummary);
    },
    async insert(workspaceId: string, s: NewSummary): Promise<Summary> {
      const rows = await q.query(
        `INSERT INTO summaries (workspace_id, discussion_id, version, language, content, sha256, created_by, message,
           document)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb) RETURNING *`,
        [
          workspaceId,
          s.discussionId,
          s.version,
          s.language,
          s.content,
          s.sha256,
          s.createdBy,
          s.message ? JSON.stringify(s.message) : null,
          JSON.stringify(s.document),
        ],
      );
      return toSummary(rows[0] as Record<string, unknown>);
    },
    async setMessage(
      workspaceId: string,
      discussionId: string,
      version: number,
      ref: MessageRef | null,
    ): Promise<void> {
      await q.query(
        "UPDATE summaries SET message = $4::jsonb WHERE workspace_id = $1 AND discussion_id = $2 AND version = $3",
        [workspaceId, discussionId, version, ref ? JSON.stringify(ref) : null],
      );
    },
    async approve(workspaceId: string, a: NewApproval): Promise<boolean> {
      const rows = await q.query(
        `INSERT INTO approvals (workspace_id, discussion_id, summary_version, user_id, role, approved_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING user_id`,
        [workspaceId, a.discussionId, a.version, a.userId, a.role, a.at],
      );
      return rows.length > 0;
    },
    async approvals(workspaceId: string, discussionId: string, version: number): Promise<Approval[]> {
      const rows = await q.query(
        `SELECT a.user_id, a.role, a.approved_at, COALESCE(NULLIF(m.name, ''), a.user_id) AS name
         FROM approvals a LEFT JOIN members m ON m.workspace_id = a.workspace_id AND m.user_id = a.user_id
         WHERE a.workspace_id = $1 AND a.discussion_id = $2 AND a.summary_version = $3 ORDER BY a.approved_at, a.user_id`,
        [workspaceId, discussionId, version],
      );
      return rows.map((r) => ({
        userId: r.user_id as string,
        name: r.name as string,
        role: r.role as Role,
        at: r.approved_at as Date,
      }));
    },
    /**
     * The discussions of installed workspaces with a summary version written but never posted, or claimed for posting
     * by a process that did not finish within the claim timeout.
     */
    async unposted(): Promise<{ workspaceId: string; discussionId: string }[]> {
      const rows = await q.query<{ workspace_id: string; discussion_id: string }>(
        `SELECT DISTINCT ON (s.discussion_id) s.workspace_id, s.discussion_id FROM summaries s
         JOIN workspaces w ON w.id = s.workspace_id AND w.installed
         WHERE s.message IS NULL OR ${STALE_CLAIM("s.message")}
         ORDER BY s.discussion_id, s.version DESC`,
      );
      return rows.map((r) => ({ workspaceId: r.workspace_id, discussionId: r.discussion_id }));
    },
    /** Claims posting the summary message of a version; only one caller gets true. */
    async claimMessage(workspaceId: string, discussionId: string, version: number): Promise<boolean> {
      const rows = await q.query(
        `UPDATE summaries SET message = jsonb_build_object('pending', true, 'at', now())
         WHERE workspace_id = $1 AND discussion_id = $2 AND version = $3 AND (message IS NULL OR ${STALE_CLAIM("message")}) RETURNING version`,
        [workspaceId, discussionId, version],
      );
      return rows.length > 0;
    },
  };
}
