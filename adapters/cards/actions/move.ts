import { AppError, errorText, StaleError } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { t } from "../texts.ts";
import { type ActionArgs, currentPointCard, pointCardOf, pointOrMessage } from "./shared.ts";
import { BadSubmit, metaOnly, readSubmit } from "./submit.ts";

const MOVES = ["next", "previous", "skip"] as const;

/**
 * Next, back or skip. The card carries the discussion version it was drawn from, so a second click on the same card
 * (or someone else moving first) moves nothing and gets the card as it is now.
 */
export async function move(args: ActionArgs): Promise<AdaptiveCard> {
  const l = args.ctx.workspace.language;
  const { meta } = readSubmit(
    args.data,
    metaOnly({ d: "string", v: "int", p: "int", m: "string" }, ["d", "v", "p", "m"]),
    l,
  );
  const type = MOVES.find((m) => m === meta.m);
  if (!type) throw new BadSubmit(t(l, "teams.bad_submit"));
  const discussionId = String(meta.d);
  try {
    const { discussion } = await args.deps.core.move(
      args.ctx,
      { discussionId, expectedVersion: Number(meta.v), move: { type }, showing: Number(meta.p) },
      args.key,
    );
    // The user sees the point they moved to; the point they left is updated in the channel.
    const now = discussion.currentPoint ?? Number(meta.p);
    return (
      (await currentPointCard(args, discussionId, now)) ??
      (await pointOrMessage(args, discussionId, Number(meta.p), "", "good"))
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const text = errorText(l, error);
    // Behind: answered with the point as the refusal read it.
    const read = error instanceof StaleError && error.view;
    const card = read && pointCardOf(read, { notice: { text, tone: "attention" } });
    return card || pointOrMessage(args, discussionId, Number(meta.p), text, "attention");
  }
}
