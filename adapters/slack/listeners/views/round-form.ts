import type { App, ViewSubmitAction } from "@slack/bolt";
import {
  ACTIONS,
  AppError,
  errorText,
  languageOf,
  precheckRound,
  type RoundInput,
  roundOutcomeText,
} from "../../../../src/app/index.ts";
import { ROUND_POINTS } from "../../../../src/domain/round.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { fieldState, stateValue, type ViewState } from "../../render/forms.ts";
import { ACCIDENTS_BLOCK, NEAR_MISSES_BLOCK, roundBlock } from "../../render/round-modal.ts";
import { accept, handleSubmit, refuse } from "./submission.ts";

const ACTION = ACTIONS.roundSave;

const inputOf = (state: ViewState): RoundInput => ({
  points: Object.fromEntries(ROUND_POINTS.map((p) => [p, stateValue(fieldState(state, roundBlock(p)))])),
  accidents: stateValue(fieldState(state, ACCIDENTS_BLOCK)),
  nearMisses: stateValue(fieldState(state, NEAR_MISSES_BLOCK)),
});

/** Which block a refused answer is shown under. */
const blockFor = (error: AppError) => {
  if (error.messageKey === "round.bad_number") return ACCIDENTS_BLOCK;
  return roundBlock(typeof error.params.point === "number" ? error.params.point : ROUND_POINTS[0]);
};

/**
 * The preparation round's modal sent: checked before Slack is answered (refusals shown in the modal), saved after it,
 * and the outcome told in the private chat with the bot.
 */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata }) => {
      const meta = decodeValue(ACTION, metadata);
      if (!meta) throw new AppError("not_found", "error.not_found");
      const input = inputOf(state);
      const names = (await deps.core.members(ctx)).map((m) => m.name);
      try {
        precheckRound(input, names);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "invalid") throw error;
        return refuse({ [blockFor(error)]: errorText(languageOf(ctx), error) });
      }
      return accept(async (w) => {
        const outcome = await deps.core.answerRound(w.ctx, meta.d, input);
        const text = roundOutcomeText(languageOf(w.ctx), outcome);
        await args.client.chat.postMessage({ channel: w.ctx.actor.userId, text });
      });
    }),
  );
}
