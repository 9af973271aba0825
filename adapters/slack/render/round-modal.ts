import type { KnownBlock, View } from "@slack/types";
import { ACTIONS, type RoundForm } from "../../../src/app/index.ts";
import { ROUND_FIGURES_POINT, ROUND_TEXT_MAX } from "../../../src/domain/round.ts";
import { t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { VALUE } from "./forms.ts";
import { clip, escapeMrkdwn } from "./mrkdwn.ts";

/** The block ids of the round's modal: one per point, and point 6's figures. */
export const roundBlock = (point: number) => `p${point}`;
export const ACCIDENTS_BLOCK = "accidents";
export const NEAR_MISSES_BLOCK = "near_misses";

const optionalInput = (id: string, label: string, element: Record<string, unknown>): KnownBlock =>
  ({
    type: "input",
    block_id: id,
    optional: true,
    label: { type: "plain_text", text: clip(label, 2000) },
    element: { action_id: VALUE, ...element },
  }) as unknown as KnownBlock;

const figure = (id: string, label: string, value: number | null) =>
  optionalInput(id, label, {
    type: "number_input",
    is_decimal_allowed: false,
    min_value: "0",
    ...(value !== null ? { initial_value: String(value) } : {}),
  });

/** The preparation round's form as a modal, with the person's own answer filled in where they may change it. */
export function roundModal(form: RoundForm): View {
  const l = form.language;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(form.intro) } } as KnownBlock,
  ];
  for (const field of form.fields) {
    blocks.push(
      optionalInput(roundBlock(field.point), `${field.point}. ${field.label}`, {
        type: "plain_text_input",
        multiline: true,
        max_length: ROUND_TEXT_MAX,
        ...(field.value ? { initial_value: field.value } : {}),
      }),
    );
    if (field.point === ROUND_FIGURES_POINT) {
      blocks.push(figure(ACCIDENTS_BLOCK, form.figures.accidents, form.figures.value.accidents));
      blocks.push(figure(NEAR_MISSES_BLOCK, form.figures.nearMisses, form.figures.value.nearMisses));
    }
  }
  return {
    type: "modal",
    callback_id: ACTIONS.roundSave.id,
    private_metadata: encodeValue(ACTIONS.roundSave, { d: form.discussionId }),
    title: { type: "plain_text", text: clip(form.title, 24) },
    submit: { type: "plain_text", text: clip(t(l, "round.send"), 24) },
    close: { type: "plain_text", text: clip(t(l, "form.cancel"), 24) },
    blocks,
  };
}
