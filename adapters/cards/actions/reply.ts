import { ACTIONS, AppError, languageOf } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { t } from "../texts.ts";
import type { ActionArgs } from "./shared.ts";
import { BadSubmit, readSubmit } from "./submit.ts";

/**
 * "Gem alligevel" on a thread reply held back for naming a person with a health word (a card in the writer's own
 * chat): the reply the card carries is saved as its point's note, once however often the button is pressed.
 */
export async function saveReply(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.saveReply, [], l);
  if (!meta.x) throw new BadSubmit(t(l, "teams.bad_submit"));
  // Saved under the clicker's name: anyone but the writer would put someone else's words on record as their own.
  if (meta.w !== args.ctx.actor.userId) throw new AppError("forbidden", "health.reply_not_yours");
  const reply = { channel: meta.c, threadId: meta.t, messageId: meta.m, text: meta.x };
  const result = await args.deps.core.confirmThreadReply(args.ctx, reply);
  if (!result) throw new AppError("not_found", "health.reply_gone");
  return messageCard(t(l, "health.reply_saved", { point: result.entry.point }), "good");
}
