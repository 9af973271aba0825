/** The verbs of the cards' Action.Execute buttons: one handler file each under actions/. */
export const VERB = {
  /** Opens a form on a point's card (data: d, p, k). */
  form: "form",
  /** Saves a form (data: d, p, k, optional e; inputs f.*). */
  save: "save",
  /** Shows the current card again (closes a form). */
  refresh: "refresh",
  /** Moves between points (data: d, v, p, m). */
  move: "move",
  /** Concludes, or with `anyway` and a reason concludes although something is missing (data: d, v). */
  conclude: "conclude",
  approve: "approve",
  setup: "setup",
  plan: "plan",
  start: "start",
  entryDone: "entry_done",
  postpone: "postpone",
} as const;
export type Verb = (typeof VERB)[keyof typeof VERB];
