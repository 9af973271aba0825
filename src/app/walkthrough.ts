import { DateTime } from "luxon";
import { AGENDA } from "../domain/agenda.ts";
import { type DiscussionState, type Move, transition } from "../domain/discussion.ts";
import type { Discussion } from "../domain/entities.ts";
import type { PointView } from "./chat-port.ts";
import { AMO_ROLES, type Ctx, type Deps, inTransaction, read, requireRole } from "./context.ts";
import { AppError, StaleError } from "./errors.ts";
import type { Repos } from "./ports.ts";
import { requireSetUp } from "./setup.ts";
import { syncShowing } from "./sync.ts";
import { currentPointView } from "./views.ts";

export interface MoveResult {
  discussion: Discussion;
  /** False when the channel could not be updated; the next action tries again. */
  synced: boolean;
  /** The point the discussion is at, as the refresh drew it (an answer can show it without reading it again). */
  view?: PointView;
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

/**
 * The discussion a command without a year means: the one under way, else the next one planned (this year's or a
 * later one: planned in December for January, it belongs to January's year), else this year's.
 */
export async function discussionInFocus(
  r: Repos,
  workspaceId: string,
  year: number,
  lock = false,
): Promise<Discussion | null> {
  const all = await r.discussions.list(workspaceId); // newest year first
  const found =
    all.find((d) => d.status === "running") ??
    all.filter((d) => d.status === "planned" && d.year >= year).at(-1) ??
    all.find((d) => d.year === year);
  return found && lock ? r.discussions.get(workspaceId, found.id, true) : (found ?? null);
}

/**
 * Starts the planned discussion in the channel (whatever year it was planned for), or this year's, creating it
 * first when none was planned: never a second one beside the planned one.
 */
export async function start(
  deps: Deps,
  ctx: Ctx,
  input: { channel?: string | null },
  key: string | null,
): Promise<MoveResult> {
  requireSetUp(deps, ctx.workspace);
  const year = currentYear(deps, ctx);
  const { value } = await inTransaction(deps, ctx, key, async (r) => {
    // Starting may create the discussion in this channel: the working-environment organisation does that.
    await requireRole(r, ctx, AMO_ROLES, "start");
    let discussion = await discussionInFocus(r, ctx.workspace.id, year, true);
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

/**
 * Moves between agenda points; refused with a StaleError when someone else moved first (the version the user saw is
 * stale). A repeated key answers as the first call did.
 */
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
  if (key === null) {
    // With no key there is nothing to replay, so a click from a screen that is behind is refused on a plain read.
    const seen = await read(deps, (r) => r.discussions.get(ctx.workspace.id, input.discussionId));
    if (!seen) throw new AppError("not_found", "error.not_found");
    if (seen.version !== input.expectedVersion) throw await refusedAsStale(deps, ctx, seen, input.showing);
  }
  let previousPoint: number | null = null;
  // A discussion read as it was when found behind the click: the refusal's refresh needs no second read.
  let behind: Discussion | undefined;
  try {
    await inTransaction(deps, ctx, key, async (r) => {
      const discussion = await r.discussions.get(ctx.workspace.id, input.discussionId);
      if (!discussion) throw new AppError("not_found", "error.not_found");
      if (discussion.version !== input.expectedVersion) {
        behind = discussion;
        throw new StaleError();
      }
      const next = transition(await stateOf(r, ctx.workspace.id, discussion), input.move);
      if (!next.ok) throw new AppError("refused", `refusal.${next.reason}`);
      previousPoint = discussion.currentPoint;
      // The version is checked again as the row is written: a move committed since the read above wins.
      const moved = await r.discussions.applyState(
        ctx.workspace.id,
        discussion.id,
        input.expectedVersion,
        next.state,
      );
      if (!moved) throw new StaleError();
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
    });
  } catch (error) {
    if (error instanceof StaleError)
      throw await refusedAsStale(deps, ctx, behind ?? input.discussionId, input.showing);
    throw error;
  }
  return finish(deps, ctx, input.discussionId, previousPoint ? [previousPoint] : []);
}

/**
 * A click from a view that is behind: the channel may be behind as well (a refresh failed, or another instance
 * moved), so it is brought in line first and the user's next click works; the refusal carries the point the view
 * showed, as it is now.
 */
async function refusedAsStale(
  deps: Deps,
  ctx: Ctx,
  discussion: string | Discussion,
  showing: number | undefined,
): Promise<StaleError> {
  const synced = await syncShowing(deps, ctx.workspace, discussion).catch((error) => {
    deps.log.warn("could not sync a discussion", { error: String(error) });
    return null;
  });
  const discussionId = typeof discussion === "string" ? discussion : discussion.id;
  if (showing === undefined || !isPoint(showing)) return new StaleError(null);
  const drawn = synced?.points.get(showing);
  if (drawn) return new StaleError(drawn);
  const view = await read(deps, (r) => currentPointView(r, ctx.workspace, discussionId, showing)).catch(
    () => null,
  );
  return new StaleError(view);
}

async function finish(deps: Deps, ctx: Ctx, discussionId: string, points: number[]): Promise<MoveResult> {
  const { ok, discussion, points: drawn } = await syncShowing(deps, ctx.workspace, discussionId, points);
  if (!discussion) throw new AppError("not_found", "error.not_found");
  const view = discussion.currentPoint ? drawn.get(discussion.currentPoint) : undefined;
  return { discussion, synced: ok, ...(view ? { view } : {}) };
}
