/** Action ids: one listener file each under listeners/actions/. */
export const ACTION = {
  note: "point_note",
  decision: "point_decision",
  goal: "point_goal",
  form: "point_form",
  next: "point_next",
  previous: "point_previous",
  skip: "point_skip",
  conclude: "discussion_conclude",
  concludeAnyway: "discussion_conclude_anyway",
  approve: "summary_approve",
  start: "discussion_start",
  preInput: "discussion_pre_input",
  entryDone: "entry_done",
  entryPostpone: "entry_postpone",
  confirmDeletion: "data_confirm_deletion",
} as const;

/** Callback ids of the modals: one listener file each under listeners/views/. */
export const VIEW = {
  entry: "entry_form",
  setup: "setup_form",
  plan: "plan_form",
  concludeReason: "conclude_reason",
  postpone: "postpone_form",
} as const;

/** What a button carries: the discussion, and the version the user saw (so a stale click moves nothing). */
export interface ButtonValue {
  d: string;
  v?: number;
  p?: number;
  f?: string;
  e?: string;
}

export const encodeValue = (value: ButtonValue) => JSON.stringify(value);

export function decodeValue(raw: string | undefined): ButtonValue | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const v = JSON.parse(raw) as ButtonValue;
    return typeof v === "object" && v !== null && typeof v.d === "string" ? v : null;
  } catch {
    return null;
  }
}
