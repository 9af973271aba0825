import type { Workspace } from "../domain/entities.ts";
import type { PlatformId } from "../domain/types.ts";

/**
 * Workspaces by their platform id, reused for a moment: nearly every request names its workspace, and a workspace
 * rarely changes. A change made through this process is seen at once (`changing`); another instance's change within
 * `ttlMs`. Made by the composition root with the injected clock, and handed to createCore.
 */
export class WorkspaceCache {
  private readonly entries = new Map<string, { workspace: Workspace; until: number }>();
  /** Counts changes begun and ended: a read that overlapped a change may hold the row from before it. */
  private changes = 0;

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = 2000,
  ) {}

  /**
   * The workspace kept for this platform id, or the one `load` reads (kept unless a change overlapped the read).
   * A name the platform gives differently from the one kept is read anew (`load` may write the new name).
   */
  async read(
    platform: PlatformId,
    externalId: string,
    name: string,
    load: () => Promise<Workspace>,
  ): Promise<Workspace> {
    const key = `${platform}:${externalId}`;
    const kept = this.entries.get(key);
    const now = this.now().getTime();
    if (kept && kept.until > now && (name === "" || kept.workspace.name === name)) return kept.workspace;
    const before = this.changes;
    const workspace = await load();
    if (this.changes === before && this.ttlMs > 0)
      this.entries.set(key, { workspace, until: this.now().getTime() + this.ttlMs });
    return workspace;
  }

  /** Runs a change to a workspace; whatever is kept of any workspace is read again afterwards. */
  async changing<T>(work: () => Promise<T>): Promise<T> {
    this.changes++;
    try {
      return await work();
    } finally {
      this.changes++;
      this.entries.clear();
    }
  }
}
