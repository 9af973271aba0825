import type { Payload, UserAction } from "../../../src/app/index.ts";
import type { Language } from "../../../src/domain/types.ts";
import { INPUT } from "../draw/form.ts";
import { t } from "../texts.ts";

/** A refused card submit: the sentence to show in the card, in the user's language. Nothing has been stored. */
export class BadSubmit extends Error {
  constructor(readonly text: string) {
    super(text);
    this.name = "BadSubmit";
  }
}

export interface Submitted<Meta> {
  /** The action's own data, as its schema reads it. */
  meta: Meta;
  /** The inputs the card had, by id without the f. prefix. */
  inputs: Record<string, string>;
}

/** More than any field takes (the longest is 3,000 characters). */
const MAX_INPUT = 20_000;

/**
 * Checks an Action.Execute payload against what the card offered: the action's data against its schema in the
 * catalogue, the inputs against the ids the card had. Unknown keys, values of the wrong type and missing action data
 * refuse the whole submit with a clear sentence; missing inputs are left to the core's validation (which names the
 * field).
 */
export function readSubmit<A extends UserAction>(
  data: unknown,
  action: A,
  inputIds: readonly string[],
  language: Language,
): Submitted<Payload<A>> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new BadSubmit(t(language, "teams.bad_submit"));
  }
  const allowedInputs = new Set(inputIds);
  const own: Record<string, unknown> = {};
  const inputs: Record<string, string> = {};
  const extra: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!key.startsWith(INPUT)) {
      own[key] = value;
      continue;
    }
    const id = key.slice(INPUT.length);
    if (!allowedInputs.has(id)) {
      extra.push(id);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value === "number" && Number.isFinite(value)) inputs[id] = String(value);
    // Text longer than any field takes is cut to just over the limit: still too long, so the core names the field
    // and its limit ("at most 3000 characters") instead of a wrong-type refusal.
    else if (typeof value === "string") inputs[id] = value.slice(0, MAX_INPUT + 1);
    else throw new BadSubmit(t(language, "teams.wrong_type", { field: id.slice(0, 60) }));
  }
  const parsed = action.payload.safeParse(own);
  if (!parsed.success) {
    // Keys the action does not take are named; any other misfit (a wrong type, a missing id) is refused as a whole.
    const issues = parsed.error.issues;
    if (!issues.every((i) => i.code === "unrecognized_keys"))
      throw new BadSubmit(t(language, "teams.bad_submit"));
    extra.unshift(...issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : [])));
  }
  if (extra.length > 0) {
    const fields = extra
      .slice(0, 5)
      .map((x) => x.slice(0, 40))
      .join(", ");
    throw new BadSubmit(t(language, "teams.extra_fields", { fields }));
  }
  return { meta: parsed.data as Payload<A>, inputs };
}
