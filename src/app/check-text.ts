import { type Completeness, REQUIREMENT_POINT } from "../domain/completeness.ts";
import type { Language } from "../domain/types.ts";
import { type MessageKey, t } from "../i18n/index.ts";

/**
 * The completeness check as plain lines for a text answer (status): the missing legal requirements, yearly duties and
 * good practice, each in agenda order with its point.
 */
export function checkText(language: Language, completeness: Completeness): string {
  if (completeness.complete) return t(language, "completeness.all_good");
  const line = (key: string, point: number) =>
    `• ${t(language, key as MessageKey)} (${t(language, "completeness.see_point", { point })})`;
  const list = (heading: MessageKey, done: MessageKey, items: string[]) =>
    [`${t(language, heading)}:`, ...(items.length ? items : [t(language, done)])].join("\n");
  const parts = [
    list(
      "completeness.legal",
      "completeness.legal_done",
      completeness.legal.map((r) => line(`legal.${r}`, REQUIREMENT_POINT[r])),
    ),
    list(
      "completeness.duties",
      "completeness.duties_done",
      completeness.duties.map((r) => line(`duty.${r}`, REQUIREMENT_POINT[r])),
    ),
    list(
      "completeness.practice",
      "completeness.practice_done",
      completeness.goodPractice.map((r) => line(`practice.${r}`, REQUIREMENT_POINT[r])),
    ),
  ];
  if (completeness.firstYear) parts.push(t(language, "completeness.first_year"));
  return parts.join("\n\n");
}
