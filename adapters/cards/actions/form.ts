import { formSpec } from "../../../src/app/forms.ts";
import { AGENDA } from "../../../src/domain/agenda.ts";
import { type AdaptiveCard, actionSet, card, execute, heading } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { t } from "../texts.ts";
import { VERB } from "../verbs.ts";
import { formKindFor } from "./kinds.ts";
import { type ActionArgs, currentPointCard } from "./shared.ts";
import { BadSubmit, metaOnly, readSubmit } from "./submit.ts";

/** Opens a form: on a point's card (note, decision, goal, the point's own form), or input before the meeting, or a new deadline. */
export async function openForm(args: ActionArgs): Promise<AdaptiveCard> {
  const l = args.ctx.workspace.language;
  const { meta } = readSubmit(
    args.data,
    metaOnly({ d: "string", p: "int", k: "string", e: "string" }, ["k"]),
    l,
  );
  if (meta.k === "postpone" && typeof meta.e === "string") return postponeCard(l, meta.e);
  if (typeof meta.d !== "string") throw new BadSubmit(t(l, "teams.bad_submit"));
  if (meta.k === "pre_input") return preInputCard(l, meta.d);
  const point = Number(meta.p);
  const kind = formKindFor(meta.k, point);
  if (!kind) throw new BadSubmit(t(l, "teams.bad_submit"));
  const context = await args.deps.core.formContext(args.ctx, meta.d, kind);
  const form = { spec: formSpec(kind, context), members: context.members };
  return (
    (await currentPointCard(args, meta.d, point, { form })) ??
    messageCard(t(l, "error.not_found"), "attention")
  );
}

/** Input to any agenda point before the meeting: a note on the chosen point. */
export function preInputCard(language: "da" | "en", discussionId: string, error?: string): AdaptiveCard {
  const l = language;
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
    },
    {
      type: "Input.Text",
      id: "f.text",
      label: t(l, "form.note.text"),
      isMultiline: true,
      maxLength: 3000,
      isRequired: true,
      errorMessage: t(l, "problem.required"),
    },
    actionSet([execute(t(l, "form.submit"), VERB.save, { d: discussionId, k: "pre_input" }, "positive")]),
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
    actionSet([execute(t(l, "form.submit"), VERB.postpone, { e: entryId }, "positive")]),
  ]);
}
