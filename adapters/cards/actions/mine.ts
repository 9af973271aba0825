import { ACTIONS } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { summaryCards } from "../draw/summary.ts";
import { type ActionArgs, currentPointCard } from "./shared.ts";
import { BadSubmit, readSubmit } from "./submit.ts";

/**
 * A card's refresh (automatic, or "show my buttons"): the point or summary as the asking person may use it. Only
 * presentation: every button it draws is checked again by its use case when clicked.
 */
export async function mine(args: ActionArgs): Promise<AdaptiveCard> {
  const l = args.ctx.workspace.language;
  const { meta: data } = readSubmit(args.data, ACTIONS.cardForMe, [], l);
  if (data.s === 1) {
    const view = await args.deps.core.getSummary(args.ctx);
    const note = args.deps.summaryNote?.(view.language, args.inbound.conversation);
    const first =
      view.discussionId === data.d ? summaryCards(view, args.ctx.actor.userId, note)[0] : undefined;
    return first ?? messageCard(t(l, "error.not_found"), "attention");
  }
  if (typeof data.p !== "number") throw new BadSubmit(t(l, "teams.bad_submit"));
  return (await currentPointCard(args, data.d, data.p)) ?? messageCard(t(l, "error.not_found"), "attention");
}
