import { ACTIONS, languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { summaryCards } from "../draw/summary.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** Approves the summary version on the card; answered with the summary card as it is now. */
export async function approve(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.approve, [], l);
  const result = await args.deps.core.approve(args.ctx, { discussionId: meta.d, version: meta.v }, args.key);
  const text = t(l, result.approved ? "command.approved_all" : "command.approved", {
    version: result.version,
  });
  const view = await args.deps.core.getSummary(args.ctx).catch(() => null);
  const note = view ? args.deps.summaryNote?.(view.language, args.inbound.conversation) : undefined;
  const first =
    view && view.discussionId === meta.d ? summaryCards(view, args.ctx.actor.userId, note)[0] : undefined;
  if (!first) return messageCard(text, "good");
  first.body.splice(1, 0, messageCard(text, "good").body[0] as Record<string, unknown>);
  return first;
}
