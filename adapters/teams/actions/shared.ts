import type { Ctx, PointView } from "../../../src/app/index.ts";
import { AppError, errorText } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { messageCard } from "../cards/other.ts";
import { type PointCardOptions, pointCards } from "../cards/point.ts";
import { failureText, type TeamsDeps } from "../context.ts";
import type { Inbound } from "../turn.ts";
import { BadSubmit } from "./submit.ts";

export interface ActionArgs {
  deps: TeamsDeps;
  ctx: Ctx;
  inbound: Inbound;
  /** The Action.Execute data, inputs included. */
  data: unknown;
  /** The invoke's activity id: the idempotency key, so a redelivered invoke acts once. */
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
  return view && pointCardOf(view, options);
}

/** A point's card drawn from its view; cards without a form are drawn once per view and notice. */
export function pointCardOf(view: PointView, options: PointCardOptions = {}): AdaptiveCard | null {
  // A form is one person's; a card with a notice alone is the same for everyone answered from this view.
  if (options.form) return pointCards(view, options)[0] ?? null;
  let cards = drawn.get(view);
  if (!cards) {
    cards = new Map();
    drawn.set(view, cards);
  }
  const key = options.notice ? `${options.notice.tone} ${options.notice.text}` : "";
  let card = cards.get(key);
  if (card === undefined) {
    card = pointCards(view, options)[0] ?? null;
    cards.set(key, card);
  }
  return card;
}

/**
 * The cards drawn from a view, by notice. Requests arriving together share one read of a point, and with it one view
 * (see core.pointView); they then share its drawing too. Sent as they are, never changed.
 */
const drawn = new WeakMap<PointView, Map<string, AdaptiveCard | null>>();

/** Any failure as a card the user can read: refused submits and known errors in their words, the rest logged. */
export function failureCard(args: ActionArgs, error: unknown): AdaptiveCard {
  const l = args.ctx.workspace.language;
  if (error instanceof BadSubmit) return messageCard(error.text, "attention");
  if (error instanceof AppError) return messageCard(errorText(l, error), "attention");
  return messageCard(failureText(args.deps, l, error), "attention");
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
