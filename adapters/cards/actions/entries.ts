import { ACTIONS, AppError, languageOf, problemText } from "../../../src/app/index.ts";
import { formatDate, t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { postponeCard } from "./form.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** "Done" on a deadline reminder. */
export async function entryDone(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.entryDone, [], l);
  await args.deps.core.setEntryStatus(args.ctx, { entryId: meta.e, status: "done" }, args.key);
  return messageCard(t(l, "command.marked_done"), "good");
}

/** "Postpone" on a deadline reminder: the form for the new deadline. */
export async function openPostpone(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.postpone, [], l);
  return postponeCard(l, meta.e);
}

/** A new deadline from the postpone form. */
export async function savePostpone(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta, inputs } = readSubmit(args.data, ACTIONS.savePostpone, ["deadline"], l);
  const entryId = meta.e;
  try {
    const entry = await args.deps.core.postpone(
      args.ctx,
      { entryId, deadline: inputs.deadline ?? "" },
      args.key,
    );
    const date = entry.deadline ? formatDate(l, entry.deadline, args.ctx.workspace.timeZone) : "";
    return messageCard(t(l, "command.postponed", { date }), "good");
  } catch (error) {
    if (error instanceof AppError && error.problems.deadline) {
      return postponeCard(l, entryId, problemText(l, error.problems.deadline));
    }
    throw error;
  }
}
