import type { AgendaKey, Localized } from "./types.ts";

/** The structured form a point offers besides note, decision and goal. */
export type PointForm =
  | "minute_taker"
  | "amo_member"
  | "apv_status"
  | "accident_overview"
  | "goal_verdict"
  | "focus_area"
  | "cooperation_plan"
  | "competences";

export interface AgendaPoint {
  number: number;
  key: AgendaKey;
  title: Localized;
  /** Guiding questions shown with the point. */
  questions: Localized<string[]>;
  /** A short help text: why the point matters, examples. */
  help: Localized;
  form?: PointForm;
}

// TODO(helper): AGENDA content
export const AGENDA: readonly AgendaPoint[] = [];

export function agendaPoint(number: number): AgendaPoint {
  const point = AGENDA.find((p) => p.number === number);
  if (!point) throw new RangeError(`No agenda point ${number}`);
  return point;
}
