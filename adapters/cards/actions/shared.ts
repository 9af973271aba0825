import type { Ctx, PointView } from "../../../src/app/index.ts";
import { AppError, errorText, failureText, languageOf } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { type PointCardOptions, pointCards } from "../draw/point.ts";
import type { CardDeps, Inbound } from "../inbound.ts";
import { BadSubmit } from "./submit.ts";

export interface ActionArgs {
  deps: CardDeps;
  ctx: Ctx;
  inbound: Inbound;
  /** The Action.Execute data, inputs included. */
  data: unknown;
  /** The idempotency key, so a redelivered action acts once. */
  key: string;
}

export type ActionHandler = (args: ActionArgs) => Promise<AdaptiveCard>;

/** A point's card as it is now, optionally with a form or a notice; null when the discussion is not this tenant's. */
export async function currentPointCard(
  args: ActionArgs,
  discussionId: string,
  point: number,
  options: PointCardOptions = {},
): Promise<AdaptiveCard | null> {
  if (!Number.isInteger(point) || point < 1 || point > 11) return null;
  const view = await args.deps.core.pointView(args.ctx, discussionId, point);
  return view && pointCardOf(view, { viewer: args.ctx.actor.userId, ...options });
}

/** A point's first card drawn from its view (a long point continues on further cards in the channel). */
export const pointCardOf = (view: PointView, options: PointCardOptions = {}): AdaptiveCard | null =>
  pointCards(view, options)[0] ?? null;

/** Any failure as a card the user can read: refused submits and known errors in their words, the rest logged. */
export function failureCard(args: ActionArgs, error: unknown): AdaptiveCard {
  const l = languageOf(args.ctx);
  if (error instanceof BadSubmit) return messageCard(error.text, "attention");
  if (error instanceof AppError) return messageCard(errorText(l, error), "attention");
  return messageCard(failureText(args.deps.log, l, error), "attention");
}

/** The point card with a notice when the point can be shown; otherwise the notice alone. */
export async function pointOrMessage(
  args: ActionArgs,
  discussionId: string,
  point: number,
  text: string,
  tone: "good" | "attention",
): Promise<AdaptiveCard> {
  return (
    (await currentPointCard(args, discussionId, point, { notice: { text, tone } })) ?? messageCard(text, tone)
  );
}
