import { ACTIONS, AppError, errorText, languageOf, roundOutcomeText } from "../../../src/app/index.ts";
import { ROUND_POINTS } from "../../../src/domain/round.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { ROUND_INPUTS, roundCard } from "../draw/round.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** "Give your input" in the private message: the round's form, with the person's own answer to change. */
export async function openRound(args: ActionArgs): Promise<AdaptiveCard> {
  const { meta } = readSubmit(args.data, ACTIONS.roundOpen, [], languageOf(args.ctx));
  return roundCard(await args.deps.core.roundForm(args.ctx, meta.d));
}

/** The round's form sent: thanks, or the form again with what is wrong and what was written. */
export async function saveRound(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta, inputs } = readSubmit(args.data, ACTIONS.roundSave, ROUND_INPUTS, l);
  const points = Object.fromEntries(ROUND_POINTS.map((p) => [p, inputs[`p${p}`]]));
  try {
    const outcome = await args.deps.core.answerRound(args.ctx, meta.d, {
      points,
      accidents: inputs.accidents,
      nearMisses: inputs.near_misses,
    });
    return messageCard(roundOutcomeText(l, outcome), outcome === "already" ? "attention" : "good");
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid") throw error;
    return roundCard(await args.deps.core.roundForm(args.ctx, meta.d), errorText(l, error), inputs);
  }
}
