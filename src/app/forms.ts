import type { PointForm } from "../domain/agenda.ts";
import type { FieldProblem } from "../domain/entries.ts";
import type { Language } from "../domain/types.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { PointView } from "./chat-port.ts";
import { fieldsIn } from "./forms/fields.ts";
import { amoMembers, LAYOUTS } from "./forms/specs.ts";

export { formData, writtenNames } from "./forms/data.ts";

export type FormKind = "note" | "decision" | "goal" | PointForm;

export type FieldSpec = { id: string; label: string; hint?: string; required: boolean } & (
  | { type: "text"; multiline: boolean; maxLength: number }
  | { type: "number" }
  | { type: "date" }
  | { type: "select"; options: { value: string; label: string }[] }
  | { type: "person" }
  /** Several people, from the workplace's list or written by name; `suggested` are shown chosen at first. */
  | { type: "people"; suggested: { id?: string; name: string }[] }
);

export interface FormSpec {
  kind: FormKind;
  title: string;
  intro: string | null;
  submit: string;
  fields: FieldSpec[];
}

/** A submitted value: text, a chosen option, or a person (or several) from a user picker. */
export type FieldValue =
  | string
  | { id?: string; name: string }
  | { id?: string; name: string }[]
  | null
  | undefined;

export interface FormContext {
  language: Language;
  members: { userId: string; name: string; role: string; joinedAmoOn?: string | null }[];
  carriedGoals: PointView["carriedGoals"];
  /** Who the meeting was planned with (point 1 asks who is present): the plan's participants, else the roster. */
  invited?: { id?: string; name: string }[];
  /** Whether the record's workplace has an AMO (its kept headcount, else the workspace's); unset: it has. */
  hasAmo?: boolean;
}

/** The fields of each form, platform-neutral: Slack renders them as a modal, Teams as an Adaptive Card. */
export function formSpec(kind: FormKind, ctx: FormContext): FormSpec {
  const fields = fieldsIn(ctx.language);
  const { fields: list, intro } = LAYOUTS[kind](fields, ctx);
  return {
    kind,
    title: fields.tr(`form.${kind}.title` as MessageKey),
    intro: intro ? fields.tr(intro) : null,
    submit: fields.tr("form.submit"),
    fields: list,
  };
}

/** Maps the core's problems (by data path) onto the form's fields, as sentences in the user's language. */
export function fieldErrors(
  kind: FormKind,
  problems: Record<string, FieldProblem>,
  ctx: FormContext,
  text: (p: FieldProblem) => string,
): Record<string, string> {
  const spec = formSpec(kind, ctx);
  const ids = new Set(spec.fields.map((f) => f.id));
  const errors: Record<string, string> = {};
  const members = amoMembers(ctx);
  for (const [path, problem] of Object.entries(problems)) {
    const parts = path.split(".");
    let id = parts[0] ?? "";
    if (id === "members" && parts.length >= 3) id = `member.${members[Number(parts[1])]?.userId}.${parts[2]}`;
    if (id === "actions" && parts.length >= 3) id = `action.${Number(parts[1]) + 1}.${parts[2]}`;
    if (kind === "goal_verdict" && id === "goalId") id = ids.has("goalId") ? "goalId" : "goalText";
    if (!ids.has(id)) id = spec.fields[0]?.id ?? "_";
    errors[id] ??= text(problem);
  }
  return errors;
}
