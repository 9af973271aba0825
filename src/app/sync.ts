import { repos, type Workspace } from "../store/index.ts";
import type { MessageRef, OutboundMessage } from "./chat-port.ts";
import type { Deps } from "./context.ts";
import { boardView, pointView } from "./views.ts";

/**
 * Brings the channel's messages in line with what is stored: updates what was posted, posts what is missing.
 * Safe to run any number of times and from any process; a failed send is logged and retried by the next sync.
 * Returns false when something could not be sent.
 */
export async function syncDiscussion(
  deps: Deps,
  workspace: Workspace,
  discussionId: string,
  points: readonly number[] = [],
): Promise<boolean> {
  // Many changes at once to one discussion (a busy meeting) need one refresh after them, not one each: while a
  // sync runs, further requests are folded into a single follow-up sync. This only saves work; what is shown
  // always comes from the database.
  const running = inFlight.get(discussionId);
  if (running) {
    for (const p of points) running.points.add(p);
    running.again = true;
    return running.done;
  }
  const state = { points: new Set(points), again: false, done: Promise.resolve(true) };
  inFlight.set(discussionId, state);
  state.done = (async () => {
    let ok = true;
    try {
      do {
        state.again = false;
        const batch = [...state.points];
        state.points.clear();
        ok = (await syncOnce(deps, workspace, discussionId, batch)) && ok;
      } while (state.again);
    } finally {
      inFlight.delete(discussionId);
    }
    return ok;
  })();
  return state.done;
}

const inFlight = new Map<string, { points: Set<number>; again: boolean; done: Promise<boolean> }>();

async function syncOnce(
  deps: Deps,
  workspace: Workspace,
  discussionId: string,
  points: readonly number[],
): Promise<boolean> {
  const r = repos(deps.db);
  const discussion = await r.discussions.get(workspace.id, discussionId);
  if (!discussion?.channelId || discussion.status === "planned") return true;
  const channel = discussion.channelId;
  const chat = deps.chatFor(workspace);
  let ok = true;

  const ensure = async (
    slot: number | "board",
    current: MessageRef | null,
    message: () => Promise<OutboundMessage>,
  ) => {
    try {
      if (current && !("pending" in current)) {
        await chat.update(current, await message());
        return;
      }
      // Empty, or claimed by another call: the claim succeeds only if that call died long ago.
      if (!(await r.discussions.claimMessage(workspace.id, discussionId, slot))) return;
      try {
        const ref = await chat.post(channel, await message());
        const url = slot === "board" ? null : await chat.linkTo(ref).catch(() => null);
        await r.discussions.setMessage(workspace.id, discussionId, slot, url ? { ...ref, url } : ref);
      } catch (error) {
        await r.discussions.setMessage(workspace.id, discussionId, slot, null);
        throw error;
      }
    } catch (error) {
      ok = false;
      deps.log.warn("could not sync a discussion message", { slot, error: String(error) });
    }
  };

  const items = await r.discussions.agenda(workspace.id, discussionId);
  await ensure("board", discussion.boardMessage, async () => ({
    kind: "board",
    view: await boardView(r, workspace, discussion, items),
  }));
  const wanted = new Set(points);
  if (discussion.currentPoint) wanted.add(discussion.currentPoint);
  for (const item of items) {
    // A point gets its message when it is reached; after that it is kept up to date when asked for.
    if (!wanted.has(item.number) || (item.status === "pending" && !item.message)) continue;
    await ensure(item.number, item.message, async () => ({
      kind: "point",
      view: await pointView(r, workspace, discussion, item.number, items),
    }));
  }
  return ok;
}
