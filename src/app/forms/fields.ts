import { LIMITS } from "../../domain/entries.ts";
import type { Language } from "../../domain/types.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import type { FieldSpec } from "../forms.ts";

/** Builders for a form's fields, with their labels in one language. */
export function fieldsIn(language: Language) {
  const tr = (key: MessageKey) => t(language, key);
  return {
    tr,
    text: (id: string, label: MessageKey, required: boolean, max: number = LIMITS.medium, multiline = true) =>
      ({ id, label: tr(label), required, type: "text", multiline, maxLength: max }) satisfies FieldSpec,
    date: (id: string, label: MessageKey, required = false) =>
      ({ id, label: tr(label), required, type: "date" }) satisfies FieldSpec,
    person: (id: string, label: MessageKey, required = false) =>
      ({ id, label: tr(label), required, type: "person" }) satisfies FieldSpec,
    people: (id: string, label: MessageKey, suggested: { id?: string; name: string }[]) =>
      ({ id, label: tr(label), required: false, type: "people", suggested }) satisfies FieldSpec,
    /** A choice among `values`, each labelled by the catalogue key `prefix` + value. */
    select: (id: string, label: MessageKey, values: string[], prefix: string, required = true) =>
      ({
        id,
        label: tr(label),
        required,
        type: "select",
        options: values.map((v) => ({ value: v, label: tr(`${prefix}${v}` as MessageKey) })),
      }) satisfies FieldSpec,
    count: (id: string, label: MessageKey) =>
      ({ id, label: tr(label), required: true, type: "number" }) satisfies FieldSpec,
  };
}

export type Fields = ReturnType<typeof fieldsIn>;
