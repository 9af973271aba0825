import { DateTime } from "luxon";
import { AGENDA } from "../domain/agenda.ts";
import { type DiscussionState, type Move, transition } from "../domain/discussion.ts";
import { pointNow } from "../store/gathered.ts";
import { type Discussion, type Repos, repos } from "../store/index.ts";
import { type Ctx, type Deps, inTransaction, read } from "./context.ts";
import { AppError, StaleError } from "./errors.ts";
import { requireSetUp } from "./setup.ts";
import { channelBusy, channelShows, newerVersionInBusyChannel, sawVersion, syncDiscussion } from "./sync.ts";
import { POINT_VIEW_ENTRIES, viewOfRead } from "./views.ts";

export interface MoveResult {
  discussion: Discussion;
  /** False when the channel could not be updated; the next action tries again. */
  synced: boolean;
}

const isPoint = (n: number) => Number.isInteger(n) && n >= 1 && n <= AGENDA.length;

export function currentYear(deps: Deps, ctx: Ctx): number {
  return DateTime.fromJSDate(deps.now(), { zone: ctx.workspace.timeZone }).year;
}

export async function stateOf(r: Repos, workspaceId: string, d: Discussion): Promise<DiscussionState> {
  const items = await r.discussions.agenda(workspaceId, d.id);
  return {
    status: d.status,
    currentPoint: d.currentPoint,
    points: items.map((i) => ({ number: i.number, status: i.status })),
  };
}

/** Starts this year's discussion in the channel, creating it first when it was never planned. */
export async function start(
  deps: Deps,
  ctx: Ctx,
  input: { channel?: string | null },
  key: string | null,
): Promise<MoveResult> {
  requireSetUp(ctx.workspace);
  const year = currentYear(deps, ctx);
  const { value } = await inTransaction(deps, ctx, key, async (r) => {
    let discussion = await r.discussions.forYear(ctx.workspace.id, year, true);
    const channel = discussion?.channelId ?? input.channel ?? ctx.workspace.defaultChannel;
    if (!discussion) {
      discussion = await r.discussions.create(ctx.workspace.id, {
        year,
        organiserId: ctx.actor.userId,
        channelId: channel,
        scheduledAt: null,
        durationMinutes: null,
        location: null,
        participants: [],
      });
      if (!discussion) throw new AppError("stale", "error.stale", {}, {}, true);
    }
    const next = transition(await stateOf(r, ctx.workspace.id, discussion), { type: "start" });
    if (!next.ok) throw new AppError("refused", `refusal.${next.reason}`);
    const started = await r.discussions.applyState(
      ctx.workspace.id,
      discussion.id,
      discussion.version,
      next.state,
      {
        startedAt: deps.now(),
        channelId: channel ?? undefined,
      },
    );
    if (!started) throw new AppError("stale", "error.stale", {}, {}, true);
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "discussion.started", discussion.id);
    return { discussionId: discussion.id };
  });
  return finish(deps, ctx, value.discussionId, []);
}

/** Moves between agenda points; refused when someone else moved first (the version the user saw is stale). */
export async function move(
  deps: Deps,
  ctx: Ctx,
  input: {
    discussionId: string;
    expectedVersion: number;
    move: Move;
    /** The point the clicked view shows: a refusal then comes with that point as it is now (StaleError.view). */
    showing?: number;
  },
  key: string | null,
): Promise<MoveResult> {
  // A click from a view already out of date (the commonest move in a busy channel) is refused in one read, unless
  // its key was used before: then the transaction below replays the first answer.
  const showing = input.showing && isPoint(input.showing) ? input.showing : null;
  // A busy meeting's old buttons are refused without a read when this process read a newer version just now; a
  // click that must show the point as it is now, or may be a retry, reads.
  const newer =
    showing || key !== null
      ? null
      : newerVersionInBusyChannel(ctx.workspace.id, input.discussionId, input.expectedVersion);
  if (newer !== null) {
    await refreshBehindView(deps, ctx, input.discussionId, newer);
    throw new StaleError(null);
  }
  const seen = await read(deps, () =>
    pointNow(deps.db, {
      workspaceId: ctx.workspace.id,
      discussionId: input.discussionId,
      point: showing ?? 0,
      limit: showing ? POINT_VIEW_ENTRIES : 0,
      key,
    }),
  );
  if (!seen) throw new AppError("not_found", "error.not_found");
  sawVersion(ctx.workspace.id, input.discussionId, seen.discussion.version);
  if (seen.discussion.version !== input.expectedVersion && !seen.keyUsed) {
    await refreshBehindView(deps, ctx, input.discussionId, seen.discussion.version);
    const view = showing
      ? await viewOfRead(repos(deps.db), ctx.workspace, seen, showing).catch(() => null)
      : null;
    throw new StaleError(view);
  }
  let previousPoint: number | null = null;
  try {
    await inTransaction(deps, ctx, key, async (r) => {
      const discussion = await r.discussions.get(ctx.workspace.id, input.discussionId);
      if (!discussion) throw new AppError("not_found", "error.not_found");
      if (discussion.version !== input.expectedVersion)
        throw new AppError("stale", "error.stale", {}, {}, true);
      const next = transition(await stateOf(r, ctx.workspace.id, discussion), input.move);
      if (!next.ok) throw new AppError("refused", `refusal.${next.reason}`);
      previousPoint = discussion.currentPoint;
      const moved = await r.discussions.applyState(
        ctx.workspace.id,
        discussion.id,
        input.expectedVersion,
        next.state,
      );
      if (!moved) throw new AppError("stale", "error.stale", {}, {}, true);
      await r.audit.write(
        ctx.workspace.id,
        ctx.actor.userId,
        `discussion.${input.move.type}`,
        discussion.id,
        {
          from: discussion.currentPoint,
          to: moved.currentPoint,
        },
      );
      return { discussionId: discussion.id };
    });
  } catch (error) {
    // Someone moved between the read above and the transaction: refresh the view so the next click works.
    if (error instanceof AppError && error.code === "stale")
      await syncDiscussion(deps, ctx.workspace, input.discussionId);
    throw error;
  }
  return finish(deps, ctx, input.discussionId, previousPoint ? [previousPoint] : []);
}

/**
 * After a click from a view that is behind: only the user's screen may be behind (the channel was just refreshed
 * with this version: nothing to do); or a refresh is under way here (a round after it is asked for, which reads what
 * is stored now, and joins the one already waiting if there is one; the answer does not wait: in a busy channel the
 * round after would redraw the message again anyway); or the channel itself is behind (a refresh failed, or another
 * instance changed it): then it is refreshed, and the answer comes after that, so the user's next click works.
 */
async function refreshBehindView(deps: Deps, ctx: Ctx, discussionId: string, version: number) {
  if (channelShows(discussionId, version)) return;
  const { busy } = channelBusy(discussionId);
  const refreshed = syncDiscussion(deps, ctx.workspace, discussionId);
  if (!busy) {
    await refreshed;
    return;
  }
  refreshed.catch((error) => deps.log.warn("could not sync a discussion", { error: String(error) }));
}

async function finish(deps: Deps, ctx: Ctx, discussionId: string, points: number[]): Promise<MoveResult> {
  const synced = await syncDiscussion(deps, ctx.workspace, discussionId, points);
  const discussion = await repos(deps.db).discussions.get(ctx.workspace.id, discussionId);
  if (!discussion) throw new AppError("not_found", "error.not_found");
  return { discussion, synced };
}
