import { pointNow } from "../store/gathered.ts";
import { repos, type Workspace } from "../store/index.ts";
import type { MessageRef, OutboundMessage } from "./chat-port.ts";
import type { Deps } from "./context.ts";
import { boardView, POINT_VIEW_ENTRIES, pointView, viewOfRead } from "./views.ts";

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
  // refresh runs, further requests join the next one, and each waits only for the round that shows its change. This
  // only saves work; what is shown always comes from the database.
  let state = inFlight.get(discussionId);
  if (!state) {
    state = { next: null };
    inFlight.set(discussionId, state);
    const round = nextRound(state, points);
    void drain(deps, workspace, discussionId, state);
    return round;
  }
  return nextRound(state, points);
}

interface Round {
  points: Set<number>;
  done: Promise<boolean>;
  settle: (outcome: { ok: boolean } | { error: unknown }) => void;
}

/**
 * Back-to-back rounds (a burst of changes) start at least this far apart: a busy channel's messages are then
 * refreshed about once a second, within what Teams allows a bot in one conversation (60 sends in 30 s) and easier on
 * Slack's limit for chat.update, instead of once per change. A change in a quiet channel is shown at once.
 */
const ROUND_GAP_MS = 1000;

/**
 * The gap before a busy channel's next round: a second and up to a quarter more, drawn each time. Meetings whose
 * rounds began together (a refresh for many at once, a restart) then drift apart instead of all refreshing in the
 * same instant every second.
 */
export const roundGapMs = (random: () => number = Math.random) => ROUND_GAP_MS * (1 + random() / 4);

const inFlight = new Map<string, { next: Round | null }>();

/**
 * The discussion version each channel was last brought fully in line with here, and when (bounded: a cache, not a
 * record).
 */
const shown = new Map<string, { version: number; at: number }>();
/**
 * How long a refresh is trusted to be what the channel shows. Another instance's refresh, drawn from an older read,
 * can reach the platform after this one's; a click from that message then refreshes the channel again once this
 * has passed, instead of being refused while the channel stays behind.
 */
const TRUSTED_MS = 2000;
/** Channels whose last refresh here could not send everything. */
const failed = new Set<string>();
const REMEMBERED = 10_000;

/**
 * Whether a refresh of the channel is under way here or waiting for its turn: a change made now is then shown by
 * that coming round, not by one starting at once. With the outcome of the last round, when it failed.
 */
export function channelBusy(discussionId: string): { busy: boolean; lastFailed: boolean } {
  return { busy: inFlight.has(discussionId), lastFailed: failed.has(discussionId) };
}

/**
 * Whether, as far as this process knows, the channel already shows this version of the discussion: a refresh here
 * sent its messages at that version less than TRUSTED_MS ago, and none is waiting or under way. A click from a view
 * that is behind (the refresh had not reached that screen yet) then needs no new refresh, nor a wait for one.
 */
export function channelShows(discussionId: string, version: number): boolean {
  const last = shown.get(discussionId);
  return (
    !inFlight.has(discussionId) &&
    last !== undefined &&
    last.version === version &&
    Date.now() - last.at < TRUSTED_MS
  );
}

/**
 * The highest version of each discussion read here lately, and when. Versions only grow, so a click from a view older
 * than that is behind for certain, whatever has happened since (bounded: a cache, not a record).
 */
const versionsRead = new Map<string, { workspaceId: string; version: number; at: number }>();

export function sawVersion(workspaceId: string, discussionId: string, version: number): void {
  const before = versionsRead.get(discussionId);
  if (before && before.workspaceId === workspaceId && before.version > version) return;
  if (!before && versionsRead.size >= REMEMBERED) versionsRead.clear();
  versionsRead.set(discussionId, { workspaceId, version, at: Date.now() });
}

/**
 * For a click made from `version` of the discussion in a busy channel: the newer version read here less than
 * TRUSTED_MS ago, when there is one. The click is then out of date for certain, and the refresh under way or waiting
 * (after a round that did not fail) shows the channel as stored; such a click can be refused without reading the
 * database again. Null when the database must be asked.
 */
export function newerVersionInBusyChannel(
  workspaceId: string,
  discussionId: string,
  version: number,
): number | null {
  const seen = versionsRead.get(discussionId);
  if (!seen || seen.workspaceId !== workspaceId || version >= seen.version) return null;
  if (Date.now() - seen.at >= TRUSTED_MS || !inFlight.has(discussionId) || failed.has(discussionId))
    return null;
  return seen.version;
}

function remember(discussionId: string, outcome: { ok: boolean; version: number | null }) {
  shown.delete(discussionId);
  failed.delete(discussionId);
  if (shown.size >= REMEMBERED) shown.clear();
  if (failed.size >= REMEMBERED) failed.clear();
  if (!outcome.ok) failed.add(discussionId);
  else if (outcome.version !== null) shown.set(discussionId, { version: outcome.version, at: Date.now() });
}

function nextRound(state: { next: Round | null }, points: readonly number[]): Promise<boolean> {
  if (!state.next) {
    let settle: Round["settle"] = () => {};
    const done = new Promise<boolean>((resolve, reject) => {
      settle = (outcome) => ("error" in outcome ? reject(outcome.error) : resolve(outcome.ok));
    });
    state.next = { points: new Set(), done, settle };
  }
  for (const p of points) state.next.points.add(p);
  return state.next.done;
}

async function drain(deps: Deps, workspace: Workspace, discussionId: string, state: { next: Round | null }) {
  try {
    while (state.next) {
      const round = state.next;
      state.next = null;
      const started = Date.now();
      const outcome = await syncOnce(deps, workspace, discussionId, [...round.points]).catch(
        (error: unknown) => ({ error, ok: false, version: null }),
      );
      remember(discussionId, outcome);
      round.settle(outcome);
      const rest = roundGapMs() - (Date.now() - started);
      if (state.next && rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  } finally {
    inFlight.delete(discussionId);
  }
}

/** Brings the messages in line once; `version` is the discussion's version they show (null when not posted). */
async function syncOnce(
  deps: Deps,
  workspace: Workspace,
  discussionId: string,
  points: readonly number[],
): Promise<{ ok: boolean; version: number | null }> {
  const r = repos(deps.db);
  // The discussion, its agenda and (a guess that mostly holds: the point changed is the one shown) the first point
  // asked for, in one read shared with the requests of the moment.
  const guess = points[0] ?? 0;
  const now = await pointNow(deps.db, {
    workspaceId: workspace.id,
    discussionId,
    point: guess,
    limit: guess ? POINT_VIEW_ENTRIES : 0,
  });
  const discussion = now?.discussion;
  if (discussion) sawVersion(workspace.id, discussionId, discussion.version);
  if (!now || !discussion?.channelId || discussion.status === "planned") return { ok: true, version: null };
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

  const items = now.agenda;
  await ensure("board", discussion.boardMessage, async () => ({
    kind: "board",
    view: boardView(workspace, discussion, items),
  }));
  const wanted = new Set(points);
  if (discussion.currentPoint) wanted.add(discussion.currentPoint);
  for (const item of items) {
    // A point gets its message when it is reached; after that it is kept up to date when asked for.
    if (!wanted.has(item.number) || (item.status === "pending" && !item.message)) continue;
    await ensure(item.number, item.message, async () => ({
      kind: "point",
      view: await (item.number === guess
        ? viewOfRead(r, workspace, now, guess)
        : pointView(r, workspace, discussion, item.number, items)),
    }));
  }
  return { ok, version: discussion.version };
}
