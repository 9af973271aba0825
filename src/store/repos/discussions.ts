import type { DiscussionState } from "../../domain/discussion.ts";
import type {
  MessageRef,
  NewDiscussion,
  RecordPeople,
  Rescheduling,
  StateChange,
} from "../../domain/entities.ts";
import { AGENDA_KEYS } from "../../domain/types.ts";
import type { Queryable } from "../db.ts";
import { STALE_CLAIM } from "./claims.ts";
import { type AgendaItem, DISCUSSION_COLUMNS, type Discussion, toAgendaItem, toDiscussion } from "./rows.ts";

export function discussionsRepo(q: Queryable) {
  return {
    async get(workspaceId: string, discussionId: string, lock = false): Promise<Discussion | null> {
      const rows = await q.query(
        `SELECT ${DISCUSSION_COLUMNS} FROM discussions WHERE workspace_id = $1 AND id = $2${lock ? " FOR UPDATE" : ""}`,
        [workspaceId, discussionId],
        { prepare: lock ? "discussion_locked" : "discussion" },
      );
      return rows[0] ? toDiscussion(rows[0]) : null;
    },
    async forYear(workspaceId: string, year: number, lock = false): Promise<Discussion | null> {
      const rows = await q.query(
        `SELECT * FROM discussions WHERE workspace_id = $1 AND year = $2${lock ? " FOR UPDATE" : ""}`,
        [workspaceId, year],
      );
      return rows[0] ? toDiscussion(rows[0]) : null;
    },
    /** The newest discussion before the given year, if any. */
    async previous(workspaceId: string, year: number): Promise<Discussion | null> {
      const rows = await q.query(
        "SELECT * FROM discussions WHERE workspace_id = $1 AND year < $2 AND status <> 'planned' ORDER BY year DESC LIMIT 1",
        [workspaceId, year],
      );
      return rows[0] ? toDiscussion(rows[0]) : null;
    },
    async latest(workspaceId: string): Promise<Discussion | null> {
      const rows = await q.query(
        "SELECT * FROM discussions WHERE workspace_id = $1 ORDER BY year DESC LIMIT 1",
        [workspaceId],
      );
      return rows[0] ? toDiscussion(rows[0]) : null;
    },
    async list(workspaceId: string): Promise<Discussion[]> {
      const rows = await q.query("SELECT * FROM discussions WHERE workspace_id = $1 ORDER BY year DESC", [
        workspaceId,
      ]);
      return rows.map(toDiscussion);
    },
    /** Creates the discussion and its eleven agenda items; null when the year already has one. */
    async create(workspaceId: string, d: NewDiscussion): Promise<Discussion | null> {
      const rows = await q.query(
        `INSERT INTO discussions (workspace_id, year, status, organiser_id, channel_id, scheduled_at,
           duration_minutes, location, participants, stand_in)
         VALUES ($1, $2, 'planned', $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)
         ON CONFLICT (workspace_id, year) DO NOTHING RETURNING *`,
        [
          workspaceId,
          d.year,
          d.organiserId,
          d.channelId,
          d.scheduledAt,
          d.durationMinutes,
          d.location,
          JSON.stringify(d.participants),
          d.standIn ? JSON.stringify(d.standIn) : null,
        ],
      );
      if (!rows[0]) return null;
      const discussion = toDiscussion(rows[0]);
      await q.query(
        `INSERT INTO agenda_items (workspace_id, discussion_id, number, key)
         SELECT $1, $2, n, ($3::text[])[n] FROM generate_series(1, 11) AS n`,
        [workspaceId, discussion.id, [...AGENDA_KEYS]],
      );
      return discussion;
    },
    async reschedule(workspaceId: string, discussionId: string, d: Rescheduling): Promise<Discussion> {
      const rows = await q.query(
        `UPDATE discussions SET scheduled_at = $3, duration_minutes = $4, location = $5, participants = $6::jsonb,
           channel_id = COALESCE($7, channel_id), year = COALESCE($8, year), stand_in = $9::jsonb,
           version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND id = $2 RETURNING *`,
        [
          workspaceId,
          discussionId,
          d.scheduledAt,
          d.durationMinutes,
          d.location,
          JSON.stringify(d.participants),
          d.channelId,
          d.year ?? null,
          d.standIn ? JSON.stringify(d.standIn) : null,
        ],
      );
      return toDiscussion(rows[0] as Record<string, unknown>);
    },
    /**
     * Writes a new state only if nobody changed the discussion since `expectedVersion`:
     * optimistic locking, so two "next" clicks from the same view move once.
     */
    async applyState(
      workspaceId: string,
      discussionId: string,
      expectedVersion: number,
      state: DiscussionState,
      extra: StateChange = {},
    ): Promise<Discussion | null> {
      const rows = await q.query(
        `UPDATE discussions SET status = $4, current_point = $5, version = version + 1, updated_at = now(),
           started_at = COALESCE($6, started_at),
           concluded_at = CASE WHEN $10 THEN $7 ELSE concluded_at END,
           concluded_by = CASE WHEN $10 THEN $8 ELSE concluded_by END,
           conclude_override_reason = CASE WHEN $10 THEN $9 ELSE conclude_override_reason END,
           channel_id = COALESCE($11, channel_id)
         WHERE workspace_id = $1 AND id = $2 AND version = $3 RETURNING *`,
        [
          workspaceId,
          discussionId,
          expectedVersion,
          state.status,
          state.currentPoint,
          extra.startedAt ?? null,
          extra.concludedAt ?? null,
          extra.concludedBy ?? null,
          extra.overrideReason ?? null,
          "concludedAt" in extra,
          extra.channelId ?? null,
        ],
      );
      if (!rows[0]) return null;
      for (const p of state.points) {
        await q.query(
          "UPDATE agenda_items SET status = $4 WHERE workspace_id = $1 AND discussion_id = $2 AND number = $3 AND status <> $4",
          [workspaceId, discussionId, p.number, p.status],
        );
      }
      return toDiscussion(rows[0]);
    },
    /** Keeps the channel's name as the platform gave it (migrations/012_discussion_channel_name.sql). */
    async nameChannel(workspaceId: string, discussionId: string, name: string): Promise<void> {
      await q.query("UPDATE discussions SET channel_name = $3 WHERE workspace_id = $1 AND id = $2", [
        workspaceId,
        discussionId,
        name,
      ]);
    },
    /** Keeps who took part as the record states it (migrations/023_discussion_record_people.sql); null clears it. */
    async keepRecordPeople(
      workspaceId: string,
      discussionId: string,
      people: RecordPeople | null,
    ): Promise<void> {
      await q.query("UPDATE discussions SET record_people = $3::jsonb WHERE workspace_id = $1 AND id = $2", [
        workspaceId,
        discussionId,
        people ? JSON.stringify(people) : null,
      ]);
    },
    async remove(workspaceId: string, discussionId: string): Promise<void> {
      await q.query("DELETE FROM discussions WHERE workspace_id = $1 AND id = $2", [
        workspaceId,
        discussionId,
      ]);
    },
    async bumpVersion(workspaceId: string, discussionId: string): Promise<void> {
      await q.query("UPDATE discussions SET version = version + 1 WHERE workspace_id = $1 AND id = $2", [
        workspaceId,
        discussionId,
      ]);
    },
    async agenda(workspaceId: string, discussionId: string): Promise<AgendaItem[]> {
      const rows = await q.query(
        `SELECT number, key, status, message, entry_count FROM agenda_items WHERE workspace_id = $1 AND discussion_id = $2
         ORDER BY number`,
        [workspaceId, discussionId],
        { prepare: "agenda" },
      );
      return rows.map(toAgendaItem);
    },
    /**
     * Claims the right to post a message (board or point) by writing a placeholder where none is.
     * Only one caller gets true, so a retry racing the original never posts twice.
     */
    async claimMessage(workspaceId: string, discussionId: string, point: number | "board"): Promise<boolean> {
      const rows =
        point === "board"
          ? await q.query(
              `UPDATE discussions SET board_message = jsonb_build_object('pending', true, 'at', now())
               WHERE workspace_id = $1 AND id = $2 AND (board_message IS NULL OR ${STALE_CLAIM("board_message")})
               RETURNING id`,
              [workspaceId, discussionId],
            )
          : await q.query(
              `UPDATE agenda_items SET message = jsonb_build_object('pending', true, 'at', now())
               WHERE workspace_id = $1 AND discussion_id = $2 AND number = $3 AND (message IS NULL OR ${STALE_CLAIM("message")}) RETURNING number`,
              [workspaceId, discussionId, point],
            );
      return rows.length > 0;
    },
    /** Stores the posted message, or clears the claim (ref null) so a later call may post. */
    async setMessage(
      workspaceId: string,
      discussionId: string,
      point: number | "board",
      ref: MessageRef | null,
    ): Promise<void> {
      const value = ref ? JSON.stringify(ref) : null;
      if (point === "board") {
        await q.query(
          "UPDATE discussions SET board_message = $3::jsonb WHERE workspace_id = $1 AND id = $2",
          [workspaceId, discussionId, value],
        );
      } else {
        await q.query(
          "UPDATE agenda_items SET message = $4::jsonb WHERE workspace_id = $1 AND discussion_id = $2 AND number = $3",
          [workspaceId, discussionId, point, value],
          { prepare: "point_message" },
        );
      }
    },
    /** The discussion and point a thread belongs to, found by the message that opened it. */
    async pointByMessage(
      workspaceId: string,
      channel: string,
      messageId: string,
    ): Promise<{ discussionId: string; point: number } | null> {
      const rows = await q.query(
        `SELECT discussion_id, number FROM agenda_items
         WHERE workspace_id = $1 AND message->>'channel' = $2 AND message->>'id' = $3`,
        [workspaceId, channel, messageId],
      );
      return rows[0]
        ? { discussionId: rows[0].discussion_id as string, point: rows[0].number as number }
        : null;
    },
  };
}
