import { type FormKind, formSpec } from "../../../src/app/forms.ts";
import { ACTIONS, languageOf } from "../../../src/app/index.ts";
import { AGENDA } from "../../../src/domain/agenda.ts";
import { LIMITS } from "../../../src/domain/entries.ts";
import { type AdaptiveCard, actionSet, card, execute, heading } from "../draw/card.ts";
import { textLimit } from "../draw/form.ts";
import { messageCard } from "../draw/other.ts";
import { t } from "../texts.ts";
import { formKindFor } from "./kinds.ts";
import { type ActionArgs, type ActionHandler, currentPointCard } from "./shared.ts";
import { BadSubmit, readSubmit } from "./submit.ts";

/** Opens the note, decision or goal form under a point's card. */
const opening =
  (kind: "note" | "decision" | "goal"): ActionHandler =>
  async (args) => {
    const { meta } = readSubmit(args.data, ACTIONS[kind], [], languageOf(args.ctx));
    return formUnderPoint(args, meta.d, meta.p, kind, meta.a === 1);
  };

export const openNote = opening("note");
export const openDecision = opening("decision");
export const openGoal = opening("goal");

/** Opens the point's own form (minute-taker, accidents, cooperation plan …); only the form that point has. */
export async function openPointForm(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.pointForm, [], l);
  const kind = formKindFor(meta.f, meta.p);
  if (!kind) throw new BadSubmit(t(l, "teams.bad_submit"));
  return formUnderPoint(args, meta.d, meta.p, kind, meta.a === 1);
}

/** "Add to the minutes" on a concluded point: what adding means, and the point's forms to add with. */
export async function openAmend(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.amend, [], l);
  const text = t(l, "amend.choose", { point: meta.p });
  return (
    (await currentPointCard(args, meta.d, meta.p, { amending: true, notice: { text, tone: "good" } })) ??
    messageCard(t(l, "error.not_found"), "attention")
  );
}

async function formUnderPoint(
  args: ActionArgs,
  discussionId: string,
  point: number,
  kind: FormKind,
  amend: boolean,
) {
  const l = languageOf(args.ctx);
  const context = await args.deps.core.formContext(args.ctx, discussionId, kind);
  const plain = formSpec(kind, context);
  const spec = amend
    ? { ...plain, intro: [t(l, "amend.form_intro"), plain.intro].filter(Boolean).join("\n") }
    : plain;
  const form = { spec, members: context.members, amend };
  return (
    (await currentPointCard(args, discussionId, point, { form })) ??
    messageCard(t(languageOf(args.ctx), "error.not_found"), "attention")
  );
}

/** "Add input" on the reminder before the meeting. */
export async function openPreInput(args: ActionArgs): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const { meta } = readSubmit(args.data, ACTIONS.preInput, [], l);
  return preInputCard(l, meta.d);
}

/**
 * Input to any agenda point before the meeting: a note on the chosen point. Shown again after a refusal with what was
 * written (`again.values`), and after a health warning with "Gem alligevel" (`again.anyway`, the warned save's key).
 */
export function preInputCard(
  language: "da" | "en",
  discussionId: string,
  error?: string,
  again: { values?: Record<string, string>; anyway?: string } = {},
): AdaptiveCard {
  const l = language;
  const save = { d: discussionId, k: "pre_input" as const };
  const point = again.values?.point;
  const text = again.values?.text;
  return card([
    heading(t(l, "command.pre_input_title")),
    ...(error ? [messageCard(error, "attention").body[0] as Record<string, unknown>] : []),
    {
      type: "Input.ChoiceSet",
      id: "f.point",
      label: t(l, "command.pre_input_point"),
      style: "compact",
      isRequired: true,
      errorMessage: t(l, "problem.required"),
      choices: AGENDA.map((p) => ({ title: `${p.number}. ${p.title[l]}`, value: String(p.number) })),
      ...(point ? { value: point } : {}),
    },
    {
      type: "Input.Text",
      id: "f.text",
      label: `${t(l, "form.note.text")} (${t(l, "form.limit", { max: LIMITS.long })})`,
      isMultiline: true,
      isRequired: true,
      ...textLimit(LIMITS.long, true, l),
      ...(text ? { value: text } : {}),
    },
    actionSet([
      execute(t(l, "form.submit"), ACTIONS.saveEntry, save, "positive"),
      ...(again.anyway
        ? [execute(t(l, "health.save_anyway"), ACTIONS.saveEntry, { ...save, h: again.anyway })]
        : []),
    ]),
  ]);
}

/** A new deadline for an open decision or goal. */
export function postponeCard(language: "da" | "en", entryId: string, error?: string): AdaptiveCard {
  const l = language;
  return card([
    heading(t(l, "button.postpone")),
    ...(error ? [messageCard(error, "attention").body[0] as Record<string, unknown>] : []),
    {
      type: "Input.Date",
      id: "f.deadline",
      label: t(l, "form.deadline"),
      isRequired: true,
      errorMessage: t(l, "problem.required"),
    },
    actionSet([execute(t(l, "form.submit"), ACTIONS.savePostpone, { e: entryId }, "positive")]),
  ]);
}
