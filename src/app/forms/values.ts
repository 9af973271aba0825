import type { FieldValue } from "../forms.ts";

const FROM_ROSTER = ["person", "role", "joinedOn"];

/** A stored answer as a form shows it: yes/no questions as their options, numbers as text. */
const shown = (v: unknown): FieldValue => {
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return String(v);
  return v as FieldValue;
};

/**
 * An entry's data as the values of its form's fields, for changing it: the inverse of `formData`. Most fields are
 * named as the data is; the APV's action rows and the competences' people have a field per row.
 */
export function formValues(data: unknown): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  const record = (data ?? {}) as Record<string, unknown>;
  for (const [id, v] of Object.entries(record))
    if (!Array.isArray(v) || id === "attendees") values[id] = shown(v);
  const rows = Array.isArray(record.actions) ? (record.actions as Record<string, unknown>[]) : [];
  rows.forEach((row, i) => {
    for (const [key, v] of Object.entries(row)) values[`action.${i + 1}.${key}`] = shown(v);
  });
  // A member's role and joining date are the roster's, filled in again when the form is saved.
  const members = Array.isArray(record.members) ? (record.members as Record<string, unknown>[]) : [];
  for (const member of members) {
    const id = (member.person as { id?: string } | undefined)?.id;
    if (!id) continue;
    for (const [key, v] of Object.entries(member))
      if (!FROM_ROSTER.includes(key)) values[`member.${id}.${key}`] = shown(v);
  }
  return values;
}
