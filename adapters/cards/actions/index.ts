import { ACTIONS, type ActionId, type ActionName, type Ctx, languageOf } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { type CardDeps, type Inbound, keyOf } from "../inbound.ts";
import { currentVerb } from "../old-verbs.ts";
import { t } from "../texts.ts";
import { approve } from "./approve.ts";
import { chooseChange, openChange, removeEntry } from "./change.ts";
import { conclude, concludeAnyway, concludeWithReason } from "./conclude.ts";
import { entryDone, openPostpone, savePostpone } from "./entries.ts";
import { openAmend, openDecision, openGoal, openNote, openPointForm, openPreInput } from "./form.ts";
import { sendInvitation } from "./invitation.ts";
import { mine } from "./mine.ts";
import { goto, next, previous, skip } from "./move.ts";
import { savePlan } from "./plan.ts";
import { refresh } from "./refresh.ts";
import { saveReply } from "./reply.ts";
import { openRound, saveRound } from "./round.ts";
import { saveForm } from "./save.ts";
import { saveSetup } from "./setup.ts";
import { type ActionArgs, type ActionHandler, failureCard } from "./shared.ts";
import { start } from "./start.ts";
import { BadSubmit } from "./submit.ts";

/** The handler of every action in the catalogue: a card's Action.Execute verb is the action's id. */
const HANDLERS: Record<ActionName, ActionHandler> = {
  note: openNote,
  decision: openDecision,
  goal: openGoal,
  pointForm: openPointForm,
  saveEntry: saveForm,
  change: openChange,
  chooseChange,
  removeEntry,
  amend: openAmend,
  closeForm: refresh,
  cardForMe: mine,
  previous,
  skip,
  next,
  goto,
  conclude,
  concludeAnyway,
  concludeReason: concludeWithReason,
  approve,
  start,
  preInput: openPreInput,
  sendInvitation,
  roundOpen: openRound,
  roundSave: saveRound,
  entryDone,
  postpone: openPostpone,
  savePostpone,
  setup: saveSetup,
  plan: savePlan,
  saveReply,
};

const BY_ID = new Map<string, ActionHandler>(
  Object.entries(HANDLERS).map(([name, handler]) => [ACTIONS[name as ActionName].id, handler]),
);

/** The handler for an Action.Execute verb, or null when no action has that id. */
export const handlerFor = (verb: string): ActionHandler | null => BY_ID.get(verb) ?? null;

/** The action ids the cards route, for the test that every action in the catalogue is routed. */
export const routedIds = (): ActionId[] => [...BY_ID.keys()] as ActionId[];

/** An Action.Execute from one of our cards: answered with a card (the refreshed one, or one that says what is wrong). */
export async function onCardAction(
  deps: CardDeps,
  ctx: Ctx,
  inbound: Inbound,
  sentVerb: string,
  sentData: unknown,
): Promise<AdaptiveCard> {
  const { verb, data } = currentVerb(sentVerb, sentData);
  const args: ActionArgs = { deps, ctx, inbound, data, key: keyOf(ctx, inbound) };
  try {
    const handler = handlerFor(verb);
    if (!handler) throw new BadSubmit(t(languageOf(ctx), "teams.bad_submit"));
    return await handler(args);
  } catch (error) {
    return failureCard(args, error);
  }
}
