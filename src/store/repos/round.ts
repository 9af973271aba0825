import type { RoundAnswer, RoundInvite, StoredRoundAnswer } from "../../domain/round.ts";
import type { Queryable } from "../db.ts";

const toInvite = (r: Record<string, unknown>): RoundInvite => ({
  userId: r.user_id as string,
  answered: r.answered as boolean,
});

const toAnswer = (r: Record<string, unknown>): StoredRoundAnswer => ({
  id: r.id as string,
  respondentId: (r.respondent_id as string | null) ?? null,
  points: r.points as RoundAnswer["points"],
  accidents: (r.accidents as number | null) ?? null,
  nearMisses: (r.near_misses as number | null) ?? null,
});

const ANSWER_COLUMNS = "id, respondent_id, points, accidents, near_misses";

export function roundRepo(q: Queryable) {
  return {
    async invite(workspaceId: string, discussionId: string, userId: string): Promise<boolean> {
      const rows = await q.query(
        `INSERT INTO round_invites (workspace_id, discussion_id, user_id) VALUES ($1, $2, $3)
         ON CONFLICT (discussion_id, user_id) DO NOTHING RETURNING user_id`,
        [workspaceId, discussionId, userId],
      );
      return rows.length > 0;
    },
    async invites(workspaceId: string, discussionId: string): Promise<RoundInvite[]> {
      const rows = await q.query(
        "SELECT user_id, answered FROM round_invites WHERE workspace_id = $1 AND discussion_id = $2 ORDER BY user_id",
        [workspaceId, discussionId],
        { prepare: "round_invites" },
      );
      return rows.map(toInvite);
    },
    async lockInvite(workspaceId: string, discussionId: string, userId: string): Promise<RoundInvite | null> {
      const rows = await q.query(
        `SELECT user_id, answered FROM round_invites
         WHERE workspace_id = $1 AND discussion_id = $2 AND user_id = $3 FOR UPDATE`,
        [workspaceId, discussionId, userId],
      );
      return rows[0] ? toInvite(rows[0]) : null;
    },
    async markAnswered(workspaceId: string, discussionId: string, userId: string): Promise<void> {
      await q.query(
        "UPDATE round_invites SET answered = true WHERE workspace_id = $1 AND discussion_id = $2 AND user_id = $3",
        [workspaceId, discussionId, userId],
      );
    },
    async saveAnswer(
      workspaceId: string,
      discussionId: string,
      respondentId: string | null,
      answer: RoundAnswer,
    ): Promise<void> {
      const values = [
        workspaceId,
        discussionId,
        respondentId,
        JSON.stringify(answer.points),
        answer.accidents,
        answer.nearMisses,
      ];
      // NULLs are distinct in the unique key: every anonymous answer is a row of its own.
      await q.query(
        `INSERT INTO round_answers (workspace_id, discussion_id, respondent_id, points, accidents, near_misses)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)
         ON CONFLICT (discussion_id, respondent_id)
         DO UPDATE SET points = EXCLUDED.points, accidents = EXCLUDED.accidents, near_misses = EXCLUDED.near_misses`,
        values,
      );
    },
    async answerOf(
      workspaceId: string,
      discussionId: string,
      respondentId: string,
    ): Promise<StoredRoundAnswer | null> {
      const rows = await q.query(
        `SELECT ${ANSWER_COLUMNS} FROM round_answers
         WHERE workspace_id = $1 AND discussion_id = $2 AND respondent_id = $3`,
        [workspaceId, discussionId, respondentId],
      );
      return rows[0] ? toAnswer(rows[0]) : null;
    },
    async answers(workspaceId: string, discussionId: string): Promise<StoredRoundAnswer[]> {
      // By the random id: the order rows were written in could be matched with who answered when.
      const rows = await q.query(
        `SELECT ${ANSWER_COLUMNS} FROM round_answers WHERE workspace_id = $1 AND discussion_id = $2 ORDER BY id`,
        [workspaceId, discussionId],
      );
      return rows.map(toAnswer);
    },
  };
}
