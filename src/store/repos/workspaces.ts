import type { WorkspaceChanges } from "../../domain/entities.ts";
import type { PlatformId, Role } from "../../domain/types.ts";
import type { Queryable } from "../db.ts";
import { type Member, toWorkspace, WORKSPACE_COLUMNS, type Workspace } from "./rows.ts";

/** The tables that hold a workspace's rows, besides the workspace itself: what a data export gives. */
const WORKSPACE_TABLES = [
  "members",
  "discussions",
  "agenda_items",
  "entries",
  "summaries",
  "approvals",
  "reminders",
  "audit_log",
  "round_invites",
  "round_answers",
  "person_languages",
];

export function workspacesRepo(q: Queryable) {
  return {
    /** The workspace for a platform's team/tenant id, created on first contact. */
    async ensure(platform: PlatformId, externalId: string, name = ""): Promise<Workspace> {
      // Almost every request names a workspace that exists: read first, write only when something changes.
      const found = await q.query(
        `SELECT ${WORKSPACE_COLUMNS} FROM workspaces WHERE platform = $1 AND external_id = $2`,
        [platform, externalId],
        { prepare: "workspace" },
      );
      if (found[0] && (name === "" || found[0].name === name)) return toWorkspace(found[0]);
      const rows = await q.query(
        `INSERT INTO workspaces (platform, external_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (platform, external_id) DO UPDATE
           SET name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE workspaces.name END
         RETURNING *`,
        [platform, externalId, name],
      );
      return toWorkspace(rows[0] as Record<string, unknown>);
    },
    async find(platform: PlatformId, externalId: string): Promise<Workspace | null> {
      const rows = await q.query(
        `SELECT ${WORKSPACE_COLUMNS} FROM workspaces WHERE platform = $1 AND external_id = $2`,
        [platform, externalId],
        { prepare: "workspace" },
      );
      return rows[0] ? toWorkspace(rows[0]) : null;
    },
    async get(workspaceId: string): Promise<Workspace | null> {
      const rows = await q.query("SELECT * FROM workspaces WHERE id = $1", [workspaceId]);
      return rows[0] ? toWorkspace(rows[0]) : null;
    },
    async update(workspaceId: string, changes: WorkspaceChanges): Promise<Workspace> {
      const rows = await q.query(
        `UPDATE workspaces SET headcount = $2, time_zone = $3, language = $4, default_channel = $5,
           settings = $6::jsonb, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [
          workspaceId,
          changes.headcount,
          changes.timeZone,
          changes.language,
          changes.defaultChannel,
          JSON.stringify(changes.settings),
        ],
      );
      return toWorkspace(rows[0] as Record<string, unknown>);
    },
    /** Sets one top-level key of the workspace's settings. */
    async setSetting(workspaceId: string, key: string, value: unknown): Promise<void> {
      await q.query(
        "UPDATE workspaces SET settings = jsonb_set(settings, ARRAY[$2::text], $3::jsonb) WHERE id = $1",
        [workspaceId, key, JSON.stringify(value)],
      );
    },
    /** Deletes the workspace and, through the foreign keys, everything stored for it. */
    async remove(workspaceId: string): Promise<void> {
      await q.query("DELETE FROM workspaces WHERE id = $1", [workspaceId]);
    },
    async setInstalled(workspaceId: string, installed: boolean): Promise<void> {
      await q.query(
        `UPDATE workspaces SET installed = $2, uninstalled_at = CASE WHEN $2 THEN NULL ELSE now() END WHERE id = $1`,
        [workspaceId, installed],
      );
    },
    /**
     * Marks the workspace installed and records the installer given; with `keepInstaller`, one already recorded
     * stays unless the app had been removed.
     */
    async install(
      workspaceId: string,
      installedBy: string | null,
      keepInstaller: boolean,
    ): Promise<Workspace> {
      const rows = await q.query(
        `UPDATE workspaces SET installed = true, uninstalled_at = NULL,
           installed_by = CASE WHEN $3 AND installed AND installed_by IS NOT NULL THEN installed_by
             ELSE COALESCE($2, installed_by) END
         WHERE id = $1 RETURNING *`,
        [workspaceId, installedBy, keepInstaller],
      );
      return toWorkspace(rows[0] as Record<string, unknown>);
    },
    /** Deletes the workspaces uninstalled more than `days` before `now`; answers how many. */
    async purgeUninstalled(now: Date, days: number): Promise<number> {
      const rows = await q.query(
        `DELETE FROM workspaces WHERE NOT installed AND uninstalled_at < $1::timestamptz - make_interval(days => $2)
         RETURNING id`,
        [now, days],
      );
      return rows.length;
    },
    /** Every row stored for the workspace, table by table, as the database holds it. */
    async rowsOf(workspaceId: string): Promise<Record<string, Record<string, unknown>[]>> {
      const data: Record<string, Record<string, unknown>[]> = {};
      for (const table of WORKSPACE_TABLES) {
        data[table] = await q.query(`SELECT * FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
      }
      return data;
    },
  };
}

export function membersRepo(q: Queryable) {
  return {
    async list(workspaceId: string): Promise<Member[]> {
      const rows = await q.query(
        "SELECT user_id, name, role, joined_amo_on FROM members WHERE workspace_id = $1 ORDER BY created_at, user_id",
        [workspaceId],
        { prepare: "members" },
      );
      return rows.map((r) => ({
        userId: r.user_id as string,
        name: r.name as string,
        role: r.role as Role,
        joinedAmoOn: (r.joined_amo_on as string | null) ?? null,
      }));
    },
    async roleOf(workspaceId: string, userId: string): Promise<Role | null> {
      const rows = await q.query("SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2", [
        workspaceId,
        userId,
      ]);
      return (rows[0]?.role as Role | undefined) ?? null;
    },
    /** Replaces the member list; keeps each remaining member's original joining date. */
    async replace(workspaceId: string, members: Member[]): Promise<void> {
      const ids = members.map((m) => m.userId);
      await q.query("DELETE FROM members WHERE workspace_id = $1 AND NOT (user_id = ANY($2::text[]))", [
        workspaceId,
        ids,
      ]);
      for (const m of members) {
        await q.query(
          `INSERT INTO members (workspace_id, user_id, name, role, joined_amo_on) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (workspace_id, user_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
             joined_amo_on = COALESCE(EXCLUDED.joined_amo_on, members.joined_amo_on)`,
          [workspaceId, m.userId, m.name, m.role, m.joinedAmoOn],
        );
      }
    },
    async upsert(workspaceId: string, m: Member): Promise<void> {
      await q.query(
        `INSERT INTO members (workspace_id, user_id, name, role, joined_amo_on) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
           joined_amo_on = COALESCE(EXCLUDED.joined_amo_on, members.joined_amo_on)`,
        [workspaceId, m.userId, m.name, m.role, m.joinedAmoOn],
      );
    },
    async restore(workspaceId: string, m: Member): Promise<void> {
      await q.query(
        `INSERT INTO members (workspace_id, user_id, name, role, joined_amo_on) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
           joined_amo_on = EXCLUDED.joined_amo_on`,
        [workspaceId, m.userId, m.name, m.role, m.joinedAmoOn],
      );
    },
    async remove(workspaceId: string, userId: string): Promise<void> {
      await q.query("DELETE FROM members WHERE workspace_id = $1 AND user_id = $2", [workspaceId, userId]);
    },
  };
}
