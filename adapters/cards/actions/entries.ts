import { AppError, problemText } from "../../../src/app/index.ts";
import { formatDate, t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { postponeCard } from "./form.ts";
import type { ActionArgs } from "./shared.ts";
import { metaOnly, readSubmit } from "./submit.ts";

/** "Done" on a deadline reminder. */
export async function entryDone(args: ActionArgs): Promise<AdaptiveCard> {
  const l = args.ctx.workspace.language;
  const { meta } = readSubmit(args.data, metaOnly({ e: "string" }, ["e"]), l);
  await args.deps.core.setEntryStatus(args.ctx, { entryId: String(meta.e), status: "done" }, args.key);
  return messageCard(t(l, "command.marked_done"), "good");
}

/** A new deadline from the postpone form. */
export async function postpone(args: ActionArgs): Promise<AdaptiveCard> {
  const l = args.ctx.workspace.language;
  const { meta, inputs } = readSubmit(
    args.data,
    { meta: { e: "string" }, required: ["e"], inputs: ["deadline"] },
    l,
  );
  const entryId = String(meta.e);
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
