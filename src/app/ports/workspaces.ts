import type { Member, Workspace, WorkspaceChanges } from "../../domain/entities.ts";
import type { PlatformId, Role } from "../../domain/types.ts";

export interface WorkspacesRepo {
  /** The workspace for a platform's team/tenant id, created on first contact; a name given renames it. */
  ensure(platform: PlatformId, externalId: string, name?: string): Promise<Workspace>;
  find(platform: PlatformId, externalId: string): Promise<Workspace | null>;
  get(workspaceId: string): Promise<Workspace | null>;
  update(workspaceId: string, changes: WorkspaceChanges): Promise<Workspace>;
  /** Sets one top-level key of the workspace's settings. */
  setSetting(workspaceId: string, key: string, value: unknown): Promise<void>;
  /** Deletes the workspace and everything stored for it. */
  remove(workspaceId: string): Promise<void>;
  setInstalled(workspaceId: string, installed: boolean): Promise<void>;
  /**
   * Marks the workspace installed and records the installer given; with `keepInstaller`, one already recorded stays
   * unless the app had been removed.
   */
  install(workspaceId: string, installedBy: string | null, keepInstaller: boolean): Promise<Workspace>;
  /** Deletes the workspaces uninstalled more than `days` before `now`; answers how many. */
  purgeUninstalled(now: Date, days: number): Promise<number>;
  /** Every row stored for the workspace, by table: what the employer's data export holds. */
  rowsOf(workspaceId: string): Promise<Record<string, Record<string, unknown>[]>>;
}

export interface MembersRepo {
  list(workspaceId: string): Promise<Member[]>;
  roleOf(workspaceId: string, userId: string): Promise<Role | null>;
  /** Replaces the member list; a member who stays keeps the date they joined the AMO. */
  replace(workspaceId: string, members: Member[]): Promise<void>;
  /** Puts one member on the roster, or updates them there; a joining date given replaces the stored one. */
  upsert(workspaceId: string, member: Member): Promise<void>;
  /** Puts a member back exactly as they were, their joining date included (none where they had none). */
  restore(workspaceId: string, member: Member): Promise<void>;
  /** Takes one person off the roster. */
  remove(workspaceId: string, userId: string): Promise<void>;
}
