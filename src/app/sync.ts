import { createHash } from "node:crypto";
import type { Discussion, Workspace } from "../domain/entities.ts";
import type { ChatPort, MessageRef, OutboundMessage, PointView } from "./chat-port.ts";
import type { Deps } from "./context.ts";
import type { Repos } from "./ports.ts";
import { boardView, pointView } from "./views.ts";

/** What a sync did: whether everything could be sent, the discussion as it read it, and the point views it drew. */
export interface Synced {
  ok: boolean;
  discussion: Discussion | null;
  points: Map<number, PointView>;
}

/**
 * Brings the channel's messages in line with what is stored: updates what was posted, posts what is missing. Besides
 * the board and the current point, `points` names points whose messages should be updated too (the one just changed).
 * Safe to run any number of times and from any process: a slot is claimed before it is posted, so only one poster
 * wins, and a failed send is logged and made up for by the next sync. Returns false when something could not be sent.
 * `which` is the discussion's id, or the discussion itself when the caller has just read it.
 */
export async function syncDiscussion(
  deps: Deps,
  workspace: Workspace,
  which: string | Discussion,
  points: readonly number[] = [],
): Promise<boolean> {
  return (await syncShowing(deps, workspace, which, points)).ok;
}

/** syncDiscussion, also giving what it read and drew, for an answer that shows the same (a card, a refusal). */
export async function syncShowing(
  deps: Deps,
  workspace: Workspace,
  which: string | Discussion,
  points: readonly number[] = [],
): Promise<Synced> {
  const r = deps.store.repos;
  const discussion = typeof which === "string" ? await r.discussions.get(workspace.id, which) : which;
  const drawn = new Map<number, PointView>();
  if (!discussion?.channelId || discussion.status === "planned")
    return { ok: true, discussion, points: drawn };
  const items = await r.discussions.agenda(workspace.id, discussion.id);
  const messages = new ChannelMessages(deps, r, workspace, discussion);
  let ok = await messages.ensure("board", discussion.boardMessage, async () => ({
    kind: "board",
    view: boardView(workspace, discussion, items),
  }));
  const wanted = new Set(points);
  if (discussion.currentPoint) wanted.add(discussion.currentPoint);
  for (const item of items) {
    // A point gets its message when it is reached; after that it is kept up to date when asked for.
    if (!wanted.has(item.number) || (item.status === "pending" && !item.message)) continue;
    const shown = await messages.ensure(item.number, item.message, async () => {
      const view = await pointView(r, workspace, discussion, item.number, items);
      drawn.set(item.number, view);
      return { kind: "point", view };
    });
    ok = shown && ok;
  }
  return { ok, discussion, points: drawn };
}

/** One discussion's messages in its channel: each slot (the board, a point) updated where posted, else posted. */
class ChannelMessages {
  private readonly chat: ChatPort;

  constructor(
    private readonly deps: Deps,
    private readonly r: Repos,
    private readonly workspace: Workspace,
    private readonly discussion: Discussion,
  ) {
    this.chat = deps.chatFor(workspace);
  }

  /** Shows the slot's message; false (logged) when it could not be sent. A message showing it already is left. */
  async ensure(
    slot: number | "board",
    current: MessageRef | null,
    message: () => Promise<OutboundMessage>,
  ): Promise<boolean> {
    try {
      if (current && !("pending" in current)) await this.update(slot, current, await message());
      else await this.post(slot, message);
      return true;
    } catch (error) {
      this.deps.log.warn("could not sync a discussion message", { slot, error: String(error) });
      return false;
    }
  }

  private async update(slot: number | "board", current: MessageRef, message: OutboundMessage): Promise<void> {
    const shown = fingerprint(message);
    if (current.shown === shown) return;
    await this.chat.update(current, message);
    await this.r.discussions.setMessage(this.workspace.id, this.discussion.id, slot, { ...current, shown });
  }

  /** Posts a slot's first message; a slot another call has claimed is left to it (unless that call died long ago). */
  private async post(slot: number | "board", message: () => Promise<OutboundMessage>): Promise<void> {
    const { workspace, discussion, r } = this;
    if (!(await r.discussions.claimMessage(workspace.id, discussion.id, slot))) return;
    try {
      const shown = await message();
      const ref = await this.chat.post(discussion.channelId as string, shown);
      const url = slot === "board" ? null : await this.chat.linkTo(ref).catch(() => null);
      const kept = { ...ref, ...(url ? { url } : {}), shown: fingerprint(shown) };
      await r.discussions.setMessage(workspace.id, discussion.id, slot, kept);
    } catch (error) {
      await r.discussions.setMessage(workspace.id, discussion.id, slot, null);
      throw error;
    }
  }
}

/** What a message shows, in a few bytes: the view it was drawn from, hashed. */
const fingerprint = (message: OutboundMessage) =>
  createHash("sha256").update(JSON.stringify(message)).digest("base64url").slice(0, 22);
