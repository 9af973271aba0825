import { ACTIONS, languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { type ActionArgs, currentPointCard } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** Closes a form: the point's card as it is now. */
export async function refresh(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.closeForm, [], l);
  return (await currentPointCard(args, meta.d, meta.p)) ?? messageCard(t(l, "error.not_found"), "attention");
}
