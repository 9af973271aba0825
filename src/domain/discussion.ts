import { AGENDA } from "./agenda.ts";
import type { DiscussionStatus, PointStatus } from "./types.ts";

export interface DiscussionState {
  status: DiscussionStatus;
  currentPoint: number | null;
  points: readonly { number: number; status: PointStatus }[];
}

export type Move =
  | { type: "start" }
  | { type: "next" }
  | { type: "previous" }
  | { type: "goto"; point: number }
  | { type: "skip" }
  | { type: "conclude" }
  | { type: "reopen" }
  | { type: "approve" };

export type Refusal =
  | "not_running"
  | "already_started"
  | "no_such_point"
  | "at_last_point"
  | "at_first_point"
  | "not_concluded"
  | "already_approved";

export type Transition = { ok: true; state: DiscussionState } | { ok: false; reason: Refusal };

export const POINT_COUNT = AGENDA.length || 11;

export function initialState(): DiscussionState {
  return {
    status: "planned",
    currentPoint: null,
    points: Array.from({ length: POINT_COUNT }, (_, i) => ({ number: i + 1, status: "pending" as const })),
  };
}

/** The discussion's rules as one pure function: a move either gives the next state or a reason it is refused. */
export function transition(state: DiscussionState, move: Move): Transition {
  switch (move.type) {
    case "start":
      if (state.status !== "planned") return refuse("already_started");
      return goTo({ ...state, status: "running" }, 1, "pending");
    case "next":
      if (state.status !== "running") return refuse("not_running");
      if ((state.currentPoint ?? 0) >= POINT_COUNT) return refuse("at_last_point");
      return goTo(state, (state.currentPoint ?? 0) + 1, "done");
    case "previous":
      if (state.status !== "running") return refuse("not_running");
      if ((state.currentPoint ?? 1) <= 1) return refuse("at_first_point");
      return goTo(state, (state.currentPoint ?? 1) - 1, "done");
    case "goto":
      if (state.status !== "running") return refuse("not_running");
      if (!Number.isInteger(move.point) || move.point < 1 || move.point > POINT_COUNT)
        return refuse("no_such_point");
      return goTo(state, move.point, "done");
    case "skip": {
      if (state.status !== "running") return refuse("not_running");
      const current = state.currentPoint ?? 1;
      if (current >= POINT_COUNT) return { ok: true, state: withPoint(state, current, "skipped") };
      return goTo(state, current + 1, "skipped");
    }
    case "conclude":
      if (state.status !== "running") return refuse("not_running");
      return {
        ok: true,
        state: {
          status: "concluded",
          currentPoint: null,
          points: state.points.map((p) => (p.status === "active" ? { ...p, status: "done" } : p)),
        },
      };
    case "reopen":
      if (state.status !== "concluded" && state.status !== "approved") return refuse("not_concluded");
      return goTo({ ...state, status: "running", currentPoint: null }, POINT_COUNT, "done");
    case "approve":
      if (state.status === "approved") return refuse("already_approved");
      if (state.status !== "concluded") return refuse("not_concluded");
      return { ok: true, state: { ...state, status: "approved" } };
  }
}

function refuse(reason: Refusal): Transition {
  return { ok: false, reason };
}

/** Leaves the current point with `leaveAs` (done or skipped) unless it was already skipped, and activates target. */
function goTo(state: DiscussionState, target: number, leaveAs: PointStatus): Transition {
  let points = state.points;
  const current = state.currentPoint;
  if (current !== null && current !== target) {
    const was = points.find((p) => p.number === current)?.status;
    points = setStatus(points, current, was === "skipped" && leaveAs === "done" ? "skipped" : leaveAs);
  }
  points = setStatus(points, target, "active");
  return { ok: true, state: { ...state, currentPoint: target, points } };
}

function withPoint(state: DiscussionState, number: number, status: PointStatus): DiscussionState {
  return { ...state, points: setStatus(state.points, number, status) };
}

function setStatus(points: DiscussionState["points"], number: number, status: PointStatus) {
  return points.map((p) => (p.number === number ? { ...p, status } : p));
}
