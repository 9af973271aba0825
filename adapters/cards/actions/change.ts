import { formSpec } from "../../../src/app/forms.ts";
import { ACTIONS, languageOf, removalKey } from "../../../src/app/index.ts";
import type { MessageKey } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { CHANGE_INPUT } from "../draw/change.ts";
import { messageCard } from "../draw/other.ts";
import { t } from "../texts.ts";
import { type ActionArgs, currentPointCard, pointOrMessage } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** The point's card, or a message when the point cannot be read. */
async function underPoint(
  args: ActionArgs,
  d: string,
  p: number,
  options: Parameters<typeof currentPointCard>[3],
): Promise<AdaptiveCard> {
  const shown = await currentPointCard(args, d, p, options);
  return shown ?? messageCard(t(languageOf(args.ctx), "error.not_found"), "attention");
}

/** "Ret eller fjern": the entries at the point the person may change or remove, to choose from under its card. */
export async function openChange(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.change, [], l);
  return chooser(args, meta.d, meta.p);
}

/** The list to choose from, with why the choice came back when it did; a point with nothing to change says so. */
async function chooser(args: ActionArgs, d: string, p: number, why?: MessageKey): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const entries = await args.deps.core.changeableEntries(args.ctx, { discussionId: d, point: p });
  if (entries.length === 0) return pointOrMessage(args, d, p, t(l, "change.none", { point: p }), "attention");
  const notice = why ? { notice: { text: t(l, why), tone: "attention" as const } } : {};
  return underPoint(args, d, p, { changing: { entries }, ...notice });
}

/** The entry chosen: its form filled in as it stands, or the question before removing it. */
export async function chooseChange(args: ActionArgs): Promise<AdaptiveCard> {
  const { deps, ctx } = args;
  const l = languageOf(ctx);
  const { meta, inputs } = readSubmit(args.data, ACTIONS.chooseChange, [CHANGE_INPUT], l);
  const entryId = inputs[CHANGE_INPUT];
  if (!entryId) return chooser(args, meta.d, meta.p, "change.choose_first");
  const entry = await deps.core.entryForm(ctx, entryId);
  if (meta.w === "remove")
    return underPoint(args, entry.discussionId, entry.point, {
      changing: { remove: { entryId: entry.entryId, label: entry.label } },
    });
  if (!entry.editable) return chooser(args, meta.d, meta.p, "change.redo_verdict");
  const context = await deps.core.formContext(ctx, entry.discussionId, entry.kind);
  const form = {
    spec: formSpec(entry.kind, context),
    members: context.members,
    values: entry.values,
    entryId: entry.entryId,
  };
  return underPoint(args, entry.discussionId, entry.point, { form });
}

/** "Fjern", confirmed: the entry leaves the record, and the card shows the point without it. */
export async function removeEntry(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.removeEntry, [], l);
  await args.deps.core.removeEntry(args.ctx, { entryId: meta.e }, removalKey(meta.e, args.ctx.actor.userId));
  return pointOrMessage(args, meta.d, meta.p, t(l, "change.removed", { point: meta.p }), "good");
}
