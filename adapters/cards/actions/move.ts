import { ACTIONS, AppError, errorText, languageOf, StaleError } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import {
  type ActionArgs,
  type ActionHandler,
  currentPointCard,
  pointCardOf,
  pointOrMessage,
} from "./shared.ts";
import { readSubmit } from "./submit.ts";

/**
 * Next, back or skip. The card carries the discussion version it was drawn from, so a second click on the same card
 * (or someone else moving first) moves nothing and gets the card as it is now.
 */
const moving =
  (type: "next" | "previous" | "skip"): ActionHandler =>
  async (args: ActionArgs): Promise<AdaptiveCard> => {
    const l = languageOf(args.ctx);
    const { meta } = readSubmit(args.data, ACTIONS[type], [], l);
    const discussionId = meta.d;
    try {
      const { discussion, view } = await args.deps.core.move(
        args.ctx,
        { discussionId, expectedVersion: meta.v, move: { type }, showing: meta.p },
        args.key,
      );
      // The user sees the point they moved to, as the refresh drew it; the point they left is updated in the channel.
      const now = discussion.currentPoint ?? meta.p;
      return (
        (view && pointCardOf(view, { viewer: args.ctx.actor.userId })) ??
        (await currentPointCard(args, discussionId, now)) ??
        (await pointOrMessage(args, discussionId, meta.p, "", "good"))
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const text = errorText(l, error);
      // Behind: answered with the point as the refusal read it.
      const read = error instanceof StaleError && error.view;
      const card =
        read && pointCardOf(read, { viewer: args.ctx.actor.userId, notice: { text, tone: "attention" } });
      return card || pointOrMessage(args, discussionId, meta.p, text, "attention");
    }
  };

/**
 * Back to a point from the completeness check: the meeting goes there and the user gets that point's card (the
 * check is not a point, so a refusal is answered with the target point as it is now).
 */
export const goto: ActionHandler = async (args) => {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.goto, [], l);
  const move = { type: "goto" as const, point: meta.p };
  try {
    const { view } = await args.deps.core.move(
      args.ctx,
      { discussionId: meta.d, expectedVersion: meta.v, move, showing: meta.p },
      args.key,
    );
    return (
      (view && pointCardOf(view, { viewer: args.ctx.actor.userId })) ??
      (await pointOrMessage(args, meta.d, meta.p, "", "good"))
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const text = errorText(l, error);
    const read = error instanceof StaleError && error.view;
    const card =
      read && pointCardOf(read, { viewer: args.ctx.actor.userId, notice: { text, tone: "attention" } });
    return card || pointOrMessage(args, meta.d, meta.p, text, "attention");
  }
};

export const next = moving("next");
export const previous = moving("previous");
export const skip = moving("skip");
