import { ACTIONS } from "../../src/app/index.ts";

type Data = Record<string, unknown>;

/**
 * Verbs drawn on cards before the one catalogue of actions. Teams keeps a card as it was sent, so reminders, summaries
 * and setup cards posted then still carry these; each is routed to its action, its data reshaped to that action's
 * schema (the inputs the user filled in pass through untouched).
 */
const OLD_VERBS: Record<string, (data: Data) => { verb: string; data: Data }> = {
  form: ({ k, ...data }) => {
    if (k === "note" || k === "decision" || k === "goal") return { verb: ACTIONS[k].id, data };
    if (k === "pre_input") return { verb: ACTIONS.preInput.id, data: { d: data.d } };
    if (k === "postpone") return { verb: ACTIONS.postpone.id, data };
    return { verb: ACTIONS.pointForm.id, data: { ...data, f: k } };
  },
  move: ({ m, ...data }) => {
    const verb = m === "next" || m === "previous" || m === "skip" ? ACTIONS[m].id : "";
    return { verb, data };
  },
  conclude: ({ anyway, ...data }) => ({
    verb: anyway === true ? ACTIONS.concludeReason.id : ACTIONS.conclude.id,
    data,
  }),
  save: (data) => ({ verb: ACTIONS.saveEntry.id, data }),
  refresh: (data) => ({ verb: ACTIONS.closeForm.id, data }),
  approve: (data) => ({ verb: ACTIONS.approve.id, data }),
  start: (data) => ({ verb: ACTIONS.start.id, data }),
  postpone: (data) => ({ verb: ACTIONS.savePostpone.id, data }),
  setup: (data) => ({ verb: ACTIONS.setup.id, data }),
  plan: (data) => ({ verb: ACTIONS.plan.id, data }),
};

/** The catalogue's verb and data for what a card sent: an old verb is routed to its action, any other left as it is. */
export function currentVerb(verb: string, data: unknown): { verb: string; data: unknown } {
  const upgrade = Object.hasOwn(OLD_VERBS, verb) ? OLD_VERBS[verb] : undefined;
  if (!upgrade || typeof data !== "object" || data === null || Array.isArray(data)) return { verb, data };
  return upgrade(data as Data);
}
