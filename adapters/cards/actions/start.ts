import { ACTIONS, languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { hostConversation } from "../inbound.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** Start, from the button on the meeting reminder. */
export async function start(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  readSubmit(args.data, ACTIONS.start, [], l);
  await args.deps.core.start(args.ctx, { channel: hostConversation(args.inbound) }, args.key);
  return messageCard(t(l, "command.started"), "good");
}
