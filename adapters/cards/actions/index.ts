import type { Ctx } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { type CardDeps, type Inbound, keyOf } from "../inbound.ts";
import { t } from "../texts.ts";
import { VERB, type Verb } from "../verbs.ts";
import { approve } from "./approve.ts";
import { conclude } from "./conclude.ts";
import { entryDone, postpone } from "./entries.ts";
import { openForm } from "./form.ts";
import { move } from "./move.ts";
import { savePlan } from "./plan.ts";
import { refresh } from "./refresh.ts";
import { saveForm } from "./save.ts";
import { saveSetup } from "./setup.ts";
import { type ActionArgs, type ActionHandler, failureCard } from "./shared.ts";
import { start } from "./start.ts";
import { BadSubmit } from "./submit.ts";

const HANDLERS: Record<Verb, ActionHandler> = {
  [VERB.form]: openForm,
  [VERB.save]: saveForm,
  [VERB.refresh]: refresh,
  [VERB.move]: move,
  [VERB.conclude]: conclude,
  [VERB.approve]: approve,
  [VERB.setup]: saveSetup,
  [VERB.plan]: savePlan,
  [VERB.start]: start,
  [VERB.entryDone]: entryDone,
  [VERB.postpone]: postpone,
};

/** An Action.Execute from one of our cards: answered with a card (the refreshed one, or one that says what is wrong). */
export async function onCardAction(
  deps: CardDeps,
  ctx: Ctx,
  inbound: Inbound,
  verb: string,
  data: unknown,
): Promise<AdaptiveCard> {
  const args: ActionArgs = { deps, ctx, inbound, data, key: keyOf(ctx, inbound) };
  try {
    const handler = Object.hasOwn(HANDLERS, verb) ? HANDLERS[verb as Verb] : null;
    if (!handler) throw new BadSubmit(t(ctx.workspace.language, "teams.bad_submit"));
    return await handler(args);
  } catch (error) {
    return failureCard(args, error);
  }
}
