import type { Platform } from "../domain/types.ts";
import type { Workspace } from "../store/index.ts";

/**
 * Workspaces by their platform id, kept for a moment: nearly every request names its workspace, and a workspace
 * rarely changes. Changes made through this process are forgotten at once; another instance's change is seen
 * within `ttlMs`. Past half of that a workspace is `due`: still served, while it is read again for the requests
 * after (so a busy workspace's requests do not all wait for that read each time its time runs out).
 */
export class WorkspaceCache {
  private readonly entries = new Map<string, { workspace: Workspace; due: number; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get(platform: Platform, externalId: string): Workspace | null {
    const key = `${platform}:${externalId}`;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until > this.clock()) return entry.workspace;
    this.entries.delete(key);
    return null;
  }

  /** Whether a workspace held is past half of its time, and should be read again. */
  due(platform: Platform, externalId: string): boolean {
    const entry = this.entries.get(`${platform}:${externalId}`);
    return entry !== undefined && entry.due <= this.clock();
  }

  put(workspace: Workspace): void {
    if (this.ttlMs <= 0) return;
    const now = this.clock();
    this.entries.set(`${workspace.platform}:${workspace.externalId}`, {
      workspace,
      due: now + this.ttlMs / 2,
      until: now + this.ttlMs,
    });
  }

  forgetAll(): void {
    this.entries.clear();
  }
}
