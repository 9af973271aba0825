import { ACTIONS, languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** "Add to calendar": the planned meeting's invitation, sent to the person privately. */
export async function sendInvitation(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.sendInvitation, [], l);
  await args.deps.core.sendInvitation(args.ctx, { discussionId: meta.d });
  return messageCard(t(l, "home.invitation_sent"), "good");
}
