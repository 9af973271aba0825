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

type MetaType = "string" | "int" | "bool";

export interface SubmitShape {
  /** The action's own data, by key, and which of them must be there. */
  meta: Record<string, MetaType>;
  required: readonly string[];
  /** The inputs the card had (ids without the f. prefix). */
  inputs: readonly string[];
}

export interface Submitted {
  meta: Record<string, string | number | boolean>;
  inputs: Record<string, string>;
}

/** More than any field takes (the longest is 3,000 characters). */
const MAX_INPUT = 20_000;

/**
 * Checks an Action.Execute payload against what the card offered: unknown keys, values of the wrong type and missing
 * action data refuse the whole submit with a clear sentence; missing inputs are left to the core's validation (which
 * names the field).
 */
export function readSubmit(data: unknown, shape: SubmitShape, language: Language): Submitted {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new BadSubmit(t(language, "teams.bad_submit"));
  }
  const allowedInputs = new Set(shape.inputs);
  const meta: Submitted["meta"] = {};
  const inputs: Submitted["inputs"] = {};
  const extra: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key.startsWith(INPUT)) {
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
      continue;
    }
    const type = shape.meta[key];
    if (!type) {
      extra.push(key);
      continue;
    }
    const ok =
      (type === "string" && typeof value === "string" && value.length > 0 && value.length <= 200) ||
      (type === "int" && Number.isInteger(value)) ||
      (type === "bool" && typeof value === "boolean");
    if (!ok) throw new BadSubmit(t(language, "teams.bad_submit"));
    meta[key] = value as string | number | boolean;
  }
  if (extra.length > 0) {
    const fields = extra
      .slice(0, 5)
      .map((x) => x.slice(0, 40))
      .join(", ");
    throw new BadSubmit(t(language, "teams.extra_fields", { fields }));
  }
  if (shape.required.some((key) => !(key in meta))) throw new BadSubmit(t(language, "teams.bad_submit"));
  return { meta, inputs };
}

/** The action data alone, for verbs without inputs. */
export const metaOnly = (meta: Record<string, MetaType>, required: readonly string[]): SubmitShape => ({
  meta,
  required,
  inputs: [],
});
