import type { Ctx } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import { approve } from "../actions/approve.ts";
import { conclude } from "../actions/conclude.ts";
import { entryDone, postpone } from "../actions/entries.ts";
import { openForm } from "../actions/form.ts";
import { move } from "../actions/move.ts";
import { savePlan } from "../actions/plan.ts";
import { refresh } from "../actions/refresh.ts";
import { saveForm } from "../actions/save.ts";
import { saveSetup } from "../actions/setup.ts";
import { type ActionArgs, type ActionHandler, failureCard } from "../actions/shared.ts";
import { start } from "../actions/start.ts";
import { BadSubmit } from "../actions/submit.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { VERB, type Verb } from "../cards/verbs.ts";
import type { TeamsDeps } from "../context.ts";
import type { Inbound } from "../turn.ts";

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
  deps: TeamsDeps,
  ctx: Ctx,
  inbound: Inbound,
  verb: string,
  data: unknown,
): Promise<AdaptiveCard> {
  const args: ActionArgs = { deps, ctx, inbound, data, key: `teams:${inbound.activityId}` };
  try {
    const handler = Object.hasOwn(HANDLERS, verb) ? HANDLERS[verb as Verb] : null;
    if (!handler) throw new BadSubmit(t(ctx.workspace.language, "teams.bad_submit"));
    return await handler(args);
  } catch (error) {
    return failureCard(args, error);
  }
}
