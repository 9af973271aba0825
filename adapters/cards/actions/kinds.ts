import type { FormKind } from "../../../src/app/forms.ts";
import { agendaPoint } from "../../../src/domain/agenda.ts";

/** The form kinds a point offers: note, decision, goal, and the point's own form. */
export function formKindFor(kind: unknown, point: number): FormKind | null {
  if (typeof kind !== "string" || !Number.isInteger(point) || point < 1 || point > 11) return null;
  if (kind === "note" || kind === "decision" || kind === "goal") return kind;
  return agendaPoint(point).form === kind ? (kind as FormKind) : null;
}
