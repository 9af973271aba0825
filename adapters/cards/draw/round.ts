import { ACTIONS, type RoundForm } from "../../../src/app/index.ts";
import { ROUND_FIGURES_POINT, ROUND_POINTS, ROUND_TEXT_MAX } from "../../../src/domain/round.ts";
import { t } from "../texts.ts";
import {
  type AdaptiveCard,
  actionSet,
  card,
  type Element,
  execute,
  heading,
  notice,
  textBlock,
} from "./card.ts";
import { INPUT, textLimit } from "./form.ts";

/** The ids of the round card's inputs: a text per point, and point 6's two figures. */
export const ROUND_INPUTS = [...ROUND_POINTS.map((p) => `p${p}`), "accidents", "near_misses"];

const figureInput = (id: string, label: string, value: number | string | null): Element => ({
  type: "Input.Number",
  id: `${INPUT}${id}`,
  label,
  min: 0,
  ...(value !== null && value !== "" ? { value: Number(value) } : {}),
});

/** The preparation round's form in a card: shown again with what was written after a refusal. */
export function roundCard(form: RoundForm, error?: string, typed?: Record<string, string>): AdaptiveCard {
  const l = form.language;
  const body: Element[] = [heading(form.title), textBlock(form.intro, { wrap: true })];
  if (error) body.push(notice(error, "attention"));
  for (const field of form.fields) {
    const value = typed?.[`p${field.point}`] ?? field.value;
    body.push({
      type: "Input.Text",
      id: `${INPUT}p${field.point}`,
      label: `${field.point}. ${field.label}`,
      isMultiline: true,
      ...textLimit(ROUND_TEXT_MAX, false, l),
      ...(value ? { value } : {}),
    });
    if (field.point === ROUND_FIGURES_POINT) {
      const v = form.figures.value;
      body.push(figureInput("accidents", form.figures.accidents, typed?.accidents ?? v.accidents));
      body.push(figureInput("near_misses", form.figures.nearMisses, typed?.near_misses ?? v.nearMisses));
    }
  }
  body.push(
    actionSet([execute(t(l, "round.send"), ACTIONS.roundSave, { d: form.discussionId }, "positive")]),
  );
  return card(body);
}
