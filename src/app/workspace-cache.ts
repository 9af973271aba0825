import type { Platform } from "../domain/types.ts";
import type { Workspace } from "../store/index.ts";

/**
 * Workspaces by their platform id, kept for a moment: nearly every request names its workspace, and a workspace
 * rarely changes. Changes made through this process are forgotten at once; another instance's change is seen
 * within `ttlMs`.
 */
export class WorkspaceCache {
  private readonly entries = new Map<string, { workspace: Workspace; until: number }>();

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

  put(workspace: Workspace): void {
    if (this.ttlMs <= 0) return;
    this.entries.set(`${workspace.platform}:${workspace.externalId}`, {
      workspace,
      until: this.clock() + this.ttlMs,
    });
  }

  forgetAll(): void {
    this.entries.clear();
  }
}
