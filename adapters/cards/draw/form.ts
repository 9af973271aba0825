import type { FormRequest } from "../../../src/app/chat-port.ts";
import { type FieldSpec, type FormSpec, formSpec } from "../../../src/app/forms.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../texts.ts";
import {
  actionSet,
  card,
  type Element,
  escapeMd,
  execute,
  notice,
  subheading,
  subtle,
  textBlock,
} from "./card.ts";

/** Input ids carry this prefix so they can never collide with the action's own data (d, v, p, k …). */
export const INPUT = "f.";
/** The free-text name next to a person picker. */
export const NAME_SUFFIX = ".name";

export interface FormState {
  spec: FormSpec;
  /** Values to show again (by field id). */
  values?: Record<string, unknown>;
  /** Sentences under the fields they concern (by field id; "_" for the form as a whole). */
  errors?: Record<string, string>;
  members: { userId: string; name: string }[];
}

const choice = (title: string, value: string) => ({ title: title.slice(0, 200), value });

function shownValue(values: Record<string, unknown> | undefined, id: string): string | undefined {
  const v = values?.[id];
  if (v === null || v === undefined) return undefined;
  if (typeof v === "object") return (v as { id?: string; name?: string }).id ?? (v as { name?: string }).name;
  return String(v);
}

/**
 * A text's limit as the card checks it before sending: a pattern, not maxLength, which a browser applies by cutting a
 * pasted text off without a word. The page shows a running count against it; the core refuses more as well.
 */
export function textLimit(max: number, required: boolean, language: Language): Element {
  return {
    regex: `^[\\s\\S]{0,${max}}$`,
    errorMessage: t(language, required ? "problem.required_within" : "problem.too_long", { max }),
  };
}

function input(field: FieldSpec, state: FormState, language: Language): Element[] {
  const id = `${INPUT}${field.id}`;
  const value = shownValue(state.values, field.id);
  const base = {
    id,
    label: field.label,
    isRequired: field.required,
    ...(field.required ? { errorMessage: t(language, "problem.required") } : {}),
  };
  switch (field.type) {
    case "text":
      return [
        {
          ...base,
          ...textLimit(field.maxLength, field.required, language),
          label: `${field.label} (${t(language, "form.limit", { max: field.maxLength })})`,
          type: "Input.Text",
          isMultiline: field.multiline,
          ...(value ? { value } : {}),
        },
      ];
    case "number":
      return [{ ...base, type: "Input.Number", min: 0, ...(value ? { value: Number(value) } : {}) }];
    case "date":
      return [
        { ...base, type: "Input.Date", ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}) },
      ];
    case "select":
      return [
        {
          ...base,
          type: "Input.ChoiceSet",
          style: "compact",
          placeholder: t(language, "teams.choose"),
          choices: field.options.map((o) => choice(o.label, o.value)),
          ...(value ? { value } : {}),
        },
      ];
    case "people":
      return peopleInputs(field, state, base, language);
    case "person": {
      if (state.members.length === 0)
        return [{ ...base, type: "Input.Text", maxLength: 200, ...(value ? { value } : {}) }];
      const known = state.members.some((m) => m.userId === value);
      // Either someone from the workplace's list, or any name written in the box below it.
      return [
        {
          ...base,
          isRequired: false,
          type: "Input.ChoiceSet",
          style: "filtered",
          placeholder: t(language, "teams.choose"),
          choices: state.members.map((m) => choice(m.name || m.userId, m.userId)),
          ...(known ? { value } : {}),
        },
        {
          id: `${id}${NAME_SUFFIX}`,
          type: "Input.Text",
          placeholder: t(language, "teams.person_or_name"),
          maxLength: 200,
          ...(value && !known ? { value } : {}),
        },
      ];
    }
  }
}

/**
 * Several people: the workplace's list to choose from (the suggested ones chosen at first), and a box for names the
 * list lacks, separated by commas.
 */
function peopleInputs(
  field: Extract<FieldSpec, { type: "people" }>,
  state: FormState,
  base: { id: string; label: string },
  language: Language,
): Element[] {
  const again = state.values?.[field.id];
  const listed = (p: { id?: string }) => Boolean(p.id && state.members.some((m) => m.userId === p.id));
  const people = Array.isArray(again) ? (again as { id?: string; name: string }[]) : field.suggested;
  // A refused submit shows the inputs again as sent (Teams may leave out a choice set where nothing is chosen).
  const sentAgain = typeof again === "string" || state.values?.[`${field.id}${NAME_SUFFIX}`] !== undefined;
  const raw = sentAgain ? (typeof again === "string" ? again : "") : undefined;
  const ids =
    raw ??
    people
      .filter(listed)
      .map((p) => p.id)
      .join(",");
  const names =
    raw !== undefined
      ? shownValue(state.values, `${field.id}${NAME_SUFFIX}`)
      : people
          .filter((p) => !listed(p))
          .map((p) => p.name)
          .join(", ");
  const box = {
    id: `${base.id}${NAME_SUFFIX}`,
    type: "Input.Text",
    placeholder: t(language, "teams.people_by_name"),
    maxLength: 2000,
    ...(names ? { value: names } : {}),
  };
  if (state.members.length === 0) return [{ ...box, label: base.label }];
  return [
    {
      ...base,
      type: "Input.ChoiceSet",
      isMultiSelect: true,
      style: "filtered",
      choices: state.members.map((m) => choice(m.name || m.userId, m.userId)),
      ...(ids ? { value: ids } : {}),
    },
    box,
  ];
}

/** A form's inputs, each followed by its hint and, after a refused submit, the reason in the user's language. */
export function formElements(state: FormState, language: Language): Element[] {
  const { spec, errors = {} } = state;
  const elements: Element[] = [subheading(spec.title)];
  if (spec.intro) elements.push(subtle(spec.intro));
  if (errors._) elements.push(notice(errors._));
  for (const field of spec.fields) {
    elements.push(...input(field, state, language));
    if (field.hint) elements.push(subtle(field.hint));
    const error = errors[field.id];
    if (error)
      elements.push(textBlock(escapeMd(error), { color: "attention", size: "Small", spacing: "None" }));
  }
  return elements;
}

/**
 * A form sent as a card (there is no modal to open by trigger): the fields, and a save button that carries the
 * discussion, point, form and entry. Shared by the Teams and the local chat ports.
 */
export function formCard(form: FormRequest) {
  const spec = formSpec(form.form, {
    language: form.language,
    members: [],
    carriedGoals: form.carriedGoals ?? [],
  });
  const data = {
    d: form.discussionId,
    p: form.point,
    k: form.form,
    ...(form.entryId ? { e: form.entryId } : {}),
  };
  return card([
    ...formElements({ spec, values: form.values, members: [] }, form.language),
    actionSet([execute(spec.submit, ACTIONS.saveEntry, data, "positive")]),
  ]);
}
